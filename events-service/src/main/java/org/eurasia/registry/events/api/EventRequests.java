package org.eurasia.registry.events.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eurasia.registry.events.domain.EventFormat;
import org.eurasia.registry.events.domain.EventKind;
import org.eurasia.registry.events.domain.EventTerms;
import org.eurasia.registry.events.domain.EventTimes;
import org.eurasia.registry.events.domain.Speaker;
import org.eurasia.registry.events.domain.Venue;
import org.eurasia.registry.platform.validation.CountryCode;
import org.eurasia.registry.platform.validation.LanguageTagged;
import org.eurasia.registry.platform.validation.MultiLine;
import org.eurasia.registry.platform.validation.SchacCode;

/** Request bodies of the events API. */
public final class EventRequests {

  static final String CODE = "^[A-Z0-9][A-Z0-9/.\\-]{2,63}$";

  private EventRequests() {}

  /** Body of {@code POST /events}: a new draft. */
  @Schema(name = "EventDraft")
  public record NewEvent(
      @NotNull
          @Pattern(
              regexp = CODE,
              message = "must be 3 to 64 of A-Z, 0-9, '/', '.', '-' such as PK-BY/WEBINAR/2027-01")
          @Schema(description = "Human-readable unique code.", example = "PK-BY/WEBINAR/2027-02")
          String code,
      @NotNull @Valid @Schema(implementation = Details.class) Details details) {}

  /**
   * What describes an event; the body of {@code PUT /events/{id}}. Every text is single-line except
   * the description, the one text documented as multi-line (line feeds and tabs allowed; CR LF
   * stored as LF).
   */
  @Schema(name = "EventDetails")
  public record Details(
      @NotNull @Schema(example = "WEBINAR") EventKind kind,
      @NotNull
          @LanguageTagged
          @Schema(
              description = "Title per language; single-line.",
              example = "{\"en\": \"Pakistan–Belarus academic cooperation webinar\"}")
          Map<String, String> title,
      @MultiLine
          @LanguageTagged(
              required = {},
              maxLength = 4000)
          @Schema(
              description =
                  "Description per language; multi-line: line feeds and tabs are allowed, no other control character.",
              example = "{\"en\": \"Researchers of both countries on joint physics projects.\"}")
          Map<String, String> description,
      @NotNull
          @Size(min = 1, max = 10)
          @Schema(
              description =
                  "The organizations organizing it. Naming one does not bind it: the creator's own organization "
                      + "(every one, when a registrar creates the event) consents by creating; the others are invited until their "
                      + "partner accepts (`POST /events/{id}/acceptances`). A partner must name its own organization, and keep it "
                      + "when revising. Each organization named anew (at creation, or added by a revision) must be in the "
                      + "directory and not retired: else `unknown-reference` naming the element (`organizers[i]`), detail \"no "
                      + "organization '…' in the directory\" or \"organization '…' is retired\"; those the event already names "
                      + "are kept even once retired.",
              example = "[\"ncp.edu.pk\"]")
          @JsonDeserialize(as = LinkedHashSet.class)
          Set<@NotNull @SchacCode String> organizers,
      @NotNull @Schema(example = "ONLINE") EventFormat format,
      @Valid @Schema(description = "Required for IN_PERSON and HYBRID.") VenueRequest venue,
      @Size(max = 2000)
          @Pattern(regexp = "^https://\\S+$", message = "must be an https URL")
          @Schema(
              description =
                  "Required for ONLINE and HYBRID; shown only to confirmed participants and organizers.",
              example = "https://meet.example.org/pk-by-webinar")
          String joinUrl,
      @NotNull @Valid Schedule schedule,
      @Size(max = 20)
          @Schema(
              description =
                  "Agreements it is about. Each one added must be known here and readable by the caller "
                      + "(else `unknown-reference` naming the element, the same answer for both), and the caller's organization must be a "
                      + "party that consented to it — signed or accepted it — (else 403); a registrar links any. A signing ceremony may "
                      + "also link an agreement not yet in force for one of its signatories.")
          List<@NotNull UUID> linkedAgreements,
      @Size(max = 20)
          @Schema(
              description =
                  "Exchange programmes it is about. Each one added must be known here and readable by the "
                      + "caller (else `unknown-reference`, as for an unknown id), and the caller's organization must be an institution that "
                      + "accepted it or a consenting party of its agreement (else 403); a registrar links any.")
          List<@NotNull UUID> linkedPrograms,
      @Valid RegistrationSettings registration) {

    /** The event's terms this body proposes; times read in the schedule's zone. */
    EventTerms toTerms() {
      ZoneId zone = EventTimes.zone("schedule.timeZone", schedule.timeZone());
      RegistrationSettings reg =
          registration == null
              ? new RegistrationSettings(null, null, null, null, null)
              : registration;
      return new EventTerms(
          kind,
          title,
          description,
          organizers,
          format,
          venue == null ? null : new Venue(venue.name(), venue.city(), venue.country()),
          joinUrl,
          zone.getId(),
          EventTimes.either("schedule.start", schedule.startAt(), schedule.startLocal(), zone),
          EventTimes.either("schedule.end", schedule.endAt(), schedule.endLocal(), zone),
          linkedAgreements,
          linkedPrograms,
          reg.opensAt(),
          reg.closesAt(),
          reg.capacity(),
          reg.delegationSeatCap(),
          Boolean.TRUE.equals(reg.moderated()));
    }
  }

  /** Where an in-person or hybrid event meets. */
  @Schema(name = "VenueRequest")
  public record VenueRequest(
      @Size(max = 200) @Schema(example = "Pakistan–China Friendship Centre") String name,
      @NotBlank @Size(max = 100) @Schema(example = "Islamabad") String city,
      @NotNull @CountryCode @Schema(example = "PK") String country) {}

  /**
   * When: an IANA zone, and for start and end either the UTC instant or the local time in that zone
   * (not both). A local time skipped by a daylight-saving change is refused; a repeated one means
   * its first occurrence.
   */
  @Schema(name = "Schedule")
  public record Schedule(
      @NotNull
          @Size(max = 64)
          @Schema(description = "IANA time zone the event is held in.", example = "Asia/Karachi")
          String timeZone,
      @Schema(description = "Start as a UTC instant.", example = "2027-02-10T09:00:00Z")
          Instant startAt,
      @Schema(description = "Start as local time in timeZone.", example = "2027-02-10T14:00:00")
          LocalDateTime startLocal,
      @Schema(description = "End as a UTC instant.") Instant endAt,
      @Schema(description = "End as local time in timeZone.", example = "2027-02-10T16:00:00")
          LocalDateTime endLocal) {}

  /**
   * Registration: window, capacity and moderation. Without a window, registration runs from
   * publication to the start.
   */
  @Schema(name = "RegistrationSettings")
  public record RegistrationSettings(
      @Schema(description = "When registration opens.", example = "2027-01-10T00:00:00Z")
          Instant opensAt,
      @Schema(
              description = "When it closes (default: the event's start).",
              example = "2027-02-09T23:59:59Z")
          Instant closesAt,
      @Min(1) @Max(100000) @Schema(description = "Seats; omit for unlimited.", example = "100")
          Integer capacity,
      @Min(1)
          @Max(100000)
          @Schema(
              description =
                  "Seats all delegations of one organization may take together (confirmed, pending and "
                      + "wait-listed members count); omit for no cap. A delegation that would pass it is refused "
                      + "(409, nobody registered). Registering oneself is not capped.",
              example = "20")
          Integer delegationSeatCap,
      @Schema(description = "Registrations wait for an organizer's approval.") Boolean moderated) {}

  /** Body of {@code POST /events/{id}/acceptances}: an organization named as organizer consents. */
  @Schema(name = "EventAcceptance")
  public record AcceptanceRequest(
      @NotNull
          @SchacCode
          @Schema(
              description =
                  "The invited organizer that accepts; the caller must be its partner (or a registrar). A retired "
                      + "organization no longer accepts (`unknown-reference` naming this field).",
              example = "bsuir.by")
          String organizationCode) {}

  /** Body of {@code POST /events/{id}/reschedule}. */
  @Schema(name = "Reschedule")
  public record RescheduleRequest(
      @NotNull @Valid Schedule schedule,
      @NotBlank @Size(max = 1000) @Schema(example = "Moved to avoid the public holiday")
          String reason) {}

  /** Body of {@code POST /events/{id}/cancellation}. */
  @Schema(name = "EventCancellation")
  public record CancellationRequest(
      @NotBlank @Size(max = 1000) @Schema(example = "Postponed indefinitely") String reason) {}

  /** Body of {@code POST /events/{id}/sessions}: times as for the event, in the event's zone. */
  @Schema(name = "SessionRequest")
  public record SessionRequest(
      @NotNull @LanguageTagged @Schema(example = "{\"en\": \"Opening remarks\"}")
          Map<String, String> title,
      @Schema(example = "2027-02-10T09:00:00Z") Instant startAt,
      @Schema(example = "2027-02-10T14:00:00") LocalDateTime startLocal,
      @Schema(example = "2027-02-10T09:30:00Z") Instant endAt,
      @Schema(example = "2027-02-10T14:30:00") LocalDateTime endLocal,
      @Size(max = 200) @Schema(description = "Room or channel.", example = "Main hall") String room,
      @Size(max = 30) List<@NotNull @Valid SpeakerRequest> speakers,
      @Size(max = 20) List<@NotBlank @Size(max = 200) String> topics) {

    List<Speaker> toSpeakers() {
      return speakers == null
          ? List.of()
          : speakers.stream().map(s -> new Speaker(s.name(), s.affiliation())).toList();
    }
  }

  /** A speaker. */
  @Schema(name = "SpeakerRequest")
  public record SpeakerRequest(
      @NotBlank @Size(max = 200) @Schema(example = "Dr. Amina Rauf") String name,
      @Size(max = 200) @Schema(example = "Quaid-i-Azam University") String affiliation) {}

  /** Body of {@code POST /registrations}: the caller registers themselves. */
  @Schema(name = "RegistrationRequest")
  public record RegistrationRequest(
      @NotNull @Schema(example = "5eed0000-0000-4000-8000-0000000e0a01") UUID eventId,
      @NotBlank @Size(max = 200) @Schema(example = "Aliaksandr Kavalenka") String name,
      @Email @Size(max = 320) @Schema(example = "a.kavalenka@bsu.by") String email) {}

  /** Body of {@code POST /registrations/delegations}. */
  @Schema(name = "DelegationRequest")
  public record DelegationRequest(
      @NotNull @Schema(example = "5eed0000-0000-4000-8000-0000000e0a03") UUID eventId,
      @NotNull
          @SchacCode
          @Schema(
              description =
                  "The organization the members belong to; the caller must act for it, and it must be in the directory "
                      + "and not retired.",
              example = "most.gov.pk")
          String organization,
      @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid MemberRequest> members,
      @Schema(
              description =
                  "When not every member fits, put the whole delegation on the waiting list instead of refusing.")
          Boolean waitIfFull) {}

  /** A delegation member. */
  @Schema(name = "DelegationMember")
  public record MemberRequest(
      @NotBlank @Size(max = 200) @Schema(example = "Farah Siddiqui") String name,
      @NotNull @Email @Size(max = 320) @Schema(example = "farah.siddiqui@most.gov.pk")
          String email) {}
}
