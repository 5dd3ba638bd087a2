package org.eurasia.registry.exchange.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Optional;
import java.util.UUID;
import org.eurasia.registry.agreements.client.OrganizationProjectionBase;
import org.eurasia.registry.platform.domain.RuleViolation;

/**
 * What exchange-service knows about an organization, from organization events: its code, kind,
 * country and status — enough to place an institution in a country, to tell a state body (a
 * ministry or the state itself) from an institution, and to refuse a retired organization in a new
 * record. Columns and the questions every consumer asks are agreements-service's shared projection
 * ({@link OrganizationProjectionBase}); the organization itself belongs to agreements-service.
 */
@Entity
@Table(name = "organization_projection")
public class OrganizationProjection extends OrganizationProjectionBase {

  protected OrganizationProjection() {}

  public OrganizationProjection(UUID organizationId) {
    super(organizationId);
  }

  /**
   * The part an organization plays in a new record, which names the rule a refusal breaks: {@code
   * institution-unknown}, {@code institution-retired}, {@code funder-unknown}, {@code
   * funder-retired}.
   */
  public enum Role {
    INSTITUTION,
    FUNDER;

    String rule(String what) {
      return name().toLowerCase(java.util.Locale.ROOT) + "-" + what;
    }
  }

  /**
   * The organization a new record may name by {@code code}: one in the directory (as this service's
   * copy knows it) that is not retired. Records that already name an organization keep it whatever
   * becomes of it; only new ones ask this. Each refusal names the field and says which of the two
   * it is.
   *
   * @param field the request's or the new record's field that names it ({@code funder})
   * @param found this service's copy of the organization with that code, if any
   */
  public static OrganizationProjection requireNameable(
      Role role, String field, String code, Optional<OrganizationProjection> found) {
    OrganizationProjection organization = found.orElseThrow(() -> unknown(role, field, code));
    if (!organization.isActive()) {
      throw new RuleViolation(
          role.rule("retired"), field + ": organization '" + code + "' is retired");
    }
    return organization;
  }

  /** The refusal of a code no organization in the directory has. */
  public static RuleViolation unknown(Role role, String field, String code) {
    return new RuleViolation(
        role.rule("unknown"), field + ": no organization '" + code + "' in the directory");
  }
}
