package org.eurasia.registry.events.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eurasia.registry.events.domain.Venue;

/** Where an in-person or hybrid event meets, as answered: the venue's name is optional. */
@Schema(name = "Venue")
public record VenueView(@Schema(nullable = true) String name, String city, String country) {

  static VenueView of(Venue venue) {
    return venue == null ? null : new VenueView(venue.name(), venue.city(), venue.country());
  }
}
