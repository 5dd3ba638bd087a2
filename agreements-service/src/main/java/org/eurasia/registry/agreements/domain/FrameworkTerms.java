package org.eurasia.registry.agreements.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a registrar says about a regional framework: the one record of it. A request maps onto it,
 * the aggregate takes it (its constructor and {@link Framework#revise}) and gives it back ({@link
 * Framework#terms}), and the API's view and the notice derive from it. The code is its identity, so
 * it is not here.
 *
 * <p>Defaults are applied here: no description is an empty one.
 *
 * @param names by ISO 639-1 language, in the order given
 * @param members the membership history, in the order given; the aggregate refuses periods that
 *     overlap or run backwards
 */
public record FrameworkTerms(
    Map<String, String> names,
    Map<String, String> description,
    List<Framework.Membership> members) {

  public FrameworkTerms {
    names = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(names)));
    description =
        description == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(description));
    members = List.copyOf(members);
  }
}
