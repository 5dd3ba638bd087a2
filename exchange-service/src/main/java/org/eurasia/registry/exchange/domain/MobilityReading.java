package org.eurasia.registry.exchange.domain;

import java.util.Optional;

/** A mobility as one read of it shows it: with its participant's personal data, unless erased. */
public record MobilityReading(Mobility mobility, Optional<Participant> participant) {}
