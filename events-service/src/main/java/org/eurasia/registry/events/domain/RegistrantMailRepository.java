package org.eurasia.registry.events.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The mails owed to registrants ({@link RegistrantMail}). */
@ApplicationScoped
public class RegistrantMailRepository implements PanacheRepositoryBase<RegistrantMail, UUID> {

  /**
   * The mails due, oldest first, locked for this transaction and skipped by any other replica's job
   * running at the same time (so a mail goes out once), those given up on left aside.
   */
  @SuppressWarnings("unchecked")
  public List<RegistrantMail> lockDue(Instant now, int maxAttempts, int limit) {
    return getEntityManager()
        .createNativeQuery(
            "SELECT * FROM registrant_mail WHERE next_attempt_at <= ?1 AND attempts < ?2"
                + " AND token IS NOT NULL"
                + " ORDER BY next_attempt_at, registration_id LIMIT ?3 FOR UPDATE SKIP LOCKED",
            RegistrantMail.class)
        .setParameter(1, now.atOffset(ZoneOffset.UTC))
        .setParameter(2, maxAttempts)
        .setParameter(3, limit)
        .getResultList();
  }

  /** Mails given up on after {@code maxAttempts}: for the gauge operators alert on. */
  public long givenUp(int maxAttempts) {
    return count("attempts >= ?1", maxAttempts);
  }

  /**
   * Forgets the mail owed for a registration: sent, or its person's data is being erased. A bulk
   * delete, so that a row another transaction deleted first is no error.
   */
  public void forget(UUID registrationId) {
    delete("registrationId", registrationId);
  }
}
