package org.eurasia.registry.events.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eurasia.registry.platform.problem.InvalidTransition;
import org.eurasia.registry.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The event lifecycle, sequences for calendars, sessions, registration windows, seating and links. */
class EventLifecycleTest {

  static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  static final Instant START = Instant.parse("2027-02-10T09:00:00Z");

  static Event.Details details(EventKind kind, EventFormat format, Integer capacity, List<UUID> agreements) {
    return new Event.Details(
        kind, Map.of("en", "Webinar"), Map.of(), Set.of("ncp.edu.pk"), format,
        format.hasVenue() ? new Venue("Hall", "Islamabad", "PK") : null,
        format.hasJoinLink() ? "https://meet.example.org/x" : null,
        "Asia/Karachi", START, START.plus(Duration.ofHours(2)), agreements, List.of(), null, null, capacity, false);
  }

  static Event webinar() {
    return Event.draft(UUID.randomUUID(), "W/1", details(EventKind.WEBINAR, EventFormat.ONLINE, 100, List.of()), NOW);
  }

  @Test
  void anEventIsDraftedPublishedAndCompletedOnceItHasEnded() {
    Event e = webinar();
    assertEquals(EventStatus.DRAFT, e.status());
    assertEquals(EventChange.PUBLISHED, e.publish(NOW));
    assertThrows(ProblemException.class, () -> e.complete(NOW), "not ended yet");
    assertEquals(EventChange.COMPLETED, e.complete(START.plus(Duration.ofHours(3))));
    assertThrows(InvalidTransition.class, () -> e.cancel("late", NOW));
  }

  @Test
  void aPastEventIsNotPublished() {
    Event e = webinar();
    assertEquals("event-in-the-past", assertThrows(ProblemException.class, () -> e.publish(START.plusSeconds(1)))
        .problem().getExtensions().get("condition"));
  }

  @Test
  void reschedulingKeepsHistoryAndBumpsTheCalendarSequence() {
    Event e = webinar();
    e.publish(NOW);
    e.reschedule(START.plus(Duration.ofDays(1)), START.plus(Duration.ofDays(1)).plus(Duration.ofHours(2)), "Asia/Karachi", "Holiday", NOW);
    assertEquals(1, e.sequence());
    assertEquals(START, e.reschedules().get(0).startsAt());
    assertEquals("Holiday", e.reschedules().get(0).reason());
    e.cancel("Postponed", NOW);
    assertEquals(2, e.sequence(), "cancelling bumps it too, so calendars drop the entry");
    assertEquals(EventStatus.CANCELLED, e.status());
  }

  @Test
  void aPublishedEventChangesItsTimesOnlyByRescheduling() {
    Event e = webinar();
    e.publish(NOW);
    Event.Details moved = new Event.Details(EventKind.WEBINAR, Map.of("en", "Webinar"), Map.of(), Set.of("ncp.edu.pk"), EventFormat.ONLINE,
        null, "https://meet.example.org/x", "Asia/Karachi", START.plusSeconds(3600), START.plusSeconds(7200), List.of(), List.of(), null, null, 100, false);
    assertThrows(ProblemException.class, () -> e.revise(moved, NOW));
    Event.Details renamed = new Event.Details(EventKind.WEBINAR, Map.of("en", "Renamed"), Map.of(), Set.of("ncp.edu.pk"), EventFormat.ONLINE,
        null, "https://meet.example.org/x", "Asia/Karachi", START, START.plus(Duration.ofHours(2)), List.of(), List.of(), null, null, 100, false);
    e.revise(renamed, NOW);
    assertEquals(1, e.sequence(), "a visible change bumps the sequence of a published event");
  }

  @Test
  void formatsNeedTheirVenueOrJoinLink() {
    Event.Details noVenue = new Event.Details(EventKind.SEMINAR, Map.of("en", "S"), Map.of(), Set.of("x.pk"), EventFormat.IN_PERSON,
        null, null, "Asia/Karachi", START, START.plusSeconds(60), List.of(), List.of(), null, null, null, false);
    assertEquals("venue", assertThrows(ProblemException.class, () -> Event.draft(UUID.randomUUID(), "S/1", noVenue, NOW)).problem().getErrors().get(0).field());
    Event.Details noLink = new Event.Details(EventKind.WEBINAR, Map.of("en", "S"), Map.of(), Set.of("x.pk"), EventFormat.HYBRID,
        new Venue("Hall", "Minsk", "BY"), null, "Europe/Minsk", START, START.plusSeconds(60), List.of(), List.of(), null, null, null, false);
    assertEquals("joinUrl", assertThrows(ProblemException.class, () -> Event.draft(UUID.randomUUID(), "S/2", noLink, NOW)).problem().getErrors().get(0).field());
  }

  @Test
  void sessionsLieInsideTheEvent() {
    Event e = webinar();
    e.requireInside(START, START.plusSeconds(1200));
    assertEquals("session-outside-event", assertThrows(ProblemException.class, () -> e.requireInside(START.minusSeconds(60), START.plusSeconds(60)))
        .problem().getExtensions().get("condition"));
    assertThrows(ProblemException.class, () -> e.requireInside(START.plusSeconds(60), START));
  }

  @Test
  void registrationIsOpenOnlyForAPublishedEventBeforeItStarts() {
    Event e = webinar();
    assertThrows(ProblemException.class, () -> e.requireRegistrationOpen(NOW), "draft");
    e.publish(NOW);
    e.requireRegistrationOpen(NOW);
    assertThrows(ProblemException.class, () -> e.requireRegistrationOpen(START), "started");
  }

  @Test
  void seatsAreGivenWhileFreeThenTheWaitingListModerationHoldsEveryone() {
    assertEquals(RegistrationStatus.CONFIRMED, Seating.place(2, false, 1));
    assertEquals(RegistrationStatus.WAITLISTED, Seating.place(2, false, 2));
    assertEquals(RegistrationStatus.CONFIRMED, Seating.place(null, false, 10_000), "no capacity: unlimited");
    assertEquals(RegistrationStatus.PENDING, Seating.place(2, true, 0));
  }

  @Test
  void aDelegationIsSeatedTogetherOrNotAtAll() {
    assertEquals(RegistrationStatus.CONFIRMED, Seating.placeDelegation(10, false, 7, 3, false));
    assertThrows(ProblemException.class, () -> Seating.placeDelegation(10, false, 8, 3, false));
    assertEquals(RegistrationStatus.WAITLISTED, Seating.placeDelegation(10, false, 8, 3, true));
  }

  @Test
  void aCancellationFreesASeatOnlyIfItHeldOne() {
    Registration confirmed = new Registration(UUID.randomUUID(), UUID.randomUUID(), new Registration.Person("a", "A", null, null), null, "a", RegistrationStatus.CONFIRMED, NOW);
    Registration waiting = new Registration(UUID.randomUUID(), UUID.randomUUID(), new Registration.Person("b", "B", null, null), null, "b", RegistrationStatus.WAITLISTED, NOW);
    assertEquals(true, confirmed.cancel(NOW));
    assertEquals(false, waiting.cancel(NOW));
    assertThrows(InvalidTransition.class, () -> confirmed.checkIn(NOW), "a cancelled registration is not checked in");
  }

  static AgreementProjection agreement(String status) {
    AgreementProjection a = new AgreementProjection(UUID.randomUUID());
    a.reflect("PK-BY/1", status, "PUBLIC", List.of(), 1, NOW);
    return a;
  }

  @Test
  void aSigningCeremonyLinksOnlyAgreementsNotYetInForce() {
    AgreementProjection draft = agreement("DRAFT");
    AgreementProjection inForce = agreement("IN_FORCE");
    EventLinks.check(EventKind.SIGNING_CEREMONY, List.of(draft.agreementId()), Map.of(draft.agreementId(), draft), List.of(), Map.of());
    assertEquals("agreement-already-in-force", assertThrows(ProblemException.class, () ->
        EventLinks.check(EventKind.SIGNING_CEREMONY, List.of(inForce.agreementId()), Map.of(inForce.agreementId(), inForce), List.of(), Map.of()))
        .problem().getExtensions().get("condition"));
    EventLinks.check(EventKind.SEMINAR, List.of(inForce.agreementId()), Map.of(inForce.agreementId(), inForce), List.of(), Map.of());
  }

  @Test
  void anUnknownLinkIsAnUnknownReferenceNamingTheEntry() {
    UUID unknown = UUID.randomUUID();
    ProblemException refused = assertThrows(ProblemException.class, () ->
        EventLinks.check(EventKind.SEMINAR, List.of(), Map.of(), List.of(unknown), Map.of()));
    assertEquals("urn:eurasia-registry:problem:unknown-reference", refused.problem().getType().toString());
    assertEquals("linkedPrograms[0]", refused.problem().getErrors().get(0).field());
  }
}
