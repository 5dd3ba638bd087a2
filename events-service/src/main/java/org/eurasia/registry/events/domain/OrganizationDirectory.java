package org.eurasia.registry.events.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.eurasia.registry.platform.domain.UnknownReference;

/**
 * Which organizations something new may name, decided from the directory projection: only one the
 * directory knows and has not retired. An unknown code and a retired one are refused alike as
 * {@link UnknownReference} naming the term, told apart by the detail ("no organization 'x' in the
 * directory" / "organization 'x' is retired"). Records that already name an organization keep it
 * when it is retired later: callers pass the codes a change keeps, which are not checked again.
 */
public final class OrganizationDirectory {

  private final Function<Collection<String>, Map<String, OrganizationProjection>> byCodes;

  /**
   * @param byCodes the known organizations among the given codes, by code (unknown codes absent)
   */
  public OrganizationDirectory(
      Function<Collection<String>, Map<String, OrganizationProjection>> byCodes) {
    this.byCodes = byCodes;
  }

  /** Refuses {@code code}, named by {@code term}, unless the directory has it active. */
  public void requireNameable(String term, String code) {
    requireNameable(term, List.of(code), Set.of(), false);
  }

  /**
   * Refuses the first code of {@code codes} (named by {@code term[i]}) that is not in {@code kept}
   * and not active in the directory.
   */
  public void requireNameable(String term, Collection<String> codes, Set<String> kept) {
    requireNameable(term, codes, kept, true);
  }

  private void requireNameable(
      String term, Collection<String> codes, Set<String> kept, boolean indexed) {
    List<String> named = List.copyOf(codes);
    Map<String, OrganizationProjection> known =
        byCodes.apply(named.stream().filter(c -> !kept.contains(c)).toList());
    for (int i = 0; i < named.size(); i++) {
      String code = named.get(i);
      if (kept.contains(code)) {
        continue;
      }
      String field = indexed ? term + "[" + i + "]" : term;
      OrganizationProjection organization = known.get(code);
      if (organization == null) {
        throw new UnknownReference(field, "no organization '" + code + "' in the directory");
      }
      if (!organization.isActive()) {
        throw new UnknownReference(field, "organization '" + code + "' is retired");
      }
    }
  }
}
