package org.eurasia.registry.events.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What an event is, as its organizers propose and revise it: the one record of an event's content.
 * A request maps onto it, {@link Event#draft} and {@link Event#revise} take it, {@link
 * Event#terms()} gives it back, and the view and the notice are derived from it. A new term is a
 * component here; the entity's column, the request field and what the view or the notice show of it
 * follow.
 *
 * <p>{@code organizers} are all the organizations named; which of them consented is the event's own
 * fact ({@link Event#organizers()}, {@link Event#invitedOrganizers()}). Times are UTC instants with
 * the IANA zone the event is held in; once published, the event moves them only by {@link
 * Event#reschedule rescheduling}. Without a registration window, registration runs from publication
 * until the start. {@code delegationSeatCap} bounds the seats all delegations of one organization
 * take together (null: no bound), so that no partner fills an event with addresses it does not
 * control.
 */
public record EventTerms(
    EventKind kind,
    Map<String, String> title,
    Map<String, String> description,
    Set<String> organizers,
    EventFormat format,
    Venue venue,
    String joinUrl,
    String timeZone,
    Instant startsAt,
    Instant endsAt,
    List<UUID> linkedAgreements,
    List<UUID> linkedPrograms,
    Instant registrationOpensAt,
    Instant registrationClosesAt,
    Integer capacity,
    Integer delegationSeatCap,
    boolean moderated) {

  /** No description, organizer or link given is none. */
  public EventTerms {
    description = description == null ? Map.of() : description;
    organizers = organizers == null ? Set.of() : organizers;
    linkedAgreements = linkedAgreements == null ? List.of() : List.copyOf(linkedAgreements);
    linkedPrograms = linkedPrograms == null ? List.of() : List.copyOf(linkedPrograms);
  }
}
