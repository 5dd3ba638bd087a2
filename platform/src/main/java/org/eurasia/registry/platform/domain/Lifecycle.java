package org.eurasia.registry.platform.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One aggregate's lifecycle as a table — which commands each state allows — from which both the
 * guard of every command ({@link #require}) and the {@code allowedTransitions} a view advertises
 * ({@link #allowedIn}) come, so the two cannot drift apart. Commands are named as the API names
 * them.
 */
public final class Lifecycle<S extends Enum<S>> {

  private final String subject;
  private final Map<S, Set<String>> allowed;

  private Lifecycle(String subject, Map<S, Set<String>> allowed) {
    this.subject = subject;
    this.allowed = allowed;
  }

  /**
   * Starts the table for one aggregate; {@code subject} is how a reader names it ("an agreement").
   */
  public static <S extends Enum<S>> Builder<S> of(Class<S> states, String subject) {
    return new Builder<>(states, subject);
  }

  /** Throws {@link InvalidTransition} unless {@code command} is allowed in {@code state}. */
  public void require(S state, String command) {
    if (!allowed.get(state).contains(command)) {
      throw new InvalidTransition(subject, state, command, allowedIn(state));
    }
  }

  public boolean allows(S state, String command) {
    return allowed.get(state).contains(command);
  }

  /** The commands {@code state} allows, in the order the table lists them. */
  public List<String> allowedIn(S state) {
    return List.copyOf(allowed.get(state));
  }

  /** Collects the table state by state; a state never mentioned allows nothing. */
  public static final class Builder<S extends Enum<S>> {
    private final Class<S> states;
    private final String subject;
    private final Map<S, Set<String>> allowed;

    private Builder(Class<S> states, String subject) {
      this.states = states;
      this.subject = subject;
      this.allowed = new EnumMap<>(states);
    }

    public Builder<S> in(S state, String... commands) {
      allowed.computeIfAbsent(state, s -> new LinkedHashSet<>()).addAll(List.of(commands));
      return this;
    }

    public Lifecycle<S> build() {
      Map<S, Set<String>> table = new EnumMap<>(states);
      for (S state : states.getEnumConstants()) {
        table.put(
            state,
            Collections.unmodifiableSet(
                new LinkedHashSet<>(allowed.getOrDefault(state, Set.of()))));
      }
      return new Lifecycle<>(subject, Collections.unmodifiableMap(table));
    }
  }

  @Override
  public String toString() {
    List<String> rows = new ArrayList<>();
    allowed.forEach((state, commands) -> rows.add(state + " → " + commands));
    return subject + " " + rows;
  }
}
