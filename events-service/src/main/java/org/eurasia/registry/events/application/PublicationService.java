package org.eurasia.registry.events.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eurasia.registry.events.domain.Author;
import org.eurasia.registry.events.domain.Event;
import org.eurasia.registry.events.domain.EventRepository;
import org.eurasia.registry.events.domain.OrganizationDirectory;
import org.eurasia.registry.events.domain.OrganizationProjectionRepository;
import org.eurasia.registry.events.domain.Publication;
import org.eurasia.registry.events.domain.PublicationChange;
import org.eurasia.registry.events.domain.PublicationFilter;
import org.eurasia.registry.events.domain.PublicationNotice;
import org.eurasia.registry.events.domain.PublicationRepository;
import org.eurasia.registry.events.domain.PublicationTerms;
import org.eurasia.registry.events.domain.VentureProjection;
import org.eurasia.registry.events.domain.VentureProjectionRepository;
import org.eurasia.registry.platform.changes.ChangeEntry;
import org.eurasia.registry.platform.changes.ChangeLog;
import org.eurasia.registry.platform.concurrency.ExpectedVersion;
import org.eurasia.registry.platform.domain.RuleViolation;
import org.eurasia.registry.platform.domain.UnknownReference;
import org.eurasia.registry.platform.events.Outbox;
import org.eurasia.registry.platform.pagination.Cursor;
import org.eurasia.registry.platform.pagination.Slice;
import org.eurasia.registry.platform.problem.ProblemException;
import org.eurasia.registry.platform.reads.ExpensiveRead;
import org.eurasia.registry.platform.security.Caller;

/**
 * Publication use cases. Publications are public; the publishing organization's partners (and
 * registrars) record and revise them. Every organization a publication names anew (its publisher,
 * an author's affiliation) must be active in the directory. Links added are checked for this
 * caller: an event must be one it may see (else {@code unknown-reference}, as for an unknown id)
 * and published; an agreement one it may read (a confidential one it is not party to is unknown); a
 * venture one this service has heard of. Links already on the publication stay as they are.
 */
@ApplicationScoped
@Transactional
public class PublicationService {

  @Inject PublicationRepository publications;

  @Inject EventRepository events;

  @Inject EventService eventService;

  @Inject VentureProjectionRepository ventures;

  @Inject OrganizationProjectionRepository organizations;

  @Inject Outbox outbox;

  @Inject ChangeLog changeLog;

  @Inject Caller caller;

  @Inject Clock clock;

  /** The search: full text in every script, so anonymous calls are bounded. */
  @ExpensiveRead
  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<Publication> list(PublicationFilter filter, int limit, Cursor after) {
    List<Publication> rows =
        publications.search(
            filter,
            after == null ? null : (int) after.number(0),
            after == null ? null : after.uuid(1),
            limit + 1);
    return Slice.fromOverfetch(
        rows, limit, p -> Cursor.of(String.valueOf(p.terms().year()), p.id().toString()));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Publication get(UUID id) {
    return publications
        .findByIdOptional(id)
        .orElseThrow(() -> ProblemException.notFound("Publication", id));
  }

  /** One page of a publication's history, oldest first: public, as the publication is. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<ChangeEntry> history(UUID id, Cursor after, int limit) {
    get(id);
    return changeLog.history(PublicationNotice.AGGREGATE_TYPE, id.toString(), after, limit);
  }

  public Publication create(PublicationTerms terms) {
    caller.requireMayActFor(terms.publisher());
    requireNamed(terms, null);
    requireLinks(terms, null);
    Publication publication =
        Publication.record(UUID.randomUUID(), terms, thisYear(), clock.instant());
    publications.persist(publication);
    return announce(PublicationChange.RECORDED, publication);
  }

  /**
   * Replaces what describes a publication: its current publisher's partner (or a registrar), who
   * must also act for a new publisher.
   */
  public Publication revise(UUID id, ExpectedVersion expected, PublicationTerms terms) {
    Publication publication = get(id);
    if (!caller.mayActFor(publication.publisher())) {
      throw ProblemException.forbidden(
          "Only the partners of " + publication.publisher() + " or a registrar may change it");
    }
    caller.requireMayActFor(terms.publisher());
    expected.check(publication.version());
    PublicationTerms current = publication.terms();
    requireNamed(terms, current);
    requireLinks(terms, current);
    PublicationChange change = publication.revise(terms, thisYear(), clock.instant());
    return announce(change, publication);
  }

  /** The linked events with their live status, in link order; none is hidden (all published). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Event> linkedEvents(Publication publication) {
    return publication.terms().linkedEvents().stream()
        .map(id -> events.findByIdOptional(id).filter(eventService::isVisible).orElse(null))
        .filter(e -> e != null)
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<VentureProjection> venture(UUID id) {
    return ventures.findByIdOptional(id);
  }

  /** Publisher and affiliations named anew must be active in the directory. */
  private void requireNamed(PublicationTerms terms, PublicationTerms current) {
    OrganizationDirectory directory = new OrganizationDirectory(organizations::byCodes);
    if (current == null || !current.publisher().equals(terms.publisher())) {
      directory.requireNameable("publisher", terms.publisher());
    }
    Set<String> kept = new HashSet<>();
    if (current != null) {
      current.authors().stream().map(Author::affiliation).filter(a -> a != null).forEach(kept::add);
    }
    List<Author> authors = terms.authors();
    for (int i = 0; i < authors.size(); i++) {
      String affiliation = authors.get(i).affiliation();
      if (affiliation != null && !kept.contains(affiliation)) {
        directory.requireNameable("authors[" + i + "].affiliation", affiliation);
      }
    }
  }

  private void requireLinks(PublicationTerms terms, PublicationTerms current) {
    Set<UUID> keptEvents = current == null ? Set.of() : Set.copyOf(current.linkedEvents());
    Set<UUID> keptAgreements = current == null ? Set.of() : Set.copyOf(current.linkedAgreements());
    Set<UUID> keptVentures = current == null ? Set.of() : Set.copyOf(current.linkedVentures());
    List<UUID> linkedEvents = terms.linkedEvents();
    for (int i = 0; i < linkedEvents.size(); i++) {
      UUID id = linkedEvents.get(i);
      if (keptEvents.contains(id)) {
        continue;
      }
      String field = "linkedEvents[" + i + "]";
      Event event =
          events
              .findByIdOptional(id)
              .filter(eventService::isVisible)
              .orElseThrow(() -> new UnknownReference(field, "Event " + id + " is not known"));
      if (!event.wasPublished()) {
        throw new RuleViolation(
            "event-not-published", field + ": only a published event has publications");
      }
    }
    List<UUID> linkedAgreements = terms.linkedAgreements();
    for (int i = 0; i < linkedAgreements.size(); i++) {
      UUID id = linkedAgreements.get(i);
      if (!keptAgreements.contains(id) && eventService.readableAgreement(id).isEmpty()) {
        throw new UnknownReference(
            "linkedAgreements[" + i + "]", "Agreement " + id + " is not known");
      }
    }
    List<UUID> linkedVentures = terms.linkedVentures();
    for (int i = 0; i < linkedVentures.size(); i++) {
      UUID id = linkedVentures.get(i);
      if (!keptVentures.contains(id) && ventures.findByIdOptional(id).isEmpty()) {
        throw new UnknownReference(
            "linkedVentures[" + i + "]", "Joint venture " + id + " is not known");
      }
    }
  }

  private int thisYear() {
    return clock.instant().atZone(ZoneOffset.UTC).getYear();
  }

  private Publication announce(PublicationChange change, Publication publication) {
    outbox.announce(() -> PublicationNotice.of(change, publication));
    return publication;
  }
}
