package org.eurasia.registry.agreements.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.agreements.domain.Organization;
import org.eurasia.registry.agreements.domain.OrganizationRepository;
import org.eurasia.registry.agreements.domain.Venture;
import org.eurasia.registry.agreements.domain.VentureDimension;
import org.eurasia.registry.agreements.domain.VentureFilter;
import org.eurasia.registry.agreements.domain.VentureNotice;
import org.eurasia.registry.agreements.domain.VentureRepository;
import org.eurasia.registry.agreements.domain.VentureStatus;
import org.eurasia.registry.agreements.domain.VentureTerms;
import org.eurasia.registry.platform.changes.ChangeEntry;
import org.eurasia.registry.platform.changes.ChangeLog;
import org.eurasia.registry.platform.concurrency.ExpectedVersion;
import org.eurasia.registry.platform.events.Outbox;
import org.eurasia.registry.platform.pagination.Cursor;
import org.eurasia.registry.platform.pagination.Slice;
import org.eurasia.registry.platform.problem.ProblemException;
import org.eurasia.registry.platform.reads.ExpensiveRead;
import org.eurasia.registry.platform.security.Caller;

/**
 * The use cases of joint ventures, and who may do what. Ventures are public: anyone reads them. A
 * partner proposes only ventures its own organization is named in (proposing is its consent);
 * naming another organization binds it to nothing until that organization's partner accepts. Only a
 * partner of an organization that accepted (or a registrar) revises a venture or moves it through
 * its lifecycle. A venture is founded only under agreements the caller may read.
 */
@ApplicationScoped
@Transactional
public class VentureService {

  @Inject VentureRepository ventures;

  @Inject OrganizationRepository organizations;

  @Inject AgreementService agreements;

  @Inject Outbox outbox;

  @Inject ChangeLog changeLog;

  @Inject Caller caller;

  @Inject Clock clock;

  @ExpensiveRead
  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<Venture> list(VentureFilter filter, int limit, Cursor after) {
    String afterCode = after == null ? null : after.code(0);
    return Slice.fromOverfetch(
        ventures.search(filter, afterCode, limit + 1), limit, v -> Cursor.of(v.code()));
  }

  /** Counts of the ventures matching the filter by one dimension, largest first. */
  @ExpensiveRead(cacheable = true)
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, Long> statistics(VentureFilter filter, VentureDimension dimension) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(ventures.count(filter, dimension)));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Venture get(UUID id) {
    return ventures
        .findByIdOptional(id)
        .orElseThrow(() -> ProblemException.notFound("Venture", id));
  }

  /** Who changed the venture, and how, oldest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Slice<ChangeEntry> changes(UUID id, int limit, Cursor after) {
    get(id);
    return changeLog.history(VentureNotice.AGGREGATE_TYPE, id.toString(), after, limit);
  }

  public Venture propose(String code, VentureTerms terms) {
    Map<String, String> countries = resolve(terms);
    caller.requireMayActForAny(terms.partnerCodes());
    requireReadable(terms.agreementIds());
    if (ventures.findByCode(code).isPresent()) {
      throw ProblemException.conflict("A venture with code '" + code + "' already exists");
    }
    Venture venture =
        new Venture(
            UUID.randomUUID(), code, terms, countries, actingFor(), today(), clock.instant());
    ventures.persist(venture);
    outbox.announce(() -> VentureNotice.of(VentureNotice.PROPOSED, venture));
    return venture;
  }

  public Venture revise(UUID id, ExpectedVersion expected, VentureTerms terms) {
    Venture venture = get(id);
    requirePartner(venture);
    expected.check(venture.version());
    Map<String, String> countries = resolve(terms);
    requireReadable(terms.agreementIds());
    venture.revise(terms, countries, actingFor(), today(), clock.instant());
    outbox.announce(() -> VentureNotice.of(VentureNotice.UPDATED, venture));
    return venture;
  }

  /** A named partner accepts, for its own organization only; If-Match names what it accepts. */
  public Venture accept(UUID id, ExpectedVersion expected, String organizationCode) {
    Venture venture = get(id);
    caller.requireMayActFor(organizationCode);
    // Like an agreement's acceptance: a partner of an organization the venture does not name is
    // refused before anything else; a registrar naming one gets the domain's not-named rule.
    if (!caller.isRegistrar() && !venture.partnerCodes().contains(organizationCode)) {
      throw ProblemException.forbidden(
          "'" + organizationCode + "' is not named as a partner of venture " + venture.code());
    }
    expected.check(venture.version());
    venture.accept(organizationCode, today(), clock.instant());
    outbox.announce(() -> VentureNotice.of(VentureNotice.PARTNER_ACCEPTED, venture));
    return venture;
  }

  public Venture establish(UUID id, ExpectedVersion expected, LocalDate on) {
    return move(id, expected, v -> v.establish(on == null ? today() : on, clock.instant()));
  }

  public Venture operate(UUID id, ExpectedVersion expected) {
    return move(id, expected, v -> v.operate(clock.instant()));
  }

  public Venture suspend(UUID id, ExpectedVersion expected) {
    return move(id, expected, v -> v.suspend(clock.instant()));
  }

  public Venture resume(UUID id, ExpectedVersion expected) {
    return move(id, expected, v -> v.resume(clock.instant()));
  }

  public Venture dissolve(UUID id, ExpectedVersion expected) {
    return move(id, expected, v -> v.dissolve(clock.instant()));
  }

  private Venture move(
      UUID id, ExpectedVersion expected, java.util.function.Consumer<Venture> change) {
    Venture venture = get(id);
    requirePartner(venture);
    expected.check(venture.version());
    change.accept(venture);
    VentureStatus status = venture.status();
    outbox.announce(() -> VentureNotice.of(VentureNotice.typeOf(status), venture));
    return venture;
  }

  private void requirePartner(Venture venture) {
    if (!caller.mayActForAny(venture.consentedPartnerCodes())) {
      throw ProblemException.forbidden(
          "Only a partner of an organization that accepted the venture (or a registrar) may change it");
    }
  }

  /**
   * The partners' countries by organization code, from the directory; an unknown or retired
   * organization is refused on its field.
   */
  private Map<String, String> resolve(VentureTerms terms) {
    Map<String, String> countries = new HashMap<>();
    List<VentureTerms.NamedPartner> partners = terms.partners();
    for (int i = 0; i < partners.size(); i++) {
      String code = partners.get(i).organizationCode();
      String field = "partners[" + i + "].organizationCode";
      Organization organization =
          organizations
              .findByCode(code)
              .orElseThrow(
                  () ->
                      ProblemException.unknownReference(
                          field, "No organization '" + code + "' in the directory"));
      if (organization.isRetired()) {
        throw OrganizationService.retired(field, code);
      }
      countries.put(code, organization.country());
    }
    return countries;
  }

  /**
   * Founding agreements must be ones the caller may read: an agreement it may not read is answered
   * like an unknown one, on the field.
   */
  private void requireReadable(List<UUID> agreementIds) {
    for (int i = 0; i < agreementIds.size(); i++) {
      UUID agreementId = agreementIds.get(i);
      try {
        agreements.get(agreementId);
      } catch (ProblemException e) {
        throw ProblemException.unknownReference(
            "agreementIds[" + i + "]", "No agreement '" + agreementId + "'");
      }
    }
  }

  private String actingFor() {
    return caller.organization().orElse(null);
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
