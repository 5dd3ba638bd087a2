package org.eurasia.registry.agreements.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eurasia.registry.agreements.domain.CooperationField;
import org.eurasia.registry.agreements.domain.Money;
import org.eurasia.registry.agreements.domain.Venture;
import org.eurasia.registry.agreements.domain.VentureKind;
import org.eurasia.registry.agreements.domain.VenturePartner;
import org.eurasia.registry.agreements.domain.VenturePartnerRole;
import org.eurasia.registry.agreements.domain.VentureStatus;

/**
 * A joint venture as the API shows it: its partners are the organizations that accepted; those
 * named and not yet accepting are its invitations.
 */
@Schema(name = "Venture")
public record VentureView(
    @Schema(example = VentureResource.PROPOSED_ID) UUID id,
    @Schema(example = "PK-BY/JL/2022/PHOTONICS") String code,
    VentureKind kind,
    @Schema(description = "True for the academic kinds, false for the economic ones.")
        boolean academic,
    VentureStatus status,
    Map<String, String> name,
    Map<String, String> description,
    @Schema(description = "The partners that accepted (the proposer's organization by proposing).")
        List<PartnerView> partners,
    @Schema(description = "Organizations named that have not accepted yet.")
        List<PartnerView> invitations,
    List<UUID> agreementIds,
    List<CooperationField> fields,
    @Schema(nullable = true) SeatView seat,
    @Schema(nullable = true) MoneyView committed,
    @Schema(nullable = true) MoneyView disbursed,
    @Schema(nullable = true) LocalDate establishedOn,
    @Schema(description = "Lifecycle commands its status allows.") List<String> allowedTransitions,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  static VentureView of(Venture v) {
    return new VentureView(
        v.id(),
        v.code(),
        v.kind(),
        v.kind().academic(),
        v.status(),
        v.names(),
        v.description(),
        v.partners().stream().filter(VenturePartner::consented).map(PartnerView::of).toList(),
        v.partners().stream().filter(p -> !p.consented()).map(PartnerView::of).toList(),
        v.agreementIds(),
        v.fields(),
        v.seatCountry() == null ? null : new SeatView(v.seatCountry(), v.seatCity()),
        MoneyView.of(v.committed()),
        MoneyView.of(v.disbursed()),
        v.establishedOn(),
        v.allowedTransitions(),
        v.version(),
        v.createdAt(),
        v.updatedAt());
  }

  /** A partner (or an invited one), its role and contribution. */
  @Schema(name = "VenturePartner")
  public record PartnerView(
      @Schema(example = "qau.edu.pk") String organizationCode,
      @Schema(example = "PK") String country,
      VenturePartnerRole role,
      @Schema(nullable = true, example = "51") String equitySharePercent,
      @Schema(nullable = true) String inKind,
      @Schema(nullable = true, description = "When it accepted; null while invited.")
          LocalDate acceptedOn) {

    static PartnerView of(VenturePartner p) {
      return new PartnerView(
          p.organizationCode(),
          p.country(),
          p.role(),
          p.equitySharePercent() == null ? null : p.equitySharePercent().toPlainString(),
          p.inKind(),
          p.acceptedOn());
    }
  }

  /** Where it has its seat. */
  @Schema(name = "VentureSeatView")
  public record SeatView(String country, @Schema(nullable = true) String city) {}

  /** An amount as a decimal string, and its ISO 4217 currency. */
  @Schema(name = "MoneyView")
  public record MoneyView(
      @Schema(example = "7500000000.00") String amount, @Schema(example = "USD") String currency) {
    static MoneyView of(Money money) {
      return money == null ? null : new MoneyView(money.amount().toPlainString(), money.currency());
    }
  }
}
