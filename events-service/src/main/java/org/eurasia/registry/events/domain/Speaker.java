package org.eurasia.registry.events.domain;

/** A speaker of a session: a name and an affiliation, as the programme prints them. */
public record Speaker(String name, String affiliation) {}
