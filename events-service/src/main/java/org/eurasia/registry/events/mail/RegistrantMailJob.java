package org.eurasia.registry.events.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eurasia.registry.events.domain.Event;
import org.eurasia.registry.events.domain.EventRepository;
import org.eurasia.registry.events.domain.RegistrantMail;
import org.eurasia.registry.events.domain.RegistrantMailRepository;
import org.eurasia.registry.events.domain.Registration;
import org.eurasia.registry.events.domain.RegistrationRepository;
import org.jboss.logging.Logger;

/**
 * Sends the mails owed to people a delegation registered, after the registration committed: each
 * run takes the mails due, locked so that another replica's run skips them, sends each over SMTP
 * and deletes it once the server took it; a failure is retried later, with a growing wait, up to
 * {@link RegistrantMailConfig#maxAttempts()}. A mail whose person was erased meanwhile is dropped
 * unsent. A crash between the SMTP server's acceptance and the commit sends that mail again: at
 * least once, never lost.
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
      Batch batch = QuarkusTransaction.requiringNew().call(this::sendBatch);
      sent += batch.sent();
      if (batch.taken() < config.batch()) {
        break;
      }
    }
    givenUp.set(QuarkusTransaction.requiringNew().call(() -> mails.givenUp(config.maxAttempts())));
    return sent;
  }

  private Batch sendBatch() {
    Instant now = clock.instant();
    List<RegistrantMail> due = mails.lockDue(now, config.maxAttempts(), config.batch());
    int sent = 0;
    for (RegistrantMail mail : due) {
      Registration registration = registrations.findById(mail.registrationId());
      if (registration == null || !registration.opensWith(mail.token())) {
        // Erased since (the erasure deletes the mail too; this is the race with it): nobody to
        // tell.
        mails.delete(mail);
        continue;
      }
      Event event = events.findById(registration.eventId());
      try {
        mailer.send(RegistrantMailText.compose(registration, event, link(registration, mail)));
        mails.delete(mail);
        sent++;
      } catch (RuntimeException e) {
        // The class only: an SMTP reply may quote the address, which this row must not keep.
        mail.failed(e.getClass().getSimpleName(), now);
        LOG.warnf(
            "Could not send the mail for registration %s (attempt %d of %d): %s",
            registration.id(), mail.attempts(), config.maxAttempts(), e.getClass().getSimpleName());
      }
    }
    return new Batch(due.size(), sent);
  }

  private String link(Registration registration, RegistrantMail mail) {
    String base = config.publicBaseUrl().replaceAll("/+$", "");
    return base
        + "/api/v1/self-service/registrations/"
        + registration.id()
        + "?token="
        + mail.token();
  }

  private record Batch(int taken, int sent) {}
}
