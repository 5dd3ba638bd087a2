package org.eurasia.registry.agreements.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eurasia.registry.platform.events.AggregateVersions;
import org.eurasia.registry.platform.events.EventHandler;
import org.eurasia.registry.platform.events.ReceivedEvent;

/** Test-only handler: counts applications per subject, and fails every time on poison events. */
@ApplicationScoped
public class ProbeHandler implements EventHandler {

  static final String PROBE = "registry.test.probe.v1";
  static final String POISON = "registry.test.poison.v1";
  static final String VERSIONED = "registry.test.versioned.v1";

  /** Fails until its subject is healed (a fix deployed, say): for replays of dead letters. */
  static final String HEALABLE = "registry.test.healable.v1";

  static final Set<String> HEALED = ConcurrentHashMap.newKeySet();
  static final Map<String, java.util.List<Long>> APPLIED_VERSIONS = new ConcurrentHashMap<>();

  @jakarta.inject.Inject AggregateVersions versions;
  static final Map<String, AtomicInteger> APPLIED = new ConcurrentHashMap<>();
  static final Set<String> APPLIED_IDS = ConcurrentHashMap.newKeySet();

  @Override
  public Set<String> eventTypes() {
    return Set.of(PROBE, POISON, VERSIONED, HEALABLE);
  }

  @Override
  public void apply(ReceivedEvent event) {
    if (POISON.equals(event.type())) {
      throw new IllegalArgumentException("cannot apply " + event.id());
    }
    if (HEALABLE.equals(event.type()) && !HEALED.contains(event.subject())) {
      throw new IllegalStateException("not healed yet: " + event.subject());
    }
    if (VERSIONED.equals(event.type())) {
      if (versions.admit(event) == AggregateVersions.Decision.APPLY) {
        APPLIED_VERSIONS
            .computeIfAbsent(
                event.subject(), s -> new java.util.concurrent.CopyOnWriteArrayList<>())
            .add(event.aggregateVersion());
      }
      APPLIED_IDS.add(event.id());
      return;
    }
    APPLIED.computeIfAbsent(event.subject(), s -> new AtomicInteger()).incrementAndGet();
    APPLIED_IDS.add(event.id());
  }

  static int applied(String subject) {
    AtomicInteger count = APPLIED.get(subject);
    return count == null ? 0 : count.get();
  }
}
