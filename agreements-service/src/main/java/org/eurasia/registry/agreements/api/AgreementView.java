package org.eurasia.registry.agreements.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eurasia.registry.agreements.domain.Agreement;
import org.eurasia.registry.agreements.domain.AgreementKind;
import org.eurasia.registry.agreements.domain.AgreementStatus;
import org.eurasia.registry.agreements.domain.CooperationField;
import org.eurasia.registry.agreements.domain.Party;
import org.eurasia.registry.agreements.domain.PartyRole;
import org.eurasia.registry.agreements.domain.Visibility;

/** An agreement as the API shows it. */
@Schema(name = "Agreement")
public record AgreementView(
    @Schema(example = "5eed0000-0000-4000-8000-0000000a0001") UUID id,
    @Schema(example = "PK-BY/MOU/2021/ST-014") String code,
    AgreementKind kind,
    AgreementStatus status,
    Visibility visibility,
    Map<String, String> title,
    Map<String, String> summary,
    List<PartyView> parties,
    List<CooperationField> fields,
    List<String> iscedCodes,
    List<String> frameworks,
    @Schema(description = "Languages of the authentic texts.") List<String> languages,
    List<Agreement.Document> documents,
    UUID amendsId,
    LocalDate entryIntoForce,
    Integer durationMonths,
    LocalDate expiresOn,
    boolean autoRenewal,
    LocalDate endedOn,
    String endReason,
    @Schema(description = "Amendments in force that changed this agreement.") List<UUID> amendedBy,
    @Schema(description = "Lifecycle commands the current status allows.") List<String> allowedTransitions,
    @Schema(description = "Version, also sent as the ETag.") long version,
    Instant createdAt,
    Instant updatedAt) {

  static AgreementView of(Agreement a) {
    return new AgreementView(
        a.id(), a.code(), a.kind(), a.status(), a.visibility(), a.title(), a.summary(),
        a.parties().stream().map(PartyView::of).toList(),
        a.fields(), a.iscedCodes(), a.frameworks(), a.languages(), a.documents(), a.amendsId(), a.entryIntoForce(), a.durationMonths(), a.expiresOn(),
        a.autoRenewal(), a.endedOn(), a.endReason(), a.amendedBy(), a.allowedTransitions(), a.version(), a.createdAt(), a.updatedAt());
  }

  /** A party and, once given, its signature. */
  @Schema(name = "Party")
  public record PartyView(
      UUID organizationId, String organizationCode, String country, PartyRole role, SignatureView signature,
      boolean ratificationRequired, RatificationView ratification) {
    static PartyView of(Party p) {
      return new PartyView(
          p.organizationId(), p.organizationCode(), p.country(), p.role(),
          p.signature() == null
              ? null
              : new SignatureView(p.signature().date().toString(), p.signature().place(), p.signature().signerTitle()),
          p.ratificationRequired(),
          p.ratification() == null ? null : new RatificationView(p.ratification().date().toString(), p.ratification().kind().name()));
    }
  }

  /** How and when a party confirmed its signature. */
  @Schema(name = "Ratification")
  public record RatificationView(String date, @Schema(example = "RATIFICATION") String kind) {}

  /** Who signed, when (YYYY, YYYY-MM or YYYY-MM-DD) and where. */
  @Schema(name = "Signature")
  public record SignatureView(String date, String place, String signerTitle) {}
}
