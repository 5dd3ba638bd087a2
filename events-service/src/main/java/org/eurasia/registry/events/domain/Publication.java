package org.eurasia.registry.events.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.eurasia.registry.platform.domain.InvalidValue;
import org.eurasia.registry.platform.persistence.JsonColumnCopy;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;

/**
 * A piece of the literature the cooperation produces ("relevant literature" of the background
 * article): a policy paper, proceedings of an event, a report, an article, a commentary on an
 * agreement or a book, with its authors, publishing organization, year, languages, DOI or URL, a
 * multilingual abstract and links to the events, agreements and joint ventures it is about.
 * Publications are public records: there is no draft. Which links a caller may make is the
 * service's to check against the projections.
 */
@Entity
@Table(name = "publication")
public class Publication {

  /** The earliest year a publication may carry. */
  public static final int FIRST_YEAR = 1900;

  @Id private UUID id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private PublicationKind kind;

  @Column(nullable = false)
  private String title;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(name = "abstract", nullable = false)
  private Map<String, String> summary;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private List<Author> authors;

  @Column(nullable = false)
  private String publisher;

  @Column(name = "published_year", nullable = false)
  private int year;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(nullable = false)
  private List<String> languages;

  private String doi;

  private String url;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(name = "linked_events", nullable = false)
  private List<UUID> linkedEvents;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(name = "linked_agreements", nullable = false)
  private List<UUID> linkedAgreements;

  @JdbcTypeCode(SqlTypes.JSON)
  @Mutability(JsonColumnCopy.class)
  @Column(name = "linked_ventures", nullable = false)
  private List<UUID> linkedVentures;

  @Version private long version;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Publication() {}

  /** A publication as recorded; {@code thisYear} bounds its year (nothing is published ahead). */
  public static Publication record(UUID id, PublicationTerms terms, int thisYear, Instant now) {
    Publication p = new Publication();
    p.id = Objects.requireNonNull(id);
    p.createdAt = now;
    p.apply(terms, thisYear, now);
    return p;
  }

  public PublicationChange revise(PublicationTerms terms, int thisYear, Instant now) {
    apply(terms, thisYear, now);
    return PublicationChange.UPDATED;
  }

  public PublicationTerms terms() {
    return new PublicationTerms(
        kind,
        title,
        Map.copyOf(summary),
        List.copyOf(authors),
        publisher,
        year,
        List.copyOf(languages),
        doi,
        url,
        List.copyOf(linkedEvents),
        List.copyOf(linkedAgreements),
        List.copyOf(linkedVentures));
  }

  private void apply(PublicationTerms t, int thisYear, Instant now) {
    if (t.doi() == null && t.url() == null) {
      throw new InvalidValue("doi", "a publication needs a DOI or a URL");
    }
    if (t.year() < FIRST_YEAR || t.year() > thisYear) {
      throw new InvalidValue("year", "must lie between " + FIRST_YEAR + " and " + thisYear);
    }
    if (t.authors().isEmpty()) {
      throw new InvalidValue("authors", "a publication names at least one author");
    }
    kind = t.kind();
    title = t.title();
    summary = new LinkedHashMap<>(t.summary());
    authors = List.copyOf(t.authors());
    publisher = t.publisher();
    year = t.year();
    languages = List.copyOf(t.languages());
    doi = t.doi();
    url = t.url();
    linkedEvents = List.copyOf(t.linkedEvents());
    linkedAgreements = List.copyOf(t.linkedAgreements());
    linkedVentures = List.copyOf(t.linkedVentures());
    updatedAt = now;
  }

  public UUID id() {
    return id;
  }

  public String publisher() {
    return publisher;
  }

  public long version() {
    return version;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
