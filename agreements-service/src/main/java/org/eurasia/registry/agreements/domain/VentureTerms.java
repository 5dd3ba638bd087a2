package org.eurasia.registry.agreements.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What is said about a joint venture: its kind, names and description by language, the partners
 * named (none of them consented yet: consent is the venture's to record), the agreements it was
 * founded under, its fields, its seat and the investment committed and disbursed.
 */
public record VentureTerms(
    VentureKind kind,
    Map<String, String> names,
    Map<String, String> description,
    List<NamedPartner> partners,
    List<UUID> agreementIds,
    List<CooperationField> fields,
    String seatCountry,
    String seatCity,
    Money committed,
    Money disbursed) {

  public VentureTerms {
    description = description == null ? Map.of() : description;
    agreementIds = agreementIds == null ? List.of() : List.copyOf(agreementIds);
    fields = fields == null ? List.of() : List.copyOf(fields);
    partners = List.copyOf(partners);
  }

  public List<String> partnerCodes() {
    return partners.stream().map(NamedPartner::organizationCode).toList();
  }

  /** A partner as named: an organization, its role and its contribution. */
  public record NamedPartner(
      String organizationCode,
      VenturePartnerRole role,
      java.math.BigDecimal equitySharePercent,
      String inKind) {}
}
