package org.eurasia.registry.agreements.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import org.eurasia.registry.agreements.domain.Agreement;
import org.eurasia.registry.agreements.domain.AgreementRepository;
import org.eurasia.registry.platform.changes.ChangeOrigin;
import org.eurasia.registry.platform.scheduling.BatchSweep;
import org.jboss.logging.Logger;

/**
 * Expires (or renews) agreements whose end date has passed, and announces each through the outbox
 * like any other change. The sweep ({@link BatchSweep}) gives every agreement its own transaction,
 * so one failure does not hold back the others, and a replica that runs it concurrently finds the
 * work done: the row's version makes the second attempt fail instead of repeating it.
 */
@ApplicationScoped
public class AgreementExpiry {

  private static final Logger LOG = Logger.getLogger(AgreementExpiry.class);

  /** The operation the change log names for the job's changes. */
  public static final String JOB = "expireAgreements";

  @Inject AgreementRepository agreements;

  @Inject AgreementService service;

  @Inject Clock clock;

  @Scheduled(
      cron = "{registry.agreements.expiry.cron}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void daily() {
    int changed = expireDue(LocalDate.now(clock));
    if (changed > 0) {
      LOG.infof("Expired or renewed %d agreements", changed);
    }
  }

  /** Expires or renews every agreement due on {@code today}; returns how many changed. */
  public int expireDue(LocalDate today) {
    return BatchSweep.run(
        "agreement",
        limit -> agreements.dueToExpire(today, limit).stream().map(Agreement::id).toList(),
        // Each agreement's entry in the change log names the job that changed it.
        id -> ChangeOrigin.during(JOB, () -> service.expireIfDue(id, today)));
  }
}
