package org.eurasia.registry.agreements.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What a registrar says about an organization: the one record of it. A request maps onto it, the
 * aggregate takes it (its constructor and {@link Organization#revise}) and gives it back ({@link
 * Organization#terms}), and the API's view and the notice derive from it. The code is its identity
 * and the status its lifecycle, so neither is here.
 *
 * @param names by ISO 639-1 language, in the order given
 * @param parentId the organization this one belongs to, if any
 */
public record OrganizationTerms(
    OrganizationKind kind, Map<String, String> names, String country, UUID parentId) {

  public OrganizationTerms {
    Objects.requireNonNull(kind);
    names = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(names)));
    Objects.requireNonNull(country);
  }
}
