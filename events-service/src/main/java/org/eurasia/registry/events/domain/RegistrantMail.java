package org.eurasia.registry.events.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A mail still owed to a person someone else registered: written in the registration's transaction,
 * so only a committed registration is mailed, and sent after commit by the mail job, which deletes
 * it once the SMTP server took it. The token of the link is held here only until then (the
 * registration keeps its hash).
 */
@Entity
@Table(name = "registrant_mail")
public class RegistrantMail {

  /** The first retry waits this long; each further one twice as long as the one before. */
  static final Duration FIRST_RETRY = Duration.ofMinutes(1);

  /** No retry waits longer than this. */
  static final Duration LONGEST_RETRY = Duration.ofHours(6);

  /**
   * How long a claimed mail is left to the job that claimed it: sent (or failed) by then, or
   * another run takes it again (the claimer died mid-send: at least once, never lost).
   */
  public static final Duration LEASE = Duration.ofMinutes(5);

  @Id
  @Column(name = "registration_id")
  private UUID registrationId;

  /** Null once the mail is given up on: nothing is left to send it with. */
  private String token;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected RegistrantMail() {}

  public RegistrantMail(UUID registrationId, String token, Instant now) {
    this.registrationId = registrationId;
    this.token = token;
    this.nextAttemptAt = now;
    this.createdAt = now;
  }

  public UUID registrationId() {
    return registrationId;
  }

  public String token() {
    return token;
  }

  public int attempts() {
    return attempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public String lastError() {
    return lastError;
  }

  /**
   * Taken by a run of the job, which sends it outside any transaction: others leave it alone for
   * the {@link #LEASE}.
   */
  public void claim(Instant now) {
    nextAttemptAt = now.plus(LEASE);
  }

  /**
   * A failed attempt: the next one waits {@link #retryDelay} after this one; after {@code
   * maxAttempts} the mail is given up and its token forgotten. {@code error} says what failed
   * without quoting the server (whose reply may name the address).
   */
  public void failed(String error, int maxAttempts, Instant now) {
    attempts++;
    lastError = error == null || error.length() <= 200 ? error : error.substring(0, 200);
    nextAttemptAt = now.plus(retryDelay(attempts));
    if (attempts >= maxAttempts) {
      token = null;
    }
  }

  /** The wait after the {@code attempts}-th failure: 1 min, 2, 4, … up to 6 h. */
  static Duration retryDelay(int attempts) {
    int doublings = Math.min(Math.max(attempts - 1, 0), 20);
    Duration delay = FIRST_RETRY.multipliedBy(1L << doublings);
    return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
  }
}
