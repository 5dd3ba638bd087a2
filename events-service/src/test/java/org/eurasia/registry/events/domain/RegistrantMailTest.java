package org.eurasia.registry.events.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eurasia.registry.platform.domain.StateConflict;
import org.junit.jupiter.api.Test;

/** The rules of registrant mails and links, and of the delegation cap, without a server. */
class RegistrantMailTest {

  static final Instant NOW = Instant.parse("2027-02-01T10:00:00Z");

  @Test
  void aFailedMailIsRetriedAfterGrowingWaitsUpToSixHours() {
    RegistrantMail mail = new RegistrantMail(UUID.randomUUID(), SelfServiceToken.issue(), NOW);
    assertEquals(NOW, mail.nextAttemptAt(), "due at once");
    mail.failed("SMTPException", 12, NOW);
    assertEquals(1, mail.attempts());
    assertEquals(NOW.plus(Duration.ofMinutes(1)), mail.nextAttemptAt());
    mail.failed("SMTPException", 12, NOW);
    assertEquals(NOW.plus(Duration.ofMinutes(2)), mail.nextAttemptAt());
    assertEquals(Duration.ofMinutes(4), RegistrantMail.retryDelay(3));
    assertEquals(Duration.ofMinutes(256), RegistrantMail.retryDelay(9));
    assertEquals(Duration.ofHours(6), RegistrantMail.retryDelay(10));
    assertEquals(Duration.ofHours(6), RegistrantMail.retryDelay(1000), "no overflow");
    mail.failed("x".repeat(500), 12, NOW);
    assertEquals(200, mail.lastError().length(), "fits its column");
    assertEquals(3, mail.attempts());
    assertTrue(mail.token() != null, "kept while it may still be sent");
    mail.claim(NOW);
    assertEquals(NOW.plus(RegistrantMail.LEASE), mail.nextAttemptAt(), "leased to its claimer");
    mail.failed("MailException", 4, NOW);
    assertEquals(null, mail.token(), "given up: the token is forgotten");
  }

  @Test
  void onlyTheIssuedTokenOpensARegistrationAndOnlyItsHashIsKept() {
    Registration r =
        new Registration(
            UUID.randomUUID(),
            UUID.randomUUID(),
            new Registration.Person(
                "mailto:a@most.example.org", "A", "a@most.example.org", "most.gov.pk"),
            UUID.randomUUID(),
            "head@most.gov.pk",
            RegistrationStatus.CONFIRMED,
            NOW);
    assertFalse(r.opensWith(null), "no token was issued yet");
    String token = r.issueSelfServiceToken();
    assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
    assertTrue(r.opensWith(token));
    assertFalse(r.opensWith(null));
    assertFalse(r.opensWith(""));
    assertFalse(r.opensWith(token.toUpperCase()));
    assertFalse(r.opensWith(SelfServiceToken.hash(token)), "the stored hash is no key");
    assertNotEquals(token, r.issueSelfServiceToken(), "each token is new");
    assertFalse(r.opensWith(token), "a new token replaces the old");
  }

  @Test
  void theDelegationCapCountsWhatTheOrganizationHoldsAndAsks() {
    Seating.requireDelegationRoom(null, "most.gov.pk", 1000, 50);
    Seating.requireDelegationRoom(3, "most.gov.pk", 1, 2);
    StateConflict refused =
        assertThrows(
            StateConflict.class, () -> Seating.requireDelegationRoom(3, "most.gov.pk", 2, 2));
    assertTrue(refused.getMessage().contains("most.gov.pk's hold 2"), refused.getMessage());
    assertEquals(3, refused.facts().get("delegationSeatCap"));
    assertEquals(2L, refused.facts().get("held"));
  }
}
