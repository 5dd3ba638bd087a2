package org.eurasia.registry.events.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eurasia.registry.events.application.EventService.LinkedAgreement;
import org.eurasia.registry.events.application.EventService.LinkedProgram;
import org.eurasia.registry.events.application.EventService.Seats;
import org.eurasia.registry.events.domain.Event;
import org.eurasia.registry.events.domain.EventFormat;
import org.eurasia.registry.events.domain.EventKind;
import org.eurasia.registry.events.domain.EventStatus;
import org.eurasia.registry.events.domain.EventTerms;

/** An event as the API shows it: times as instants and as local times in the event's zone. */
@Schema(name = "Event")
public record EventView(
    @Schema(example = "5eed0000-0000-4000-8000-0000000e0a01") UUID id,
    String code,
    EventKind kind,
    Map<String, String> title,
    Map<String, String> description,
    @Schema(
            description =
                "The organizers that consented: the creator's organization, every one a registrar named, and each "
                    + "invited one once its partner accepted. Only they (and registrars) manage the event.")
        List<String> organizers,
    @Schema(
            description =
                "Named as organizers by someone else, not yet accepted: they may read the event, nothing more.")
        List<String> invitedOrganizers,
    EventFormat format,
    @Schema(nullable = true) VenueView venue,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Only for confirmed participants, organizers and registrars.")
        String joinUrl,
    ScheduleView schedule,
    EventStatus status,
    @Schema(
            nullable = true,
            description =
                "When it was published; null for an event never published (private to its organizers).")
        Instant publishedAt,
    @Schema(nullable = true) String cancellationReason,
    @Schema(description = "iCalendar SEQUENCE: grows with each reschedule or cancellation.")
        int sequence,
    @Schema(description = "Earlier times, oldest first.") List<RescheduleView> reschedules,
    @Schema(
            description =
                "Linked agreements with their current status (hidden for confidential ones you are not party to).")
        List<LinkedAgreement> linkedAgreements,
    @Schema(
            description =
                "Linked programmes with their current status (hidden for programmes you may not read).")
        List<LinkedProgram> linkedPrograms,
    SeatsView registration,
    List<String> allowedTransitions,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * The event's terms and what happened to it, as this reader may see them: the join link only when
   * {@code showJoinUrl}, links as {@code agreements} and {@code programs} resolved them.
   */
  static EventView of(
      Event e,
      boolean showJoinUrl,
      List<LinkedAgreement> agreements,
      List<LinkedProgram> programs,
      Seats seats) {
    EventTerms t = e.terms();
    long confirmed = seats.confirmed();
    long waitlisted = seats.waitlisted();
    return new EventView(
        e.id(),
        e.code(),
        t.kind(),
        t.title(),
        t.description(),
        e.organizers(),
        e.invitedOrganizers(),
        t.format(),
        VenueView.of(t.venue()),
        showJoinUrl ? t.joinUrl() : null,
        ScheduleView.of(t.timeZone(), t.startsAt(), t.endsAt()),
        e.status(),
        e.publishedAt(),
        e.cancellationReason(),
        e.sequence(),
        e.reschedules().stream()
            .map(
                r ->
                    new RescheduleView(
                        ScheduleView.of(r.timeZone(), r.startsAt(), r.endsAt()),
                        r.reason(),
                        r.changedAt()))
            .toList(),
        agreements,
        programs,
        new SeatsView(
            t.registrationOpensAt(),
            t.registrationClosesAt() != null ? t.registrationClosesAt() : t.startsAt(),
            t.capacity(),
            t.delegationSeatCap(),
            t.moderated(),
            confirmed,
            waitlisted,
            t.capacity() == null ? null : Math.max(0, t.capacity() - confirmed)),
        e.allowedTransitions(),
        e.version(),
        e.createdAt(),
        e.updatedAt());
  }

  /**
   * Times both ways: the UTC instant and the wall-clock time in the zone, with the zone's offset at
   * that instant.
   */
  @Schema(name = "ScheduleView")
  public record ScheduleView(
      @Schema(example = "Asia/Karachi") String timeZone,
      @Schema(example = "2027-02-10T09:00:00Z") Instant startAt,
      @Schema(example = "2027-02-10T14:00:00") LocalDateTime startLocal,
      @Schema(example = "+05:00") String startOffset,
      Instant endAt,
      LocalDateTime endLocal,
      String endOffset) {
    static ScheduleView of(String timeZone, Instant start, Instant end) {
      ZoneId zone = ZoneId.of(timeZone);
      ZoneOffset startOffset = zone.getRules().getOffset(start);
      ZoneOffset endOffset = zone.getRules().getOffset(end);
      return new ScheduleView(
          timeZone,
          start,
          LocalDateTime.ofInstant(start, zone),
          startOffset.getId(),
          end,
          LocalDateTime.ofInstant(end, zone),
          endOffset.getId());
    }
  }

  /** A previous schedule and why it changed. */
  @Schema(name = "PreviousSchedule")
  public record RescheduleView(ScheduleView previous, String reason, Instant changedAt) {}

  /** Registration settings and seats. */
  @Schema(name = "Seats")
  public record SeatsView(
      @Schema(nullable = true) Instant opensAt,
      @Schema(nullable = true) Instant closesAt,
      @Schema(nullable = true, description = "Null: unlimited.") Integer capacity,
      @Schema(
              nullable = true,
              description = "Seats one organization's delegations may take together; null: no cap.")
          Integer delegationSeatCap,
      boolean moderated,
      long confirmed,
      long waitlisted,
      @Schema(nullable = true, description = "Seats left; null when unlimited.") Long available) {}
}
