package org.eurasia.registry.events.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Registrations: seat counts, the waiting list in order, and lists for organizers. */
@ApplicationScoped
public class RegistrationRepository implements PanacheRepositoryBase<Registration, UUID> {

  /** The statuses of a registration that is active: it holds a seat, or may still get one. */
  private static final List<RegistrationStatus> HOLDING_OR_AWAITING_A_SEAT =
      List.of(
          RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED);

  /**
   * Confirmed and wait-listed counts of several events in one grouped query (a page of events would
   * otherwise cost two count queries per event); events without registrations are absent.
   *
   * <p>Native SQL with one array parameter: the same query in HQL with {@code in :events} was
   * translated anew for every call (a list parameter defeats Hibernate's plan cache) and cost 12 %
   * of a read by id in the benchmark profile.
   */
  public List<SeatCount> seatCounts(Collection<UUID> eventIds) {
    if (eventIds.isEmpty()) {
      return List.of();
    }
    List<Object[]> rows =
        getEntityManager()
            .createNativeQuery(
                "SELECT event_id,"
                    + " count(*) FILTER (WHERE status = 'CONFIRMED'), count(*) FILTER (WHERE status = 'WAITLISTED')"
                    + " FROM registration WHERE event_id = ANY(?1) AND status IN ('CONFIRMED', 'WAITLISTED') GROUP BY event_id",
                Object[].class)
            .setParameter(1, eventIds.toArray(UUID[]::new))
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new SeatCount(
                    (UUID) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue()))
        .toList();
  }

  /**
   * Confirmed and wait-listed registrations of one event; accurate only under the event's lock. A
   * query over the entity, so changes of this transaction not yet written are flushed first.
   */
  public SeatCount seatCount(UUID eventId) {
    Object[] row =
        getEntityManager()
            .createQuery(
                "select coalesce(sum(case when r.status = ?2 then 1 else 0 end), 0),"
                    + " coalesce(sum(case when r.status = ?3 then 1 else 0 end), 0)"
                    + " from Registration r where r.eventId = ?1 and r.status in (?2, ?3)",
                Object[].class)
            .setParameter(1, eventId)
            .setParameter(2, RegistrationStatus.CONFIRMED)
            .setParameter(3, RegistrationStatus.WAITLISTED)
            .getSingleResult();
    return new SeatCount(eventId, ((Number) row[0]).longValue(), ((Number) row[1]).longValue());
  }

  /**
   * The first {@code count} on the waiting list, in queue order: first queued, first promoted — the
   * order {@link #page} lists the waiting list in.
   */
  public List<Registration> nextWaiting(UUID eventId, int count) {
    return find(
            "eventId = ?1 and status = ?2 order by queuedAt, id",
            eventId,
            RegistrationStatus.WAITLISTED)
        .page(0, count)
        .list();
  }

  public boolean isActive(UUID eventId, String participantKey) {
    return count(
            "eventId = ?1 and participantKey = ?2 and status in ?3",
            eventId,
            participantKey,
            HOLDING_OR_AWAITING_A_SEAT)
        > 0;
  }

  /**
   * The members of an organization's delegations at an event that hold or await a seat (confirmed,
   * pending, wait-listed): what the organizers' delegation cap bounds.
   */
  public long delegationSeatsHeld(UUID eventId, String organization) {
    return count(
        "eventId = ?1 and organization = ?2 and delegationId is not null and status in ?3",
        eventId,
        organization,
        HOLDING_OR_AWAITING_A_SEAT);
  }

  /** Whether the caller (by token subject) holds a confirmed seat: they may see the join link. */
  public boolean hasConfirmedSeat(UUID eventId, String participantKey) {
    return count(
            "eventId = ?1 and participantKey = ?2 and status = ?3",
            eventId,
            participantKey,
            RegistrationStatus.CONFIRMED)
        > 0;
  }

  /** One page of an event's registrations, in queue order; {@code status} null for all. */
  public List<Registration> page(
      UUID eventId, RegistrationStatus status, Instant afterQueuedAt, UUID afterId, int limit) {
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

  /**
   * Registrations still holding personal data whose event ended before {@code endedBefore}, oldest
   * event first: what the retention job erases.
   */
  public List<UUID> holdingPersonalDataOfEventsEndedBefore(Instant endedBefore, int limit) {
    return getEntityManager()
        .createNativeQuery(
            "SELECT r.id FROM registration r JOIN event e ON e.id = r.event_id"
                + " WHERE r.personal_data_erased_at IS NULL AND e.ends_at < ?1"
                + " ORDER BY e.ends_at, r.id LIMIT ?2",
            UUID.class)
        .setParameter(1, endedBefore.atOffset(java.time.ZoneOffset.UTC))
        .setParameter(2, limit)
        .getResultList()
        .stream()
        .map(UUID.class::cast)
        .toList();
  }

  /**
   * Erasure: blanks the registrant's name and e-mail, and replaces the key that named them (their
   * token subject or e-mail; the one who registered them too, when it was themselves) by one naming
   * the registration; the self-service link stops opening it. A bulk update on purpose: the
   * registration's published state does not change (its events never carried the person), so
   * neither does its version.
   *
   * @return false when its personal data was already erased
   */
  public boolean erasePersonalData(UUID id, Instant now) {
    return getEntityManager()
            .createNativeQuery(
                "UPDATE registration SET name = '', email = NULL,"
                    + " registered_by = CASE WHEN registered_by = participant_key"
                    + " THEN 'erased:' || id::text ELSE registered_by END,"
                    + " participant_key = 'erased:' || id::text, self_service_token_hash = NULL,"
                    + " personal_data_erased_at = ?2"
                    + " WHERE id = ?1 AND personal_data_erased_at IS NULL")
            .setParameter(1, id)
            .setParameter(2, now.atOffset(java.time.ZoneOffset.UTC))
            .executeUpdate()
        == 1;
  }
}
