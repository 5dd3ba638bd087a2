package org.eurasia.registry.events.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What describes a publication: one record, taken by {@link Publication#record} and {@link
 * Publication#revise}, given back by {@link Publication#terms()}.
 *
 * @param publisher the organization code of the publishing organization
 * @param languages ISO 639-1 codes of the languages it is written in
 * @param doi the DOI without resolver ({@code 10.xxxx/...}); a DOI or a URL, or both
 */
public record PublicationTerms(
    PublicationKind kind,
    String title,
    Map<String, String> summary,
    List<Author> authors,
    String publisher,
    int year,
    List<String> languages,
    String doi,
    String url,
    List<UUID> linkedEvents,
    List<UUID> linkedAgreements,
    List<UUID> linkedVentures) {}
