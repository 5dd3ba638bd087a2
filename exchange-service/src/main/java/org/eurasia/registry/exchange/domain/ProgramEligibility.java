package org.eurasia.registry.exchange.domain;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eurasia.registry.exchange.domain.OrganizationProjection.Role;
import org.eurasia.registry.exchange.domain.Program.Institution;
import org.eurasia.registry.platform.domain.RuleViolation;
import org.eurasia.registry.platform.domain.UnknownReference;

/**
 * Whether a programme may be created or opened under an agreement, decided only from what this
 * service has heard in agreement and organization events. The conditions, each refused as its own
 * rule:
 *
 * <ol>
 *   <li>the agreement is known here (otherwise an unknown reference: its events may not have
 *       arrived yet);
 *   <li>the agreement is in force ({@code agreement-not-in-force});
 *   <li>each institution is in the directory ({@code institution-unknown}) and, for a new
 *       programme, not retired ({@code institution-retired}): a programme that named an
 *       organization before it was retired keeps it, may still open, and is managed as before;
 *   <li>each institution is covered by the agreement ({@code institution-not-covered}): it is a
 *       consenting party, or belongs to the country of a consenting party that is a state body — a
 *       ministry's memorandum covers its country's universities. A party that was only named (an
 *       observer that never accepted, say) covers nobody.
 * </ol>
 *
 * <p>Texts name the agreement by {@link AgreementProjection#label()}: an institution of a programme
 * under a confidential agreement reads these refusals without being a party to it.
 */
public final class ProgramEligibility {

  private ProgramEligibility() {}

  /**
   * Resolves the two institutions of a new programme and checks every condition: retired
   * institutions are refused.
   *
   * @param agreement the projection of the agreement, if this service knows it
   * @param organizations the known organizations among the institutions and the agreement's
   *     parties, by code
   * @return the sending and receiving institutions with their countries
   */
  public static Covered forNewProgramme(
      UUID agreementId,
      Optional<AgreementProjection> agreement,
      String sendingCode,
      String receivingCode,
      Map<String, OrganizationProjection> organizations) {
    return check(agreementId, agreement, sendingCode, receivingCode, organizations, true);
  }

  /**
   * Checks every condition again for a programme that exists (opening it): an institution retired
   * since it was named stays its institution.
   */
  public static Covered forExistingProgramme(
      UUID agreementId,
      Optional<AgreementProjection> agreement,
      String sendingCode,
      String receivingCode,
      Map<String, OrganizationProjection> organizations) {
    return check(agreementId, agreement, sendingCode, receivingCode, organizations, false);
  }

  private static Covered check(
      UUID agreementId,
      Optional<AgreementProjection> agreement,
      String sendingCode,
      String receivingCode,
      Map<String, OrganizationProjection> organizations,
      boolean naming) {
    AgreementProjection known = agreement.orElseThrow(() -> unknownAgreement(agreementId));
    requireInForce(known);
    return new Covered(
        covered(known, "sendingInstitution", sendingCode, organizations, naming),
        covered(known, "receivingInstitution", receivingCode, organizations, naming));
  }

  /**
   * The answer for an agreement id this service cannot use: one it has not heard of, and equally
   * one the caller may not read (the same words, so the answer tells nothing about which).
   */
  public static UnknownReference unknownAgreement(UUID agreementId) {
    return new UnknownReference("agreementId", "Agreement " + agreementId + " is not known");
  }

  /**
   * Opening (or reopening), resuming into OPEN, nominating and accepting a participant need the
   * agreement in force, as creation does: the rule {@code agreement-not-in-force}.
   */
  public static void requireInForce(AgreementProjection agreement) {
    if (!agreement.isInForce()) {
      String detail =
          agreement.isConfidential()
              ? "The agreement is not in force"
              : "Agreement " + agreement.code() + " is " + agreement.status() + ", not IN_FORCE";
      throw new RuleViolation("agreement-not-in-force", detail);
    }
  }

  /**
   * Whether the agreement covers an organization: it is a consenting party, or it belongs to the
   * country of a consenting party that is a state body. An organization this service does not know
   * is not covered.
   */
  public static boolean covers(
      AgreementProjection agreement,
      String code,
      Map<String, OrganizationProjection> organizations) {
    OrganizationProjection organization = organizations.get(code);
    if (organization == null) {
      return false;
    }
    return agreement.consentingParties().stream()
        .anyMatch(
            p ->
                p.organizationCode().equals(code)
                    || ofPartyState(organizations.get(p.organizationCode()), organization));
  }

  /** The two institutions the agreement covers, with their countries. */
  public record Covered(Institution sending, Institution receiving) {}

  private static boolean ofPartyState(
      OrganizationProjection party, OrganizationProjection institution) {
    return party != null && party.isStateBody() && party.country().equals(institution.country());
  }

  private static Institution covered(
      AgreementProjection agreement,
      String field,
      String code,
      Map<String, OrganizationProjection> organizations,
      boolean naming) {
    Optional<OrganizationProjection> found = Optional.ofNullable(organizations.get(code));
    OrganizationProjection institution =
        naming
            ? OrganizationProjection.requireNameable(Role.INSTITUTION, field, code, found)
            : found.orElseThrow(
                () -> OrganizationProjection.unknown(Role.INSTITUTION, field, code));
    if (!covers(agreement, code, organizations)) {
      throw new RuleViolation(
          "institution-not-covered",
          field
              + ": '"
              + code
              + "' is neither a consenting party to "
              + agreement.label()
              + " nor an institution of a consenting party state");
    }
    return new Institution(code, institution.country());
  }
}
