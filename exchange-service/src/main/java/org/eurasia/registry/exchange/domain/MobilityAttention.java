package org.eurasia.registry.exchange.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Why a running mobility needs its institutions' attention: the agreement its programme runs under
 * left force while the mobility was accepted or under way, and since when. Raised and cleared only
 * by the agreement's events ({@link Mobility#flag}, {@link Mobility#clearAttention}); the
 * institutions decide what to do (continue, cancel, bring the participant home).
 *
 * @param since the day the agreement ended as it states it (termination or expiry), otherwise the
 *     day this service learnt it left force
 */
public record MobilityAttention(AttentionReason reason, LocalDate since) {

  public MobilityAttention {
    Objects.requireNonNull(reason);
    Objects.requireNonNull(since);
  }

  /**
   * The attention an agreement not in force calls for. A confidential agreement's status and dates
   * stay with its parties: its mobilities are told only that it is no longer in force, since the
   * day this service learnt it.
   *
   * @param endedOn the end date the agreement's event states (termination, expiry), if any
   * @param today the day this service applies the event
   */
  public static MobilityAttention agreementNotInForce(
      AgreementProjection agreement, LocalDate endedOn, LocalDate today) {
    if (agreement.isInForce()) {
      throw new IllegalArgumentException(
          "Agreement " + agreement.agreementId() + " is in force: nothing to flag");
    }
    if (agreement.isConfidential()) {
      return new MobilityAttention(AttentionReason.AGREEMENT_NOT_IN_FORCE, today);
    }
    return switch (agreement.status()) {
      case "SUSPENDED" -> new MobilityAttention(AttentionReason.AGREEMENT_SUSPENDED, today);
      case "TERMINATED" ->
          new MobilityAttention(
              AttentionReason.AGREEMENT_TERMINATED, endedOn == null ? today : endedOn);
      case "EXPIRED" ->
          new MobilityAttention(
              AttentionReason.AGREEMENT_EXPIRED, endedOn == null ? today : endedOn);
      default -> new MobilityAttention(AttentionReason.AGREEMENT_NOT_IN_FORCE, today);
    };
  }
}
