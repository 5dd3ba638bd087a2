package org.eurasia.registry.exchange.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

/** This service's copies of agreements. */
@ApplicationScoped
public class AgreementProjectionRepository
    implements PanacheRepositoryBase<AgreementProjection, UUID> {

  /**
   * The agreement as it stands now, its row held {@code FOR SHARE} until the transaction ends, for
   * a command that acts only while the agreement is in force (open, resume, nominate, accept). The
   * consumer's update of the row waits for such a command, which waits for the update in turn: a
   * command either commits before the agreement leaves force (and its programme or mobility is then
   * seen by the reaction to it) or reads the new status. Refreshed, so a copy loaded earlier in the
   * transaction is not trusted.
   */
  public Optional<AgreementProjection> findForCommand(UUID agreementId) {
    Optional<AgreementProjection> agreement = findByIdOptional(agreementId);
    agreement.ifPresent(a -> getEntityManager().refresh(a, LockModeType.PESSIMISTIC_READ));
    return agreement;
  }
}
