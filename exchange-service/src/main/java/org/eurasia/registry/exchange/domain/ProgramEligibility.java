package org.eurasia.registry.exchange.domain;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eurasia.registry.exchange.domain.Program.Institution;
import org.eurasia.registry.platform.problem.ProblemException;

/**
 * Whether a programme may be created or opened under an agreement, decided only from what this service has heard in
 * agreement and organization events. The conditions, each failing with its own {@code condition} slug:
 *
 * <ol>
 *   <li>the agreement is known here (otherwise an unknown-reference problem: its events may not have arrived yet);
 *   <li>the agreement is in force ({@code agreement-not-in-force});
 *   <li>each institution is known here ({@code institution-unknown});
 *   <li>each institution is a party to the agreement, or belongs to the country of a party that is a state body — a
 *       ministry's memorandum covers its country's universities ({@code institution-not-covered}).
 * </ol>
 */
public final class ProgramEligibility {

  private ProgramEligibility() {}

  /**
   * Resolves the two institutions and checks every condition.
   *
   * @param agreement the projection of the agreement, if this service knows it
   * @param organizations the known organizations among the institutions and the agreement's parties, by code
   * @return the sending and receiving institutions with their countries
   */
  public static Covered check(
      UUID agreementId,
      Optional<AgreementProjection> agreement,
      String sendingCode,
      String receivingCode,
      Map<String, OrganizationProjection> organizations) {
    AgreementProjection known =
        agreement.orElseThrow(() -> ProblemException.unknownReference(
            "agreementId", "Agreement " + agreementId + " is not known to exchange-service: no event about it has arrived"));
    requireInForce(known);
    return new Covered(
        covered(known, "sendingInstitution", sendingCode, organizations),
        covered(known, "receivingInstitution", receivingCode, organizations));
  }

  /** Opening or resuming into OPEN needs the agreement in force, as creation does. */
  public static void requireInForce(AgreementProjection agreement) {
    if (!agreement.isInForce()) {
      throw ProblemException.ruleViolated(
          "agreement-not-in-force", "Agreement " + agreement.code() + " is " + agreement.status() + ", not IN_FORCE");
    }
  }

  /** The two institutions the agreement covers, with their countries. */
  public record Covered(Institution sending, Institution receiving) {}

  private static Institution covered(
      AgreementProjection agreement, String field, String code, Map<String, OrganizationProjection> organizations) {
    OrganizationProjection institution = organizations.get(code);
    if (institution == null) {
      throw ProblemException.ruleViolated(
          "institution-unknown", field + ": organization '" + code + "' is not known to exchange-service");
    }
    if (agreement.partyCodes().contains(code)) {
      return new Institution(code, institution.country());
    }
    boolean ofAPartyState =
        agreement.parties().stream()
            .map(p -> organizations.get(p.organizationCode()))
            .anyMatch(p -> p != null && p.isStateBody() && p.country().equals(institution.country()));
    if (!ofAPartyState) {
      throw ProblemException.ruleViolated(
          "institution-not-covered",
          field + ": '" + code + "' is neither a party to agreement " + agreement.code()
              + " nor an institution of a party state");
    }
    return new Institution(code, institution.country());
  }
}
