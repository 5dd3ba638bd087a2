package org.eurasia.registry.exchange.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eurasia.registry.exchange.application.MobilityService;
import org.eurasia.registry.exchange.application.ProgramService;
import org.eurasia.registry.exchange.domain.AgreementProjection;
import org.eurasia.registry.exchange.domain.AgreementProjection.PartyFact;
import org.eurasia.registry.exchange.domain.AgreementProjectionRepository;
import org.eurasia.registry.platform.events.ProjectingHandler;

/**
 * Keeps the agreement projection from agreements-service's events: newest version wins, stale ones
 * are skipped, each event is applied once (the platform consumer records its id in the same
 * transaction). When the agreement leaves or returns to force, its programmes and their running
 * mobilities follow in the same transaction ({@link ProgramService#followAgreement}, {@link
 * MobilityService#followAgreement}). Each party's consent is kept as the event states it, or as the
 * producer's contract derives it for events written before it was published ({@link
 * PartyFact#announced}).
 */
@ApplicationScoped
public class AgreementEventsHandler
    extends ProjectingHandler<AgreementEventsHandler.AgreementFacts> {

  /**
   * Every agreement change: each carries the agreement's whole relevant state, so a type the
   * producer adds (withdrawn, party-accepted did) is projected without an edit here.
   */
  static final Set<String> TYPES = Set.of("registry.agreement.*.v1");

  @Inject AgreementProjectionRepository projections;

  @Inject Clock clock;

  @Inject ProgramService programs;

  @Inject MobilityService mobilities;

  public AgreementEventsHandler() {
    super(AgreementFacts.class, TYPES);
  }

  @Override
  protected void project(AgreementFacts facts) {
    AgreementProjection projection = projections.findByIdOptional(facts.agreementId()).orElse(null);
    boolean isNew = projection == null;
    String previousStatus = isNew ? null : projection.status();
    if (isNew) {
      projection = new AgreementProjection(facts.agreementId());
    }
    List<PartyFact> parties =
        facts.parties().stream()
            .map(
                p ->
                    PartyFact.announced(
                        p.organizationCode(), p.country(), p.role(), p.signed(), p.consented()))
            .toList();
    projection.reflect(
        facts.code(),
        facts.status(),
        facts.visibility(),
        parties,
        facts.version(),
        clock.instant());
    if (isNew) {
      projections.persist(projection);
    }
    // The new status is written before the programmes and mobilities under it are read: a command
    // holding the row (findForCommand) has committed by then, so what it did is seen and followed,
    // and a later one reads the new status.
    projections.flush();
    programs.followAgreement(projection, previousStatus);
    mobilities.followAgreement(projection, previousStatus, facts.endedOn());
  }

  /** The part of the agreement event payload this service reads; other fields are ignored. */
  record AgreementFacts(
      UUID agreementId,
      String code,
      String status,
      String visibility,
      List<AnnouncedParty> parties,
      LocalDate endedOn,
      long version) {}

  /**
   * A party as the event states it; {@code consented} is absent (null) in events written before it
   * existed.
   */
  record AnnouncedParty(
      String organizationCode, String country, String role, boolean signed, Boolean consented) {}
}
