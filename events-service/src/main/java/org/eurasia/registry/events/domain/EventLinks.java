package org.eurasia.registry.events.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.problem.ProblemException;

/**
 * Whether an event may link these agreements and programmes, decided from the projections: every id must be known
 * here (else an unknown-reference problem naming it), and a signing ceremony may only be about agreements not yet in
 * force (drafted or signed), since it is where they get signed.
 */
public final class EventLinks {

  private EventLinks() {}

  public static void check(
      EventKind kind,
      List<UUID> agreementIds,
      Map<UUID, AgreementProjection> agreements,
      List<UUID> programIds,
      Map<UUID, ProgramProjection> programs) {
    for (int i = 0; i < agreementIds.size(); i++) {
      UUID id = agreementIds.get(i);
      AgreementProjection agreement = agreements.get(id);
      if (agreement == null) {
        throw ProblemException.unknownReference(
            "linkedAgreements[" + i + "]", "Agreement " + id + " is not known to events-service: no event about it has arrived");
      }
      if (kind == EventKind.SIGNING_CEREMONY && !agreement.isNotYetInForce()) {
        throw ProblemException.ruleViolated(
            "agreement-already-in-force",
            "A signing ceremony links agreements not yet in force; " + agreement.code() + " is " + agreement.status());
      }
    }
    for (int i = 0; i < programIds.size(); i++) {
      UUID id = programIds.get(i);
      if (!programs.containsKey(id)) {
        throw ProblemException.unknownReference(
            "linkedPrograms[" + i + "]", "Programme " + id + " is not known to events-service: no event about it has arrived");
      }
    }
  }
}
