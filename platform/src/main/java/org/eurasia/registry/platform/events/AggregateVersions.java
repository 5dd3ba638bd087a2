package org.eurasia.registry.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Orders other services' events per aggregate for the projections that apply them. Events carry the
 * aggregate's whole relevant state and its version, so the newest version wins: an event older than
 * (or equal to) the one already applied is stale and skipped; one that skips versions is applied
 * (its state is newer) and the gap is counted and logged, because it means this service missed or
 * has not yet seen an event. An event without a version cannot be ordered: it is an {@link
 * UnprocessableEvent}, never taken for stale. Created at start-up so both meters exist (at zero)
 * before the first event.
 *
 * <p>It must run in the consumer's transaction ({@code MANDATORY}), so the recorded version commits
 * with the effect.
 */
@Startup
@ApplicationScoped
public class AggregateVersions {

  private static final Logger LOG = Logger.getLogger(AggregateVersions.class);

  @Inject EntityManager em;

  private final Counter stale;
  private final Counter gaps;

  @Inject
  AggregateVersions(MeterRegistry metrics) {
    stale = Counter.builder("registry.events.versions").tag("outcome", "stale").register(metrics);
    gaps = Counter.builder("registry.events.versions").tag("outcome", "gap").register(metrics);
  }

  /** What a projection should do with an event. */
  public enum Decision {
    APPLY,
    SKIP_STALE
  }

  /** Decides, and on {@link Decision#APPLY} records the event's version as the newest applied. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Decision admit(ReceivedEvent event) {
    if (event.aggregateVersion() < 0 || event.subject() == null) {
      throw new UnprocessableEvent(
          event.subject() == null
              ? UnprocessableEvent.Reason.NO_SUBJECT
              : UnprocessableEvent.Reason.NO_VERSION,
          "Event " + event.id() + " of type " + event.type() + " cannot be ordered");
    }
    String type = event.aggregateType() == null ? event.topic() : event.aggregateType();
    // Lock the aggregate's row (if any) so two consumers of the same aggregate cannot both decide
    // to apply.
    @SuppressWarnings("unchecked")
    List<Object[]> current =
        em.createNativeQuery(
                "SELECT epoch, version FROM consumed_aggregate_version WHERE aggregate_type = ?1 AND aggregate_id = ?2 FOR UPDATE")
            .setParameter(1, type)
            .setParameter(2, event.subject())
            .getResultList();
    long newestEpoch = current.isEmpty() ? -1 : ((Number) current.get(0)[0]).longValue();
    long newest = current.isEmpty() ? -1 : ((Number) current.get(0)[1]).longValue();
    // (epoch, version), in that order: a producer restored from a backup repeats versions in a
    // later epoch, and those are news, not stale.
    int order =
        newestEpoch != event.aggregateEpoch()
            ? Long.compare(event.aggregateEpoch(), newestEpoch)
            : Long.compare(event.aggregateVersion(), newest);
    if (!current.isEmpty() && order <= 0) {
      stale.increment();
      LOG.debugf(
          "Skipping %s %s version %d (epoch %d): version %d (epoch %d) already applied",
          type,
          event.subject(),
          event.aggregateVersion(),
          event.aggregateEpoch(),
          newest,
          newestEpoch);
      return Decision.SKIP_STALE;
    }
    if (!current.isEmpty()
        && newestEpoch == event.aggregateEpoch()
        && event.aggregateVersion() > newest + 1) {
      gaps.increment();
      LOG.warnf(
          "Gap in %s %s: applied version %d after %d",
          type, event.subject(), event.aggregateVersion(), newest);
    }
    em.createNativeQuery(
            "INSERT INTO consumed_aggregate_version (aggregate_type, aggregate_id, version, epoch) VALUES (?1, ?2, ?3, ?4)"
                + " ON CONFLICT (aggregate_type, aggregate_id) DO UPDATE SET version = EXCLUDED.version,"
                + " epoch = EXCLUDED.epoch, applied_at = now()")
        .setParameter(1, type)
        .setParameter(2, event.subject())
        .setParameter(3, event.aggregateVersion())
        .setParameter(4, event.aggregateEpoch())
        .executeUpdate();
    return Decision.APPLY;
  }
}
