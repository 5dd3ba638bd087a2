package org.eurasia.registry.exchange.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eurasia.registry.exchange.domain.AgreementProjection.PartyFact;
import org.eurasia.registry.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Which programmes an agreement allows, each refusal naming its condition. */
class ProgramEligibilityTest {

  static final UUID ID = UUID.randomUUID();

  static OrganizationProjection org(String code, String kind, String country) {
    OrganizationProjection o = new OrganizationProjection(UUID.randomUUID());
    o.reflect(code, kind, country, 0, Instant.EPOCH);
    return o;
  }

  static final Map<String, OrganizationProjection> KNOWN =
      Stream.of(
              org("qau.edu.pk", "UNIVERSITY", "PK"),
              org("bsu.by", "UNIVERSITY", "BY"),
              org("pu.edu.pk", "UNIVERSITY", "PK"),
              org("bsuir.by", "UNIVERSITY", "BY"),
              org("cuc.edu.cn", "UNIVERSITY", "CN"),
              org("most.gov.pk", "MINISTRY_OR_AGENCY", "PK"),
              org("gknt.gov.by", "MINISTRY_OR_AGENCY", "BY"))
          .collect(Collectors.toMap(OrganizationProjection::code, Function.identity()));

  static AgreementProjection agreement(String status, String... partyCodes) {
    AgreementProjection a = new AgreementProjection(ID);
    List<PartyFact> parties =
        Stream.of(partyCodes).map(c -> new PartyFact(c, KNOWN.get(c).country(), "SIGNATORY", true)).toList();
    a.reflect("PK-BY/MOU/1", status, "PUBLIC", parties, 3, Instant.EPOCH);
    return a;
  }

  static String condition(Runnable r) {
    ProblemException e = assertThrows(ProblemException.class, r::run);
    return (String) e.problem().getExtensions().get("condition");
  }

  @Test
  void institutionsThatArePartiesMayRunAProgrammeUnderAnAgreementInForce() {
    var covered = ProgramEligibility.check(ID, Optional.of(agreement("IN_FORCE", "qau.edu.pk", "bsu.by")), "qau.edu.pk", "bsu.by", KNOWN);
    assertEquals("PK", covered.sending().country());
    assertEquals("BY", covered.receiving().country());
  }

  @Test
  void institutionsOfAPartyStateAreCoveredByTheirMinistrysAgreement() {
    var covered = ProgramEligibility.check(ID, Optional.of(agreement("IN_FORCE", "most.gov.pk", "gknt.gov.by")), "pu.edu.pk", "bsuir.by", KNOWN);
    assertEquals("bsuir.by", covered.receiving().code());
  }

  @Test
  void anInstitutionOfAnotherCountryIsNotCovered() {
    assertEquals("institution-not-covered", condition(() ->
        ProgramEligibility.check(ID, Optional.of(agreement("IN_FORCE", "most.gov.pk", "gknt.gov.by")), "qau.edu.pk", "cuc.edu.cn", KNOWN)));
  }

  @Test
  void aUniversityPartyDoesNotCoverOtherUniversitiesOfItsCountry() {
    assertEquals("institution-not-covered", condition(() ->
        ProgramEligibility.check(ID, Optional.of(agreement("IN_FORCE", "qau.edu.pk", "bsu.by")), "pu.edu.pk", "bsu.by", KNOWN)));
  }

  @Test
  void anAgreementNotInForceAllowsNoProgramme() {
    for (String status : List.of("DRAFT", "SIGNED", "SUSPENDED", "TERMINATED", "EXPIRED")) {
      assertEquals("agreement-not-in-force", condition(() ->
          ProgramEligibility.check(ID, Optional.of(agreement(status, "qau.edu.pk", "bsu.by")), "qau.edu.pk", "bsu.by", KNOWN)), status);
    }
  }

  @Test
  void anUnknownInstitutionIsNamed() {
    assertEquals("institution-unknown", condition(() ->
        ProgramEligibility.check(ID, Optional.of(agreement("IN_FORCE", "qau.edu.pk", "bsu.by")), "qau.edu.pk", "nust.edu.pk", KNOWN)));
  }

  @Test
  void anAgreementNotHeardOfIsADistinctProblem() {
    ProblemException e = assertThrows(ProblemException.class, () ->
        ProgramEligibility.check(ID, Optional.empty(), "qau.edu.pk", "bsu.by", KNOWN));
    assertEquals(422, e.problem().getStatus());
    assertEquals("urn:eurasia-registry:problem:unknown-reference", e.problem().getType().toString());
    assertEquals("agreementId", e.problem().getErrors().get(0).field());
  }
}
