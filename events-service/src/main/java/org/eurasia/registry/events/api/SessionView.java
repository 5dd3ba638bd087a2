package org.eurasia.registry.events.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eurasia.registry.events.api.EventView.ScheduleView;
import org.eurasia.registry.events.domain.Event;
import org.eurasia.registry.events.domain.EventSession;

/** A session of the agenda, with times in the event's zone. */
@Schema(name = "Session")
public record SessionView(
    UUID id,
    UUID eventId,
    Map<String, String> title,
    ScheduleView schedule,
    @Schema(nullable = true) String room,
    List<SpeakerView> speakers,
    List<String> topics) {

  static SessionView of(EventSession s, Event event) {
    return new SessionView(
        s.id(),
        s.eventId(),
        s.title(),
        ScheduleView.of(event.timeZone(), s.startsAt(), s.endsAt()),
        s.room(),
        SpeakerView.of(s.speakers()),
        s.topics());
  }
}
