package org.eurasia.registry.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.eurasia.registry.platform.domain.InvalidTransition;
import org.eurasia.registry.platform.domain.InvalidValue;
import org.eurasia.registry.platform.domain.NotPermitted;
import org.eurasia.registry.platform.domain.RuleViolation;
import org.eurasia.registry.platform.domain.StateConflict;
import org.eurasia.registry.platform.domain.UnknownReference;
import org.junit.jupiter.api.Test;

/**
 * Each kind of domain refusal is the problem a partner system already branches on, with its facts
 * beside it.
 */
class DomainProblemsTest {

  enum State {
    DRAFT
  }

  @Test
  void eachKindHasItsStatusAndTypeAndKeepsItsFacts() {
    Problem rule =
        DomainProblems.of(
            new RuleViolation("institution-not-accepted", "Waiting for bsu.by")
                .with("pendingInstitutions", List.of("bsu.by")));
    assertEquals(422, rule.getStatus());
    assertEquals("urn:eurasia-registry:problem:rule-violated", rule.getType().toString());
    assertEquals("institution-not-accepted", rule.getExtensions().get("condition"));
    assertEquals(List.of("bsu.by"), rule.getExtensions().get("pendingInstitutions"));

    Problem value =
        DomainProblems.of(new InvalidValue("parties", "an agreement needs at least two parties"));
    assertEquals(400, value.getStatus());
    assertEquals("parties", value.getErrors().get(0).field());
    assertEquals("parties: an agreement needs at least two parties", value.getDetail());

    Problem transition =
        DomainProblems.of(
            new InvalidTransition(
                "an agreement", State.DRAFT, "suspend", List.of("revise", "sign")));
    assertEquals(409, transition.getStatus());
    assertEquals("DRAFT", transition.getExtensions().get("currentState"));
    assertEquals(List.of("revise", "sign"), transition.getExtensions().get("allowedTransitions"));

    assertEquals(409, DomainProblems.of(new StateConflict("already signed")).getStatus());
    assertEquals(403, DomainProblems.of(new NotPermitted("not a party")).getStatus());
    Problem unknown =
        DomainProblems.of(new UnknownReference("agreementId", "Agreement 1 is not known"));
    assertEquals(422, unknown.getStatus());
    assertEquals("agreementId", unknown.getErrors().get(0).field());
  }
}
