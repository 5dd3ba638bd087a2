package org.eurasia.registry.exchange.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eurasia.registry.exchange.domain.CefrLevel;
import org.eurasia.registry.exchange.domain.Direction;
import org.eurasia.registry.exchange.domain.Program;
import org.eurasia.registry.exchange.domain.ProgramKind;
import org.eurasia.registry.exchange.domain.ProgramStatus;
import org.eurasia.registry.exchange.domain.ProgramTerms;
import org.eurasia.registry.exchange.domain.Quota;
import org.eurasia.registry.exchange.domain.StayDuration;

/** A programme as the API shows it, with its quotas and how many places are taken. */
@Schema(name = "Program")
public record ProgramView(
    @Schema(example = "5eed0000-0000-4000-8000-0000000b0001") UUID id,
    @Schema(example = "QAU-BSU/TEACH/2026") String code,
    ProgramKind kind,
    Map<String, String> title,
    UUID agreementId,
    String sendingInstitution,
    String sendingCountry,
    String receivingInstitution,
    String receivingCountry,
    @Schema(
            description =
                "The institutions that accepted the programme (sending first). Naming an institution does not bind it: "
                    + "the creator's accepts by creating (a registrar's creation binds both), the other is invited until its partner accepts. "
                    + "Only accepted institutions manage the programme; it opens once both accepted.",
            example = "[\"qau.edu.pk\", \"bsu.by\"]")
        List<String> acceptedInstitutions,
    @Schema(description = "Institutions named but not yet accepted (invited).", example = "[]")
        List<String> pendingInstitutions,
    List<String> academicYears,
    List<QuotaView> quotas,
    StayDuration duration,
    List<String> iscedCodes,
    List<Integer> eqfLevels,
    @Schema(nullable = true) String language,
    @Schema(nullable = true) CefrLevel minimumCefr,
    @Schema(nullable = true) LocalDate applicationsOpenOn,
    @Schema(nullable = true) LocalDate applicationsCloseOn,
    ProgramStatus status,
    @Schema(nullable = true, description = "Why it is suspended, when it is.")
        String suspensionReason,
    @Schema(
            description =
                "True when the agreement's suspension, termination or expiry suspended it.")
        boolean suspendedByAgreement,
    @Schema(
            description =
                "Lifecycle commands the current status allows; `open` and a `resume` back to planned or open only while the agreement is in force.")
        List<String> allowedTransitions,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  /** The programme's terms, its quotas with the places taken, and its lifecycle facts. */
  static ProgramView of(Program p, List<Quota> quotas, boolean agreementInForce) {
    ProgramTerms terms = p.terms(quotas);
    return new ProgramView(
        p.id(),
        p.code(),
        p.kind(),
        terms.title(),
        p.agreementId(),
        p.sending().code(),
        p.sending().country(),
        p.receiving().code(),
        p.receiving().country(),
        p.acceptedInstitutionCodes(),
        p.pendingInstitutionCodes(),
        terms.academicYears(),
        quotas.stream().map(QuotaView::of).toList(),
        terms.duration(),
        terms.iscedCodes(),
        terms.eqfLevels(),
        terms.language(),
        terms.minimumCefr(),
        terms.applicationsOpenOn(),
        terms.applicationsCloseOn(),
        p.status(),
        p.suspensionReason(),
        p.suspendedByAgreement(),
        p.allowedTransitions(agreementInForce),
        p.version(),
        p.createdAt(),
        p.updatedAt());
  }

  /** Places for one year and direction, and how many are taken. */
  @Schema(name = "Quota")
  public record QuotaView(
      String academicYear,
      Direction direction,
      @Schema(nullable = true, description = "Null: not yet defined.") Integer places,
      @Schema(description = "Places taken by accepted mobilities.") int accepted,
      @Schema(nullable = true, description = "Places left; null when places are not defined.")
          Integer remaining) {
    static QuotaView of(Quota q) {
      return new QuotaView(
          q.academicYear(), q.direction(), q.places(), q.accepted(), q.remaining());
    }
  }
}
