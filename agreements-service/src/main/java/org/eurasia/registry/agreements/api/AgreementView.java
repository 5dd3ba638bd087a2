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
import org.eurasia.registry.agreements.domain.AgreementTerms;
import org.eurasia.registry.agreements.domain.CooperationField;
import org.eurasia.registry.agreements.domain.FrameworkOverride;
import org.eurasia.registry.agreements.domain.Party;
import org.eurasia.registry.agreements.domain.PartyRole;
import org.eurasia.registry.agreements.domain.Visibility;

/**
 * An agreement as the API shows it: its terms ({@link Agreement#terms()}), its parties with what
 * each gave, and its lifecycle facts, mapped member by member in the order the contract has.
 */
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
    @Schema(
            nullable = true,
            description =
                "Null unless a registrar let the agreement name frameworks some party's country was "
                    + "not a member of (the rule `framework-membership`): who, when, why, and which countries of "
                    + "which frameworks. Part of the versions' content.")
        FrameworkOverrideView frameworkOverride,
    @Schema(description = "Languages of the authentic texts.") List<String> languages,
    List<Agreement.Document> documents,
    @Schema(
            nullable = true,
            description =
                "For an amendment: the agreement it amends (set from the path it was drafted on; never changes).")
        UUID amendsId,
    @Schema(nullable = true) LocalDate entryIntoForce,
    @Schema(nullable = true) Integer durationMonths,
    @Schema(nullable = true) LocalDate expiresOn,
    boolean autoRenewal,
    @Schema(nullable = true) LocalDate endedOn,
    @Schema(nullable = true) String endReason,
    @Schema(
            description =
                "Amendments in force that changed this agreement, those the caller may read.")
        List<UUID> amendedBy,
    @Schema(
            description =
                "The lifecycle commands THIS caller may perform now: those the status allows (see the service "
                    + "README's table) that the caller's role and organization permit — a signatory's partner revises, "
                    + "withdraws, brings into force, suspends, resumes and terminates; a signatory that has not signed "
                    + "signs; one that must ratify ratifies; a named non-signing party that has not accepted accepts; "
                    + "every named party approves; a party that joined amends; a registrar does each of these. Empty for "
                    + "anonymous callers and anyone acting for no party. `expire` is never listed: the daily expiry "
                    + "job does it.",
            example = "[\"revise\", \"sign\", \"approve\", \"withdraw\"]")
        List<String> allowedTransitions,
    @Schema(description = "Version, also sent as the ETag.") long version,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * The view of an agreement.
   *
   * @param readableAmendments the ids of {@code amendedBy} the caller may read (an amendment the
   *     caller may not read is not listed)
   * @param allowedTransitions the commands the caller may perform now
   */
  static AgreementView of(
      Agreement a, List<UUID> readableAmendments, List<String> allowedTransitions) {
    AgreementTerms terms = a.terms();
    return new AgreementView(
        a.id(),
        a.code(),
        terms.kind(),
        a.status(),
        terms.visibility(),
        terms.title(),
        terms.summary(),
        a.parties().stream().map(PartyView::of).toList(),
        terms.fields(),
        terms.iscedCodes(),
        terms.frameworks(),
        FrameworkOverrideView.of(a.frameworkOverride()),
        terms.languages(),
        terms.documents(),
        a.amendsId(),
        a.entryIntoForce(),
        terms.durationMonths(),
        terms.expiresOn(),
        terms.autoRenewal(),
        a.endedOn(),
        a.endReason(),
        readableAmendments,
        allowedTransitions,
        a.version(),
        a.createdAt(),
        a.updatedAt());
  }

  /** A registrar's override of the framework rule, as recorded. */
  @Schema(name = "FrameworkOverride")
  public record FrameworkOverrideView(
      @Schema(description = "The registrar who decided.") String by,
      Instant at,
      String reason,
      @Schema(
              description = "Per framework code, the countries that were not members.",
              example = "{\"CPEC\": [\"BY\"]}")
          Map<String, List<String>> nonMembers) {
    static FrameworkOverrideView of(FrameworkOverride o) {
      return o == null
          ? null
          : new FrameworkOverrideView(o.by(), o.at(), o.reason(), o.nonMembers());
    }
  }

  /** A party and, once given, its signature or acceptance. */
  @Schema(name = "Party")
  public record PartyView(
      UUID organizationId,
      String organizationCode,
      String country,
      PartyRole role,
      @Schema(nullable = true) SignatureView signature,
      boolean ratificationRequired,
      @Schema(nullable = true) RatificationView ratification,
      @Schema(
              description =
                  "Whether the party itself agreed: a signatory by signing, any other role by its acceptance. "
                      + "A party that has not is only invited: the agreement does not bind it.")
          boolean consented,
      @Schema(nullable = true, description = "A non-signing party's acceptance, once given.")
          AcceptanceView acceptance) {
    static PartyView of(Party p) {
      Party.Signature s = p.signature();
      Party.Acceptance a = p.acceptance();
      return new PartyView(
          p.organizationId(),
          p.organizationCode(),
          p.country(),
          p.role(),
          s == null
              ? null
              : new SignatureView(
                  s.date().toString(), s.place(), s.signerTitle(), s.version(), s.sha256()),
          p.ratificationRequired(),
          p.ratification() == null
              ? null
              : new RatificationView(
                  p.ratification().date().toString(), p.ratification().kind().name()),
          p.consented(),
          a == null ? null : new AcceptanceView(a.date().toString(), a.version(), a.sha256()));
    }
  }

  /** When a non-signing party accepted, and which version (number and SHA-256) it accepted. */
  @Schema(name = "Acceptance")
  public record AcceptanceView(
      @Schema(example = "2026-05-04") String date, long version, String sha256) {}

  /** How and when a party confirmed its signature. */
  @Schema(name = "Ratification")
  public record RatificationView(String date, @Schema(example = "RATIFICATION") String kind) {}

  /** Who signed, when (YYYY, YYYY-MM or YYYY-MM-DD), where, and which version of the text. */
  @Schema(name = "Signature")
  public record SignatureView(
      String date,
      @Schema(nullable = true) String place,
      @Schema(nullable = true) String signerTitle,
      @Schema(
              nullable = true,
              description =
                  "The version signed (the ETag the signer sent); absent for signatures recorded before texts were bound.")
          Long version,
      @Schema(
              nullable = true,
              description =
                  "SHA-256 of that version's canonical content (GET /agreements/{id}/versions/{version}).")
          String sha256) {}
}
