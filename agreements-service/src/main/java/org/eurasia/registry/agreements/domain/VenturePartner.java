package org.eurasia.registry.agreements.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An organization named as a partner of a joint venture, with its role and its contribution (an
 * equity share in percent, or a description of what it brings in kind). Named is not bound: it is a
 * partner only once it accepted ({@code acceptedOn}); until then it is invited.
 */
public record VenturePartner(
    String organizationCode,
    String country,
    VenturePartnerRole role,
    BigDecimal equitySharePercent,
    String inKind,
    LocalDate acceptedOn) {

  public VenturePartner {
    Objects.requireNonNull(organizationCode);
    Objects.requireNonNull(country);
    Objects.requireNonNull(role);
  }

  public boolean consented() {
    return acceptedOn != null;
  }

  VenturePartner acceptedOn(LocalDate date) {
    return new VenturePartner(organizationCode, country, role, equitySharePercent, inKind, date);
  }

  /** Whether the other names the same organization in the same role with the same contribution. */
  boolean sameCommitment(VenturePartner other) {
    return organizationCode.equals(other.organizationCode)
        && role == other.role
        && Objects.equals(
            equitySharePercent == null ? null : equitySharePercent.stripTrailingZeros(),
            other.equitySharePercent == null ? null : other.equitySharePercent.stripTrailingZeros())
        && Objects.equals(inKind, other.inKind);
  }
}
