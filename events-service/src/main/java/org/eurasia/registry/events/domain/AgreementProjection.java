package org.eurasia.registry.events.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eurasia.registry.agreements.client.AgreementProjectionBase;
import org.eurasia.registry.agreements.client.PartyFact;

/**
 * What events-service knows about an agreement, from agreement events: enough to validate a link,
 * to show the agreement's current status next to an event, and to keep confidential agreements to
 * their parties. Columns, parties and consent are agreements-service's shared projection ({@link
 * AgreementProjectionBase}).
 */
@Entity
@Table(name = "agreement_projection")
public class AgreementProjection extends AgreementProjectionBase {

  /** Statuses of an agreement not yet in force: the only ones a signing ceremony may be about. */
  static final Set<String> NOT_YET_IN_FORCE = Set.of("DRAFT", "SIGNED");

  protected AgreementProjection() {}

  public AgreementProjection(UUID agreementId) {
    super(agreementId);
  }

  public boolean isNotYetInForce() {
    return NOT_YET_IN_FORCE.contains(status());
  }

  /** The parties named to sign, whether or not they have signed yet. */
  public Set<String> signatoryCodes() {
    return parties().stream()
        .filter(PartyFact::signatory)
        .map(PartyFact::organizationCode)
        .collect(Collectors.toUnmodifiableSet());
  }
}
