package org.eurasia.registry.events.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Registrations: seat counts, the waiting list in order, and lists for organizers. */
@ApplicationScoped
public class RegistrationRepository implements PanacheRepositoryBase<Registration, UUID> {

  /** Confirmed seats of an event; accurate only under the event's lock (see {@link EventRepository#lock}). */
  public long confirmed(UUID eventId) {
    return count("eventId = ?1 and status = ?2", eventId, RegistrationStatus.CONFIRMED);
  }

  /**
   * Confirmed and wait-listed counts of several events in one grouped query (a page of events would otherwise cost two
   * count queries per event): rows of event id, status and count; events without registrations have no row.
   */
  public List<Object[]> seatCounts(Collection<UUID> eventIds) {
    if (eventIds.isEmpty()) {
      return List.of();
    }
    return getEntityManager()
        .createQuery("select r.eventId, r.status, count(r) from Registration r where r.eventId in :events and r.status in :statuses"
            + " group by r.eventId, r.status", Object[].class)
        .setParameter("events", eventIds)
        .setParameter("statuses", List.of(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED))
        .getResultList();
  }

  /** The first on the waiting list: first queued, first promoted. */
  public Optional<Registration> nextWaiting(UUID eventId) {
    return find("eventId = ?1 and status = ?2 order by queuedAt, createdAt, id", eventId, RegistrationStatus.WAITLISTED)
        .firstResultOptional();
  }

  public boolean isActive(UUID eventId, String participantKey) {
    return count("eventId = ?1 and participantKey = ?2 and status in ?3", eventId, participantKey,
            List.of(RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED))
        > 0;
  }

  /** Whether the caller (by token subject) holds a confirmed seat: they may see the join link. */
  public boolean hasConfirmedSeat(UUID eventId, String participantKey) {
    return count("eventId = ?1 and participantKey = ?2 and status = ?3", eventId, participantKey, RegistrationStatus.CONFIRMED) > 0;
  }

  /** One page of an event's registrations, in queue order; {@code status} null for all. */
  public List<Registration> page(UUID eventId, RegistrationStatus status, Instant afterQueuedAt, UUID afterId, int limit) {
    StringBuilder q = new StringBuilder("eventId = :event");
    java.util.Map<String, Object> params = new java.util.HashMap<>();
    params.put("event", eventId);
    if (status != null) {
      q.append(" and status = :status");
      params.put("status", status);
    }
    if (afterQueuedAt != null) {
      q.append(" and (queuedAt > :at or (queuedAt = :at and id > :id))");
      params.put("at", afterQueuedAt);
      params.put("id", afterId);
    }
    return find(q + " order by queuedAt, id", params).page(0, limit).list();
  }
}
