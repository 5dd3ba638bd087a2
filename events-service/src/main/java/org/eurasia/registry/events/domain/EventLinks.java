package org.eurasia.registry.events.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.eurasia.registry.platform.domain.NotPermitted;
import org.eurasia.registry.platform.domain.RuleViolation;
import org.eurasia.registry.platform.domain.UnknownReference;

/**
 * Which agreements and programmes a requester may see and link, decided from the projections.
 *
 * <p>Reading: a public agreement is open to everyone, a confidential one to the organizations it
 * names and registrars. A programme is readable by its two institutions and by whoever may read its
 * agreement (an agreement not heard of counts as confidential: nothing unknown is shown).
 *
 * <p>Linking is acting on the record, so it needs more than reading: an agreement is linked by a
 * party that consented to it (its signature, or its acceptance for non-signing roles); a programme
 * by an institution that accepted it or a consenting party of its agreement; a registrar links
 * anything. One exception keeps signing ceremonies possible: a ceremony may link an agreement not
 * yet in force on behalf of one of its signatories, who consents by signing there.
 *
 * <p>The checks run in the order that reveals nothing: a record the requester may not read gets
 * exactly the answer an unknown id gets (the same {@link UnknownReference} and text, naming the
 * array element), then the right to link ({@link NotPermitted}), and only then rules about the
 * record's state (a signing ceremony links only agreements not yet in force).
 */
public final class EventLinks {

  private final Function<UUID, Optional<AgreementProjection>> agreements;
  private final Function<UUID, Optional<ProgramProjection>> programs;
  private final Requester requester;

  public EventLinks(
      Function<UUID, Optional<AgreementProjection>> agreements,
      Function<UUID, Optional<ProgramProjection>> programs,
      Requester requester) {
    this.agreements = agreements;
    this.programs = programs;
    this.requester = requester;
  }

  public boolean mayRead(AgreementProjection agreement) {
    return !agreement.isConfidential() || requester.actsForAny(agreement.partyCodes());
  }

  public boolean mayRead(ProgramProjection program) {
    return requester.actsForAny(program.institutions())
        || agreements.apply(program.agreementId()).map(this::mayRead).orElse(false);
  }

  /** The agreement, when it is known and the requester may read it. */
  public Optional<AgreementProjection> readableAgreement(UUID id) {
    return agreements.apply(id).filter(this::mayRead);
  }

  /** The programme, when it is known and the requester may read it. */
  public Optional<ProgramProjection> readableProgram(UUID id) {
    return programs.apply(id).filter(this::mayRead);
  }

  /**
   * Checks the links an event of this kind is given. Links in {@code kept} were checked when they
   * were made and are left alone (a co-organizer revising the event keeps a link it may not read
   * itself).
   */
  public void check(
      EventKind kind,
      List<UUID> agreementIds,
      Set<UUID> keptAgreements,
      List<UUID> programIds,
      Set<UUID> keptPrograms) {
    for (int i = 0; i < agreementIds.size(); i++) {
      UUID id = agreementIds.get(i);
      if (keptAgreements.contains(id)) {
        continue;
      }
      String field = "linkedAgreements[" + i + "]";
      AgreementProjection agreement =
          readableAgreement(id)
              .orElseThrow(() -> new UnknownReference(field, "Agreement " + id + " is not known"));
      if (!mayLink(kind, agreement)) {
        throw new NotPermitted(
            field
                + ": agreement "
                + id
                + " may be linked only by a party that consented to it (by signing or accepting it) or by a registrar");
      }
      if (kind == EventKind.SIGNING_CEREMONY && !agreement.isNotYetInForce()) {
        throw new RuleViolation(
            "agreement-already-in-force",
            "A signing ceremony links agreements not yet in force; "
                + agreement.code()
                + " is "
                + agreement.status());
      }
    }
    for (int i = 0; i < programIds.size(); i++) {
      UUID id = programIds.get(i);
      if (keptPrograms.contains(id)) {
        continue;
      }
      String field = "linkedPrograms[" + i + "]";
      ProgramProjection program =
          readableProgram(id)
              .orElseThrow(() -> new UnknownReference(field, "Programme " + id + " is not known"));
      if (!mayLink(program)) {
        throw new NotPermitted(
            field
                + ": programme "
                + id
                + " may be linked only by an institution that accepted it, a consenting party of its agreement or a registrar");
      }
    }
  }

  private boolean mayLink(EventKind kind, AgreementProjection agreement) {
    return requester.actsForAny(agreement.consentingPartyCodes())
        || (kind == EventKind.SIGNING_CEREMONY
            && agreement.isNotYetInForce()
            && requester.actsForAny(agreement.signatoryCodes()));
  }

  private boolean mayLink(ProgramProjection program) {
    return requester.actsForAny(program.acceptedInstitutions())
        || agreements
            .apply(program.agreementId())
            .map(a -> requester.actsForAny(a.consentingPartyCodes()))
            .orElse(false);
  }
}
