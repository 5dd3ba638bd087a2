package org.eurasia.registry.exchange.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** This service's copies of organizations, retired ones included (nothing here is deleted). */
@ApplicationScoped
public class OrganizationProjectionRepository
    implements PanacheRepositoryBase<OrganizationProjection, UUID> {

  public Optional<OrganizationProjection> findByCode(String code) {
    return find("code", code).firstResultOptional();
  }

  /**
   * The organization a new record may name by this code, else the refusal naming {@code field}
   * ({@link OrganizationProjection#requireNameable}).
   */
  public OrganizationProjection nameable(
      OrganizationProjection.Role role, String field, String code) {
    return OrganizationProjection.requireNameable(role, field, code, findByCode(code));
  }

  /** The known organizations among these codes, by code; unknown codes are simply absent. */
  public Map<String, OrganizationProjection> byCodes(Collection<String> codes) {
    if (codes.isEmpty()) {
      return Map.of();
    }
    List<OrganizationProjection> found = list("code in ?1", codes);
    return found.stream()
        .collect(Collectors.toMap(OrganizationProjection::code, Function.identity()));
  }
}
