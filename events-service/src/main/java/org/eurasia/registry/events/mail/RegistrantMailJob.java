package org.eurasia.registry.events.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.eurasia.registry.events.domain.Event;
import org.eurasia.registry.events.domain.EventRepository;
import org.eurasia.registry.events.domain.RegistrantMail;
import org.eurasia.registry.events.domain.RegistrantMailRepository;
import org.eurasia.registry.events.domain.Registration;
import org.eurasia.registry.events.domain.RegistrationRepository;
import org.eurasia.registry.events.domain.RegistrationStatus;
import org.jboss.logging.Logger;

/**
 * Sends the mails owed to people a delegation registered, after the registration committed. Each
 * run claims the mails due in one short transaction (locked, so another replica's run skips them,
 * and leased for {@link RegistrantMail#LEASE}), sends each over SMTP outside any transaction — a
 * slow relay holds no connection, lock or transaction — and records each outcome in a short
 * transaction of its own: sent mails are deleted, failed ones wait longer each time, up to {@link
 * RegistrantMailConfig#maxAttempts()}. A mail whose person was erased, or whose registration is no
 * longer active, is dropped unsent. A claimer that dies mid-send leaves its mails to the next run
 * once the lease ends: at least once, never lost.
 */
@ApplicationScoped
public class RegistrantMailJob {

  private static final Logger LOG = Logger.getLogger(RegistrantMailJob.class);

  @Inject RegistrantMailRepository mails;

  @Inject RegistrationRepository registrations;

  @Inject EventRepository events;

  @Inject Mailer mailer;

  @Inject RegistrantMailConfig config;

  @Inject MeterRegistry meters;

  @Inject Clock clock;

  private final AtomicLong givenUp = new AtomicLong();

  @PostConstruct
  void gauges() {
    Gauge.builder("registry.registrant.mail.given.up", givenUp, AtomicLong::get)
        .description("Mails to registrants given up on after the configured attempts")
        .register(meters);
  }

  @Scheduled(
      every = "{registry.registrant-mail.every}",
      delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void periodically() {
    int sent = sendDue();
    if (sent > 0) {
      LOG.debugf("Sent %d registrant mails", sent);
    }
  }

  /** Sends every mail due now; returns how many the SMTP server took. */
  public int sendDue() {
    int sent = 0;
    while (true) {
      List<Claimed> claimed = QuarkusTransaction.requiringNew().call(this::claim);
      for (Claimed mail : claimed) {
        if (send(mail)) {
          sent++;
        }
      }
      if (claimed.size() < config.batch()) {
        break;
      }
    }
    givenUp.set(QuarkusTransaction.requiringNew().call(() -> mails.givenUp(config.maxAttempts())));
    return sent;
  }

  /** The mails due, leased to this run, each composed from its registration as it stands. */
  private List<Claimed> claim() {
    Instant now = clock.instant();
    return mails.lockDue(now, config.maxAttempts(), config.batch()).stream()
        .map(
            mail -> {
              mail.claim(now);
              return new Claimed(mail.registrationId(), compose(mail));
            })
        .toList();
  }

  /** The mail to send, or none when nobody is left to tell (erased, cancelled, declined). */
  private Optional<Mail> compose(RegistrantMail mail) {
    Registration registration = registrations.findById(mail.registrationId());
    if (registration == null
        || !registration.opensWith(mail.token())
        || !ACTIVE.contains(registration.status())) {
      return Optional.empty();
    }
    Event event = events.findById(registration.eventId());
    return Optional.of(RegistrantMailText.compose(registration, event, link(registration, mail)));
  }

  private static final List<RegistrationStatus> ACTIVE =
      List.of(
          RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED, RegistrationStatus.PENDING);

  /** Sends one claimed mail outside any transaction, then records the outcome; true if sent. */
  private boolean send(Claimed claimed) {
    if (claimed.mail().isEmpty()) {
      QuarkusTransaction.requiringNew().run(() -> mails.forget(claimed.registrationId()));
      return false;
    }
    try {
      mailer.send(claimed.mail().get());
    } catch (RuntimeException e) {
      // The class only: an SMTP reply may quote the address, which the row must not keep.
      String error = e.getClass().getSimpleName();
      int attempts =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      mails
                          .findByIdOptional(claimed.registrationId())
                          .map(
                              m -> {
                                m.failed(error, config.maxAttempts(), clock.instant());
                                return m.attempts();
                              })
                          .orElse(0));
      LOG.warnf(
          "Could not send the mail for registration %s (attempt %d of %d): %s",
          claimed.registrationId(), attempts, config.maxAttempts(), error);
      return false;
    }
    QuarkusTransaction.requiringNew().run(() -> mails.forget(claimed.registrationId()));
    return true;
  }

  private String link(Registration registration, RegistrantMail mail) {
    String base = config.publicBaseUrl().replaceAll("/+$", "");
    return base
        + "/api/v1/self-service/registrations/"
        + registration.id()
        + "?token="
        + mail.token();
  }

  /** A mail claimed by this run: what to send, if anything. */
  private record Claimed(UUID registrationId, Optional<Mail> mail) {}
}
