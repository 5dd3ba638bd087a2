package org.eurasia.registry.events.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** This service's copies of the directory's organizations. */
@ApplicationScoped
public class OrganizationProjectionRepository
    implements PanacheRepositoryBase<OrganizationProjection, UUID> {

  public Optional<OrganizationProjection> findByCode(String code) {
    return find("code", code).firstResultOptional();
  }

  /** The known organizations among these codes, by code; unknown codes are simply absent. */
  public Map<String, OrganizationProjection> byCodes(Collection<String> codes) {
    if (codes.isEmpty()) {
      return Map.of();
    }
    return list("code in ?1", codes).stream()
        .collect(Collectors.toMap(OrganizationProjection::code, Function.identity()));
  }
}
