package org.eurasia.registry.events.domain;

/**
 * An author as the publication names them: the public byline of a published work, not personal data
 * the registry holds about a participant (no contact, no account, nothing beyond what the work
 * itself prints).
 *
 * @param affiliation the organization code of the author's affiliation, when it is in the directory
 */
public record Author(String name, String affiliation) {}
