package org.eurasia.registry.exchange.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eurasia.registry.exchange.domain.AttentionReason;
import org.eurasia.registry.exchange.domain.Direction;
import org.eurasia.registry.exchange.domain.Mobility;
import org.eurasia.registry.exchange.domain.MobilityAttention;
import org.eurasia.registry.exchange.domain.MobilityStatus;
import org.eurasia.registry.exchange.domain.MobilityTerms;
import org.eurasia.registry.exchange.domain.Participant;
import org.eurasia.registry.exchange.domain.ProgramKind;

/** A mobility as its institutions see it; personal data is included until erased. */
@Schema(name = "Mobility")
public record MobilityView(
    @Schema(example = "5eed0000-0000-4000-8000-0000000c0001") UUID id,
    UUID programId,
    ProgramKind programKind,
    String academicYear,
    Direction direction,
    String homeInstitution,
    String homeCountry,
    String hostInstitution,
    String hostCountry,
    @Schema(description = "Pseudonymous participant id; events carry only this.")
        UUID participantId,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Absent once the personal data was erased.")
        PersonView participant,
    @Schema(nullable = true) Integer eqfLevel,
    @Schema(nullable = true) String iscedCode,
    LocalDate plannedStart,
    LocalDate plannedEnd,
    @Schema(nullable = true) LocalDate actualStart,
    @Schema(nullable = true) LocalDate actualEnd,
    MobilityStatus status,
    @Schema(nullable = true, description = "Reason of rejection or cancellation.")
        String statusReason,
    @Schema(nullable = true) Boolean recognized,
    @Schema(nullable = true) Integer ectsCredits,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
            description =
                "Present while the programme's agreement is not in force and the mobility was "
                    + "accepted or under way when it left force: its institutions should act "
                    + "(continue, cancel, bring the participant home). Kept through later status "
                    + "changes; cleared when the agreement returns to force.")
        AttentionView attention,
    List<String> allowedTransitions,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  /** The mobility's terms, its institutions, its participant and its lifecycle facts. */
  static MobilityView of(Mobility m, Optional<Participant> person) {
    MobilityTerms terms = m.terms();
    return new MobilityView(
        m.id(),
        m.programId(),
        m.programKind(),
        terms.academicYear(),
        terms.direction(),
        m.homeInstitution(),
        m.homeCountry(),
        m.hostInstitution(),
        m.hostCountry(),
        m.participantId(),
        person.map(p -> new PersonView(p.givenName(), p.familyName(), p.email())).orElse(null),
        terms.eqfLevel(),
        terms.iscedCode(),
        terms.plannedStart(),
        terms.plannedEnd(),
        m.actualStart(),
        m.actualEnd(),
        m.status(),
        m.statusReason(),
        m.recognized(),
        m.ectsCredits(),
        AttentionView.of(m.attention()),
        m.allowedTransitions(),
        m.version(),
        m.createdAt(),
        m.updatedAt());
  }

  /** Why a mobility needs its institutions' attention, and since when. */
  @Schema(name = "MobilityAttention")
  public record AttentionView(
      @Schema(
              description =
                  "What happened to the programme's agreement. A confidential agreement's "
                      + "status is its parties' only: its mobilities read AGREEMENT_NOT_IN_FORCE.")
          AttentionReason reason,
      @Schema(
              description =
                  "The end date the agreement states (termination, expiry); for a suspension or "
                      + "a confidential agreement, the day this service learnt it.",
              example = "2026-11-28")
          LocalDate since) {

    static AttentionView of(MobilityAttention attention) {
      return attention == null ? null : new AttentionView(attention.reason(), attention.since());
    }
  }

  /** Personal data of the participant. */
  @Schema(name = "PersonView")
  public record PersonView(
      String givenName, String familyName, @Schema(nullable = true) String email) {}
}
