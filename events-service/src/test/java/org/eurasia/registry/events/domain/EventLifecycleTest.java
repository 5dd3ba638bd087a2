package org.eurasia.registry.events.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eurasia.registry.agreements.client.AgreementFacts.AnnouncedParty;
import org.eurasia.registry.agreements.client.PartyFact;
import org.eurasia.registry.platform.domain.DomainException;
import org.eurasia.registry.platform.domain.InvalidTransition;
import org.eurasia.registry.platform.domain.InvalidValue;
import org.eurasia.registry.platform.domain.NotPermitted;
import org.eurasia.registry.platform.domain.RuleViolation;
import org.eurasia.registry.platform.domain.StateConflict;
import org.eurasia.registry.platform.domain.UnknownReference;
import org.junit.jupiter.api.Test;

/**
 * The event lifecycle, sequences for calendars, sessions, registration windows, seating and links.
 */
class EventLifecycleTest {

  static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  static final Instant START = Instant.parse("2027-02-10T09:00:00Z");

  /**
   * Terms as a test needs them; the one place a test spells out every term (the description, the
   * programme links and the registration window are left empty, moderation off).
   */
  static EventTerms terms(
      EventKind kind,
      String title,
      Set<String> organizers,
      EventFormat format,
      Venue venue,
      String joinUrl,
      String zone,
      Instant start,
      Instant end,
      List<UUID> agreements,
      Integer capacity) {
    return new EventTerms(
        kind,
        Map.of("en", title),
        Map.of(),
        organizers,
        format,
        venue,
        joinUrl,
        zone,
        start,
        end,
        agreements,
        List.of(),
        null,
        null,
        capacity,
        null,
        false);
  }

  static EventTerms details(
      EventKind kind, EventFormat format, Integer capacity, List<UUID> agreements) {
    return terms(
        kind,
        "Webinar",
        Set.of("ncp.edu.pk"),
        format,
        format.hasVenue() ? new Venue("Hall", "Islamabad", "PK") : null,
        format.hasJoinLink() ? "https://meet.example.org/x" : null,
        "Asia/Karachi",
        START,
        START.plus(Duration.ofHours(2)),
        agreements,
        capacity);
  }

  static Event webinar() {
    return Event.draft(
        UUID.randomUUID(),
        "W/1",
        details(EventKind.WEBINAR, EventFormat.ONLINE, 100, List.of()),
        Set.of("ncp.edu.pk"),
        NOW);
  }

  @Test
  void anEventIsDraftedPublishedAndCompletedOnceItHasEnded() {
    Event e = webinar();
    assertEquals(EventStatus.DRAFT, e.status());
    assertEquals(EventChange.PUBLISHED, e.publish(NOW));
    assertEquals(
        "event-not-ended",
        assertThrows(RuleViolation.class, () -> e.complete(NOW), "not ended yet").rule());
    assertEquals(EventChange.COMPLETED, e.complete(START.plus(Duration.ofHours(3))));
    assertThrows(InvalidTransition.class, () -> e.cancel("late", NOW));
  }

  @Test
  void aPastEventIsNotPublished() {
    Event e = webinar();
    assertEquals(
        "event-in-the-past",
        assertThrows(RuleViolation.class, () -> e.publish(START.plusSeconds(1))).rule());
  }

  @Test
  void reschedulingKeepsHistoryAndBumpsTheCalendarSequence() {
    Event e = webinar();
    e.publish(NOW);
    e.reschedule(
        START.plus(Duration.ofDays(1)),
        START.plus(Duration.ofDays(1)).plus(Duration.ofHours(2)),
        "Asia/Karachi",
        "Holiday",
        NOW);
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
    EventTerms moved =
        terms(
            EventKind.WEBINAR,
            "Webinar",
            Set.of("ncp.edu.pk"),
            EventFormat.ONLINE,
            null,
            "https://meet.example.org/x",
            "Asia/Karachi",
            START.plusSeconds(3600),
            START.plusSeconds(7200),
            List.of(),
            100);
    assertEquals(
        "schedule",
        assertThrows(InvalidValue.class, () -> e.revise(moved, Set.of(), 0, NOW)).term());
    EventTerms renamed =
        terms(
            EventKind.WEBINAR,
            "Renamed",
            Set.of("ncp.edu.pk"),
            EventFormat.ONLINE,
            null,
            "https://meet.example.org/x",
            "Asia/Karachi",
            START,
            START.plus(Duration.ofHours(2)),
            List.of(),
            100);
    e.revise(renamed, Set.of(), 0, NOW);
    assertEquals(1, e.sequence(), "a visible change bumps the sequence of a published event");
  }

  @Test
  void formatsNeedTheirVenueOrJoinLink() {
    EventTerms noVenue =
        terms(
            EventKind.SEMINAR,
            "S",
            Set.of("x.pk"),
            EventFormat.IN_PERSON,
            null,
            null,
            "Asia/Karachi",
            START,
            START.plusSeconds(60),
            List.of(),
            null);
    assertEquals(
        "venue",
        assertThrows(
                InvalidValue.class,
                () -> Event.draft(UUID.randomUUID(), "S/1", noVenue, Set.of("x.pk"), NOW))
            .term());
    EventTerms noLink =
        terms(
            EventKind.WEBINAR,
            "S",
            Set.of("x.pk"),
            EventFormat.HYBRID,
            new Venue("Hall", "Minsk", "BY"),
            null,
            "Europe/Minsk",
            START,
            START.plusSeconds(60),
            List.of(),
            null);
    assertEquals(
        "joinUrl",
        assertThrows(
                InvalidValue.class,
                () -> Event.draft(UUID.randomUUID(), "S/2", noLink, Set.of("x.pk"), NOW))
            .term());
  }

  @Test
  void sessionsLieInsideTheEvent() {
    Event e = webinar();
    e.requireInside(START, START.plusSeconds(1200));
    assertEquals(
        "session-outside-event",
        assertThrows(
                RuleViolation.class,
                () -> e.requireInside(START.minusSeconds(60), START.plusSeconds(60)))
            .rule());
    assertEquals(
        "end",
        assertThrows(InvalidValue.class, () -> e.requireInside(START.plusSeconds(60), START))
            .term());
  }

  @Test
  void registrationIsOpenOnlyForAPublishedEventBeforeItStarts() {
    Event e = webinar();
    assertEquals(
        "registration-closed",
        assertThrows(RuleViolation.class, () -> e.requireRegistrationOpen(NOW), "draft").rule());
    e.publish(NOW);
    e.requireRegistrationOpen(NOW);
    assertEquals(
        "registration-closed",
        assertThrows(RuleViolation.class, () -> e.requireRegistrationOpen(START), "started")
            .rule());
  }

  @Test
  void seatsAreGivenWhileFreeThenTheWaitingListModerationHoldsEveryone() {
    assertEquals(RegistrationStatus.CONFIRMED, Seating.place(2, false, 1, 0));
    assertEquals(RegistrationStatus.WAITLISTED, Seating.place(2, false, 2, 0));
    assertEquals(
        RegistrationStatus.CONFIRMED,
        Seating.place(null, false, 10_000, 0),
        "no capacity: unlimited");
    assertEquals(RegistrationStatus.PENDING, Seating.place(2, true, 0, 0));
  }

  @Test
  void nobodyJumpsANonEmptyQueue() {
    assertEquals(
        RegistrationStatus.WAITLISTED,
        Seating.place(5, false, 1, 1),
        "a newcomer waits behind those waiting, even with seats free");
    assertEquals(RegistrationStatus.WAITLISTED, Seating.place(null, false, 0, 1), "unlimited too");
    assertEquals(false, Seating.seatFor(5, 1, 1), "an approval joins the queue too");
    assertEquals(true, Seating.seatFor(5, 1, 0));
    assertEquals(
        List.of(RegistrationStatus.WAITLISTED, RegistrationStatus.WAITLISTED),
        Seating.placeDelegation(10, false, 1, 1, 2, true),
        "a delegation waits behind those waiting");
    assertEquals(
        "1 registrations are waiting for a seat before it for a delegation of 2; send"
            + " waitIfFull=true to put the whole delegation on the waiting list",
        assertThrows(StateConflict.class, () -> Seating.placeDelegation(10, false, 1, 1, 2, false))
            .getMessage());
  }

  @Test
  void freeSeatsGoToThoseWaitingOnePerSeat() {
    assertEquals(0, Seating.promotions(3, 3, 5), "no seat free");
    assertEquals(2, Seating.promotions(5, 3, 5), "two seats for five waiting");
    assertEquals(1, Seating.promotions(5, 3, 1), "one waiting for two seats");
    assertEquals(7, Seating.promotions(null, 100, 7), "unlimited: everyone");
    assertEquals(0, Seating.promotions(null, 100, 0));
    Event e = webinar();
    e.publish(NOW);
    assertEquals(true, e.fillsFreedSeats());
    e.cancel("Postponed", NOW);
    assertEquals(false, e.fillsFreedSeats(), "a cancelled event seats nobody new");
  }

  @Test
  void aCapacityIsNeverSetBelowTheConfirmedSeats() {
    DomainException refused =
        assertThrows(StateConflict.class, () -> Seating.requireRoom(100, 40, 57));
    assertEquals(Map.of("capacity", 40, "confirmed", 57L), refused.facts());
    Seating.requireRoom(100, 57, 57);
    Seating.requireRoom(100, null, 57);
    Seating.requireRoom(50, 50, 57); // unchanged: an event oversold under older rules is revised
    assertThrows(StateConflict.class, () -> Seating.requireRoom(50, 55, 57), "still below");

    Event e = webinar();
    e.publish(NOW);
    EventTerms smaller = details(EventKind.WEBINAR, EventFormat.ONLINE, 10, List.of());
    assertThrows(StateConflict.class, () -> e.revise(smaller, Set.of(), 11, NOW));
    e.revise(smaller, Set.of(), 10, NOW);
    assertEquals(10, e.terms().capacity());
  }

  @Test
  void aDelegationIsSeatedTogetherOrNotAtAll() {
    assertEquals(
        List.of(
            RegistrationStatus.CONFIRMED,
            RegistrationStatus.CONFIRMED,
            RegistrationStatus.CONFIRMED),
        Seating.placeDelegation(10, false, 7, 0, 3, false));
    assertThrows(StateConflict.class, () -> Seating.placeDelegation(10, false, 8, 0, 3, false));
    assertEquals(
        List.of(
            RegistrationStatus.CONFIRMED,
            RegistrationStatus.CONFIRMED,
            RegistrationStatus.WAITLISTED),
        Seating.placeDelegation(10, false, 8, 0, 3, true),
        "waiting accepted: the free seats go to the first listed, the others wait in order");
    assertEquals(
        List.of(RegistrationStatus.PENDING, RegistrationStatus.PENDING),
        Seating.placeDelegation(1, true, 1, 4, 2, false));
  }

  @Test
  void aCancellationFreesASeatOnlyIfItHeldOne() {
    Registration confirmed =
        new Registration(
            UUID.randomUUID(),
            UUID.randomUUID(),
            new Registration.Person("a", "A", null, null),
            null,
            "a",
            RegistrationStatus.CONFIRMED,
            NOW);
    Registration waiting =
        new Registration(
            UUID.randomUUID(),
            UUID.randomUUID(),
            new Registration.Person("b", "B", null, null),
            null,
            "b",
            RegistrationStatus.WAITLISTED,
            NOW);
    assertEquals(true, confirmed.cancel(NOW));
    assertEquals(false, waiting.cancel(NOW));
    assertThrows(
        InvalidTransition.class,
        () -> confirmed.checkIn(NOW),
        "a cancelled registration is not checked in");
  }

  @Test
  void oneTableGuardsEveryEventCommandAndIsWhatTheEventAdvertises() {
    Event e = webinar();
    assertEquals(
        List.of("publish", "reschedule", "cancel", "update", "accept"), e.allowedTransitions());
    InvalidTransition early =
        assertThrows(InvalidTransition.class, () -> e.complete(START.plus(Duration.ofHours(3))));
    assertEquals("DRAFT", early.currentState());
    assertEquals(e.allowedTransitions(), early.allowed());
    e.publish(NOW);
    assertEquals(
        List.of("reschedule", "cancel", "complete", "update", "accept"), e.allowedTransitions());
    e.cancel("Called off", NOW);
    assertEquals(List.of(), e.allowedTransitions());
    for (String command :
        List.of("publish", "reschedule", "cancel", "complete", "update", "accept")) {
      assertEquals(false, Event.LIFECYCLE.allows(EventStatus.CANCELLED, command), command);
    }
    assertEquals(
        "Cannot accept an event that is CANCELLED; allowed: none",
        assertThrows(InvalidTransition.class, () -> e.accept("bsu.by", NOW)).getMessage());
  }

  @Test
  void aCheckedInRegistrationNoLongerOffersCheckInAndSaysSoWhenRefused() {
    Registration r =
        new Registration(
            UUID.randomUUID(),
            UUID.randomUUID(),
            new Registration.Person("a", "A", null, null),
            null,
            "a",
            RegistrationStatus.CONFIRMED,
            NOW);
    assertEquals(List.of("check in", "cancel"), r.allowedTransitions());
    assertEquals(RegistrationChange.CHECKED_IN, r.checkIn(NOW));
    assertEquals(List.of("cancel"), r.allowedTransitions());
    assertThrows(StateConflict.class, () -> r.checkIn(NOW), "checked in once");
    assertEquals(
        List.of("cancel"),
        assertThrows(InvalidTransition.class, () -> r.approve(true, NOW)).allowed());
    Registration pending =
        new Registration(
            UUID.randomUUID(),
            UUID.randomUUID(),
            new Registration.Person("b", "B", null, null),
            null,
            "b",
            RegistrationStatus.PENDING,
            NOW);
    assertEquals(List.of("approve", "decline", "cancel"), pending.allowedTransitions());
    assertThrows(
        InvalidTransition.class,
        () -> pending.promote(NOW),
        "only a waiting registration is promoted");
  }

  static EventTerms organizedBy(Set<String> organizers) {
    return terms(
        EventKind.SEMINAR,
        "Seminar",
        organizers,
        EventFormat.ONLINE,
        null,
        "https://meet.example.org/x",
        "Asia/Karachi",
        START,
        START.plus(Duration.ofHours(2)),
        List.of(),
        null);
  }

  static Set<String> ordered(String... codes) {
    return new java.util.LinkedHashSet<>(List.of(codes));
  }

  @Test
  void namingACoOrganizerInvitesItUntilItAccepts() {
    Event e =
        Event.draft(
            UUID.randomUUID(),
            "S/1",
            organizedBy(ordered("ncp.edu.pk", "bsu.by")),
            Set.of("ncp.edu.pk"),
            NOW);
    assertEquals(List.of("ncp.edu.pk"), e.organizers());
    assertEquals(List.of("bsu.by"), e.invitedOrganizers());
    assertEquals(false, e.isOrganizedBy("bsu.by"));
    assertEquals(true, e.isInvited("bsu.by"));

    assertEquals(EventChange.ORGANIZER_ACCEPTED, e.accept("bsu.by", NOW));
    assertEquals(List.of("ncp.edu.pk", "bsu.by"), e.organizers());
    assertEquals(List.of(), e.invitedOrganizers());
    assertThrows(StateConflict.class, () -> e.accept("bsu.by", NOW), "accepted once");
    assertEquals(
        "not-named", assertThrows(RuleViolation.class, () -> e.accept("qau.edu.pk", NOW)).rule());
    e.cancel("Called off", NOW);
    Event other =
        Event.draft(
            UUID.randomUUID(),
            "S/2",
            organizedBy(ordered("ncp.edu.pk", "qau.edu.pk")),
            Set.of("ncp.edu.pk"),
            NOW);
    other.cancel("Called off", NOW);
    assertThrows(
        InvalidTransition.class,
        () -> other.accept("qau.edu.pk", NOW),
        "an event that is over takes no new organizer");
  }

  @Test
  void aRevisionInvitesAddedOrganizersKeepsConsentAndBindsOnlyWhomTheCallerMay() {
    Event e =
        Event.draft(
            UUID.randomUUID(),
            "S/1",
            organizedBy(ordered("ncp.edu.pk", "bsu.by")),
            Set.of("ncp.edu.pk"),
            NOW);
    e.revise(organizedBy(ordered("ncp.edu.pk", "bsu.by", "qau.edu.pk")), Set.of(), 0, NOW);
    assertEquals(List.of("ncp.edu.pk"), e.organizers());
    assertEquals(List.of("bsu.by", "qau.edu.pk"), e.invitedOrganizers());
    // A registrar's revision binds the organizers it adds, not those already invited (they consent
    // by accepting).
    e.revise(
        organizedBy(ordered("ncp.edu.pk", "bsu.by", "qau.edu.pk", "gknt.gov.by")),
        ordered("ncp.edu.pk", "bsu.by", "qau.edu.pk", "gknt.gov.by"),
        0,
        NOW);
    assertEquals(List.of("ncp.edu.pk", "gknt.gov.by"), e.organizers());
    assertEquals(List.of("bsu.by", "qau.edu.pk"), e.invitedOrganizers());
    e.revise(organizedBy(ordered("gknt.gov.by", "bsu.by")), Set.of(), 0, NOW);
    assertEquals(
        List.of("gknt.gov.by"),
        e.organizers(),
        "removed organizers are gone, kept ones keep their consent");
    assertEquals(List.of("bsu.by"), e.invitedOrganizers());
    assertEquals(
        "no-consenting-organizer",
        assertThrows(
                RuleViolation.class,
                () -> e.revise(organizedBy(ordered("bsu.by")), Set.of(), 0, NOW))
            .rule());
  }

  @Test
  void aDraftCancelledBeforePublicationWasNeverPublished() {
    Event quiet = webinar();
    quiet.cancel("Not needed", NOW);
    assertEquals(EventStatus.CANCELLED, quiet.status());
    assertEquals(false, quiet.wasPublished());
    Event loud = webinar();
    loud.publish(NOW);
    loud.cancel("Postponed", NOW);
    assertEquals(true, loud.wasPublished(), "a published event stays public once cancelled");
    assertEquals(NOW, loud.publishedAt());
  }

  static AgreementProjection agreement(String status) {
    return agreement(status, "PUBLIC", List.of());
  }

  static AgreementProjection agreement(String status, String visibility, List<PartyFact> parties) {
    AgreementProjection a = new AgreementProjection(UUID.randomUUID());
    a.reflect("PK-BY/1", status, visibility, parties, 1, NOW);
    return a;
  }

  static PartyFact party(String code, String role, boolean signed, Boolean consented) {
    return new AnnouncedParty(code, "PK", role, signed, consented).fact();
  }

  static EventLinks links(
      Requester requester, List<AgreementProjection> agreements, List<ProgramProjection> programs) {
    Map<UUID, AgreementProjection> a = new java.util.HashMap<>();
    agreements.forEach(x -> a.put(x.agreementId(), x));
    Map<UUID, ProgramProjection> p = new java.util.HashMap<>();
    programs.forEach(x -> p.put(x.programId(), x));
    return new EventLinks(
        id -> java.util.Optional.ofNullable(a.get(id)),
        id -> java.util.Optional.ofNullable(p.get(id)),
        requester);
  }

  static final Requester REGISTRAR = new Requester(true, null);

  static void link(EventLinks links, EventKind kind, AgreementProjection agreement) {
    links.check(kind, List.of(agreement.agreementId()), Set.of(), List.of(), Set.of());
  }

  @Test
  void aSigningCeremonyLinksOnlyAgreementsNotYetInForce() {
    AgreementProjection draft = agreement("DRAFT");
    AgreementProjection inForce = agreement("IN_FORCE");
    EventLinks registrar = links(REGISTRAR, List.of(draft, inForce), List.of());
    link(registrar, EventKind.SIGNING_CEREMONY, draft);
    assertEquals(
        "agreement-already-in-force",
        assertThrows(
                RuleViolation.class, () -> link(registrar, EventKind.SIGNING_CEREMONY, inForce))
            .rule());
    link(registrar, EventKind.SEMINAR, inForce);
  }

  @Test
  void anAgreementIsLinkedOnlyByAPartyThatConsented() {
    AgreementProjection mou =
        agreement(
            "IN_FORCE",
            "PUBLIC",
            List.of(
                party("most.gov.pk", "SIGNATORY", true, null),
                    party("gknt.gov.by", "SIGNATORY", true, true),
                party("ncp.edu.pk", "OBSERVER", false, null),
                    party("qau.edu.pk", "IMPLEMENTING_BODY", false, true)));
    link(
        links(new Requester(false, "most.gov.pk"), List.of(mou), List.of()),
        EventKind.SEMINAR,
        mou);
    link(
        links(new Requester(false, "qau.edu.pk"), List.of(mou), List.of()), EventKind.SEMINAR, mou);
    assertThrows(
        NotPermitted.class,
        () ->
            link(
                links(new Requester(false, "ncp.edu.pk"), List.of(mou), List.of()),
                EventKind.SEMINAR,
                mou),
        "an observer that has not accepted is named, not bound");
    assertThrows(
        NotPermitted.class,
        () ->
            link(
                links(new Requester(false, "cuc.edu.cn"), List.of(mou), List.of()),
                EventKind.SEMINAR,
                mou));
  }

  @Test
  void aSignatoryLinksItsUnsignedAgreementOnlyToItsSigningCeremony() {
    AgreementProjection draft =
        agreement(
            "DRAFT",
            "PUBLIC",
            List.of(
                party("qau.edu.pk", "SIGNATORY", false, null),
                party("bsu.by", "SIGNATORY", false, null)));
    EventLinks qau = links(new Requester(false, "qau.edu.pk"), List.of(draft), List.of());
    link(qau, EventKind.SIGNING_CEREMONY, draft);
    assertThrows(NotPermitted.class, () -> link(qau, EventKind.SEMINAR, draft));
  }

  @Test
  void aConfidentialAgreementIsAsUnknownToOutsidersAsAMissingOne() {
    AgreementProjection secret =
        agreement(
            "SIGNED",
            "CONFIDENTIAL",
            List.of(
                party("most.gov.pk", "SIGNATORY", true, null),
                party("gknt.gov.by", "SIGNATORY", true, null)));
    EventLinks outsider = links(new Requester(false, "ncp.edu.pk"), List.of(secret), List.of());
    UnknownReference hidden =
        assertThrows(UnknownReference.class, () -> link(outsider, EventKind.SEMINAR, secret));
    UUID missing = UUID.randomUUID();
    UnknownReference unknown =
        assertThrows(
            UnknownReference.class,
            () ->
                outsider.check(EventKind.SEMINAR, List.of(missing), Set.of(), List.of(), Set.of()));
    assertEquals(unknown.term(), hidden.term());
    assertEquals(
        unknown.getMessage().replace(missing.toString(), secret.agreementId().toString()),
        hidden.getMessage());
    assertEquals(
        false, hidden.getMessage().contains("PK-BY/1"), "no code of what the caller may not read");
    link(
        links(new Requester(false, "most.gov.pk"), List.of(secret), List.of()),
        EventKind.SEMINAR,
        secret);
  }

  @Test
  void aProgrammeIsLinkedByAnInstitutionThatAcceptedItOrAConsentingPartyOfItsAgreement() {
    AgreementProjection secret =
        agreement(
            "IN_FORCE",
            "CONFIDENTIAL",
            List.of(
                party("most.gov.pk", "SIGNATORY", true, null),
                party("gknt.gov.by", "SIGNATORY", true, null),
                party("pu.edu.pk", "OBSERVER", false, null)));
    ProgramProjection program = new ProgramProjection(UUID.randomUUID());
    program.reflect(
        "QAU-BSU/X",
        "OPEN",
        secret.agreementId(),
        List.of("qau.edu.pk", "bsu.by"),
        List.of("qau.edu.pk"),
        1,
        NOW);
    List<AgreementProjection> agreements = List.of(secret);
    List<ProgramProjection> programs = List.of(program);
    java.util.function.Function<String, Class<?>> linking =
        org -> {
          try {
            links(new Requester(false, org), agreements, programs)
                .check(
                    EventKind.SEMINAR, List.of(), Set.of(), List.of(program.programId()), Set.of());
            return null;
          } catch (DomainException e) {
            return e.getClass();
          }
        };
    assertEquals(null, linking.apply("qau.edu.pk"), "an institution that accepted");
    assertEquals(null, linking.apply("most.gov.pk"), "a consenting party of its agreement");
    assertEquals(
        NotPermitted.class,
        linking.apply("bsu.by"),
        "an institution still invited reads it, but may not link it");
    assertEquals(
        NotPermitted.class,
        linking.apply("pu.edu.pk"),
        "a party named in the agreement without consent reads it, nothing more");
    assertEquals(UnknownReference.class, linking.apply("cuc.edu.cn"), "an outsider: as unknown");
    assertEquals(
        true, links(new Requester(false, "bsu.by"), agreements, programs).mayRead(program));
    assertEquals(false, links(Requester.NOBODY, agreements, programs).mayRead(program));
    ProgramProjection orphan = new ProgramProjection(UUID.randomUUID());
    orphan.reflect("X/Y", "OPEN", UUID.randomUUID(), List.of("qau.edu.pk", "bsu.by"), null, 1, NOW);
    assertEquals(
        false,
        links(Requester.NOBODY, agreements, List.of(orphan)).mayRead(orphan),
        "an agreement not heard of shows nothing");
  }

  @Test
  void anUnknownLinkIsAnUnknownReferenceNamingTheEntry() {
    UUID unknown = UUID.randomUUID();
    UnknownReference refused =
        assertThrows(
            UnknownReference.class,
            () ->
                links(REGISTRAR, List.of(), List.of())
                    .check(EventKind.SEMINAR, List.of(), Set.of(), List.of(unknown), Set.of()));
    assertEquals("linkedPrograms[0]", refused.term());
  }

  @Test
  void linksKeptByARevisionAreNotCheckedAgain() {
    AgreementProjection secret =
        agreement("SIGNED", "CONFIDENTIAL", List.of(party("most.gov.pk", "SIGNATORY", true, null)));
    EventLinks outsider = links(new Requester(false, "ncp.edu.pk"), List.of(secret), List.of());
    outsider.check(
        EventKind.SEMINAR,
        List.of(secret.agreementId()),
        Set.of(secret.agreementId()),
        List.of(),
        Set.of());
  }
}
