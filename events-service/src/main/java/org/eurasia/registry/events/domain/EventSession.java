package org.eurasia.registry.events.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.persistence.JsonColumnCopy;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;

/**
 * One item of an event's agenda: its own times (inside the event's), a room or channel, speakers
 * and topics.
 */
@Entity
@Table(name = "event_session")
public class EventSession {

  @Id private UUID id;

  @Column(name = "event_id", nullable = false)
  private UUID eventId;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private Map<String, String> title;

  @Column(name = "starts_at", nullable = false)
  private Instant startsAt;

  @Column(name = "ends_at", nullable = false)
  private Instant endsAt;

  private String room;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private List<Speaker> speakers;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private List<String> topics;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected EventSession() {}

  /** A session of the event; the event checks it lies inside its own times. */
  public EventSession(
      UUID id,
      Event event,
      Map<String, String> title,
      Instant startsAt,
      Instant endsAt,
      String room,
      List<Speaker> speakers,
      List<String> topics,
      Instant now) {
    event.requireInside(startsAt, endsAt);
    this.id = id;
    this.eventId = event.id();
    this.title = new LinkedHashMap<>(title);
    this.startsAt = startsAt;
    this.endsAt = endsAt;
    this.room = room;
    this.speakers = List.copyOf(speakers);
    this.topics = List.copyOf(topics);
    this.createdAt = now;
  }

  public UUID id() {
    return id;
  }

  public UUID eventId() {
    return eventId;
  }

  public Map<String, String> title() {
    return Map.copyOf(title);
  }

  public Instant startsAt() {
    return startsAt;
  }

  public Instant endsAt() {
    return endsAt;
  }

  public String room() {
    return room;
  }

  public List<Speaker> speakers() {
    return speakers;
  }

  public List<String> topics() {
    return topics;
  }
}
