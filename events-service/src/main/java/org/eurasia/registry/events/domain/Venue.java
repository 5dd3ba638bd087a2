package org.eurasia.registry.events.domain;

/** Where an in-person or hybrid event meets. */
public record Venue(String name, String city, String country) {}
