package org.eurasia.registry.events.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eurasia.registry.events.domain.Speaker;

/** A speaker of a session, as answered: the affiliation is optional. */
@Schema(name = "Speaker")
public record SpeakerView(String name, @Schema(nullable = true) String affiliation) {

  static List<SpeakerView> of(List<Speaker> speakers) {
    return speakers == null
        ? List.of()
        : speakers.stream().map(s -> new SpeakerView(s.name(), s.affiliation())).toList();
  }
}
