package org.eurasia.registry.exchange.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.eurasia.registry.agreements.client.AgreementProjectionBase;

/**
 * What exchange-service knows about an agreement: enough to decide whether a programme may run
 * under it (its status and its consenting parties) and who may read it. Columns, parties and
 * consent are agreements-service's shared projection ({@link AgreementProjectionBase}); the
 * agreement itself belongs to agreements-service.
 */
@Entity
@Table(name = "agreement_projection")
public class AgreementProjection extends AgreementProjectionBase {

  protected AgreementProjection() {}

  public AgreementProjection(UUID agreementId) {
    super(agreementId);
  }

  public boolean isInForce() {
    return "IN_FORCE".equals(status());
  }

  /**
   * Whether an organization may read this agreement (and so name it, and learn its code and
   * status): anyone when it is public; when confidential, only its named parties. Registrars read
   * everything; the caller checks that.
   *
   * @param organization the organization a partner acts for, or null for a caller acting for none
   */
  public boolean isReadableBy(String organization) {
    return !isConfidential() || (organization != null && partyCodes().contains(organization));
  }

  /**
   * How a text that an institution of one of its programmes may read names this agreement: by code
   * when public; a confidential agreement's code and status are only for its parties, and those
   * institutions need not be parties.
   */
  public String label() {
    return isConfidential() ? "the agreement" : "agreement " + code();
  }
}
