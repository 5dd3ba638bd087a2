package org.eurasia.registry.exchange.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eurasia.registry.agreements.client.OrganizationFacts;
import org.eurasia.registry.agreements.client.PartyFact;
import org.eurasia.registry.platform.domain.RuleViolation;
import org.eurasia.registry.platform.domain.UnknownReference;
import org.eurasia.registry.platform.problem.DomainProblems;
import org.eurasia.registry.platform.problem.Problem;
import org.junit.jupiter.api.Test;

/**
 * Which programmes an agreement allows (only consenting parties cover anyone), each refusal naming
 * its condition.
 */
class ProgramEligibilityTest {

  static final UUID ID = UUID.randomUUID();

  static OrganizationProjection org(String code, String kind, String country) {
    return org(code, kind, country, OrganizationFacts.ACTIVE);
  }

  static OrganizationProjection org(String code, String kind, String country, String status) {
    OrganizationProjection o = new OrganizationProjection(UUID.randomUUID());
    o.reflect(
        new OrganizationFacts(o.organizationId(), code, kind, country, status, 0, false),
        Instant.EPOCH);
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
    return agreement(
        status, "PUBLIC", Stream.of(partyCodes).map(ProgramEligibilityTest::signatory).toList());
  }

  static AgreementProjection agreement(String status, String visibility, List<PartyFact> parties) {
    AgreementProjection a = new AgreementProjection(ID);
    a.reflect("PK-BY/MOU/1", status, visibility, parties, 3, Instant.EPOCH);
    return a;
  }

  /** A signatory that signed, and so consented. */
  static PartyFact signatory(String code) {
    return new PartyFact(code, KNOWN.get(code).country(), "SIGNATORY", true, true);
  }

  /** A party named in a non-signing role that has not accepted being named. */
  static PartyFact namedOnly(String code, String role) {
    return new PartyFact(code, KNOWN.get(code).country(), role, false, false);
  }

  static String condition(Runnable r) {
    return assertThrows(RuleViolation.class, r::run).rule();
  }

  @Test
  void institutionsThatArePartiesMayRunAProgrammeUnderAnAgreementInForce() {
    var covered =
        ProgramEligibility.forNewProgramme(
            ID,
            Optional.of(agreement("IN_FORCE", "qau.edu.pk", "bsu.by")),
            "qau.edu.pk",
            "bsu.by",
            KNOWN);
    assertEquals("PK", covered.sending().country());
    assertEquals("BY", covered.receiving().country());
  }

  @Test
  void institutionsOfAPartyStateAreCoveredByTheirMinistrysAgreement() {
    var covered =
        ProgramEligibility.forNewProgramme(
            ID,
            Optional.of(agreement("IN_FORCE", "most.gov.pk", "gknt.gov.by")),
            "pu.edu.pk",
            "bsuir.by",
            KNOWN);
    assertEquals("bsuir.by", covered.receiving().code());
  }

  @Test
  void anInstitutionOfAnotherCountryIsNotCovered() {
    assertEquals(
        "institution-not-covered",
        condition(
            () ->
                ProgramEligibility.forNewProgramme(
                    ID,
                    Optional.of(agreement("IN_FORCE", "most.gov.pk", "gknt.gov.by")),
                    "qau.edu.pk",
                    "cuc.edu.cn",
                    KNOWN)));
  }

  @Test
  void aUniversityPartyDoesNotCoverOtherUniversitiesOfItsCountry() {
    assertEquals(
        "institution-not-covered",
        condition(
            () ->
                ProgramEligibility.forNewProgramme(
                    ID,
                    Optional.of(agreement("IN_FORCE", "qau.edu.pk", "bsu.by")),
                    "pu.edu.pk",
                    "bsu.by",
                    KNOWN)));
  }

  @Test
  void anAgreementNotInForceAllowsNoProgramme() {
    for (String status : List.of("DRAFT", "SIGNED", "SUSPENDED", "TERMINATED", "EXPIRED")) {
      assertEquals(
          "agreement-not-in-force",
          condition(
              () ->
                  ProgramEligibility.forNewProgramme(
                      ID,
                      Optional.of(agreement(status, "qau.edu.pk", "bsu.by")),
                      "qau.edu.pk",
                      "bsu.by",
                      KNOWN)),
          status);
    }
  }

  @Test
  void anUnknownInstitutionIsNamed() {
    assertEquals(
        "institution-unknown",
        condition(
            () ->
                ProgramEligibility.forNewProgramme(
                    ID,
                    Optional.of(agreement("IN_FORCE", "qau.edu.pk", "bsu.by")),
                    "qau.edu.pk",
                    "nust.edu.pk",
                    KNOWN)));
  }

  @Test
  void aNewProgrammeMayNotNameARetiredInstitutionAndTheRefusalSaysSo() {
    Map<String, OrganizationProjection> retired = new java.util.HashMap<>(KNOWN);
    retired.put("bsu.by", org("bsu.by", "UNIVERSITY", "BY", OrganizationFacts.RETIRED));
    AgreementProjection inForce = agreement("IN_FORCE", "qau.edu.pk", "bsu.by");
    RuleViolation refused =
        assertThrows(
            RuleViolation.class,
            () ->
                ProgramEligibility.forNewProgramme(
                    ID, Optional.of(inForce), "qau.edu.pk", "bsu.by", retired));
    assertEquals("institution-retired", refused.rule());
    assertEquals("receivingInstitution: organization 'bsu.by' is retired", refused.getMessage());
    RuleViolation unknown =
        assertThrows(
            RuleViolation.class,
            () ->
                ProgramEligibility.forNewProgramme(
                    ID, Optional.of(inForce), "qau.edu.pk", "nust.edu.pk", retired));
    assertEquals(
        "receivingInstitution: no organization 'nust.edu.pk' in the directory",
        unknown.getMessage());
    // A programme that named it before it was retired keeps it: it may still open.
    assertEquals(
        "BY",
        ProgramEligibility.forExistingProgramme(
                ID, Optional.of(inForce), "qau.edu.pk", "bsu.by", retired)
            .receiving()
            .country());
  }

  @Test
  void anAgreementNotHeardOfIsADistinctProblem() {
    Problem e =
        DomainProblems.of(
            assertThrows(
                UnknownReference.class,
                () ->
                    ProgramEligibility.forNewProgramme(
                        ID, Optional.empty(), "qau.edu.pk", "bsu.by", KNOWN)));
    assertEquals(422, e.getStatus());
    assertEquals("urn:eurasia-registry:problem:unknown-reference", e.getType().toString());
    assertEquals("agreementId", e.getErrors().get(0).field());
    assertEquals(
        "Agreement " + ID + " is not known",
        e.getDetail(),
        "the words an agreement the caller may not read gets too");
  }

  @Test
  void aPartyStateThatWasOnlyNamedCoversNoInstitution() {
    // Belarus's committee is named as an observer but never accepted: it binds nothing, so it
    // covers no Belarusian university.
    AgreementProjection a =
        agreement(
            "IN_FORCE",
            "PUBLIC",
            List.of(signatory("most.gov.pk"), namedOnly("gknt.gov.by", "OBSERVER")));
    assertEquals(
        "institution-not-covered",
        condition(
            () ->
                ProgramEligibility.forNewProgramme(
                    ID, Optional.of(a), "qau.edu.pk", "bsu.by", KNOWN)));
    assertTrue(
        ProgramEligibility.covers(a, "qau.edu.pk", KNOWN),
        "the consenting ministry still covers its universities");
    assertFalse(ProgramEligibility.covers(a, "bsu.by", KNOWN));
  }

  @Test
  void aNamedButUnconsentedPartyIsNotCoveredItself() {
    AgreementProjection a =
        agreement(
            "IN_FORCE",
            "PUBLIC",
            List.of(signatory("qau.edu.pk"), namedOnly("bsu.by", "IMPLEMENTING_BODY")));
    assertEquals(
        "institution-not-covered",
        condition(
            () ->
                ProgramEligibility.forNewProgramme(
                    ID, Optional.of(a), "qau.edu.pk", "bsu.by", KNOWN)));
    AgreementProjection accepted =
        agreement(
            "IN_FORCE",
            "PUBLIC",
            List.of(
                signatory("qau.edu.pk"),
                new PartyFact("bsu.by", "BY", "IMPLEMENTING_BODY", false, true)));
    assertEquals(
        "bsu.by",
        ProgramEligibility.forNewProgramme(ID, Optional.of(accepted), "qau.edu.pk", "bsu.by", KNOWN)
            .receiving()
            .code());
  }

  @Test
  void anOrganizationUnknownHereIsNotCovered() {
    assertFalse(
        ProgramEligibility.covers(
            agreement("IN_FORCE", "most.gov.pk", "gknt.gov.by"), "nust.edu.pk", KNOWN));
  }

  @Test
  void everyNamedPartyReadsAConfidentialAgreementButNoOneElse() {
    AgreementProjection a =
        agreement(
            "IN_FORCE",
            "CONFIDENTIAL",
            List.of(signatory("most.gov.pk"), namedOnly("gknt.gov.by", "OBSERVER")));
    assertTrue(a.isReadableBy("gknt.gov.by"), "being named lets one see");
    assertTrue(a.isReadableBy("most.gov.pk"));
    assertFalse(a.isReadableBy("qau.edu.pk"), "an institution it would cover is no party");
    assertFalse(a.isReadableBy(null));
    assertTrue(
        agreement("IN_FORCE", "most.gov.pk", "gknt.gov.by").isReadableBy(null),
        "a public one: anyone");
  }

  @Test
  void problemsAboutAConfidentialAgreementCarryNeitherItsCodeNorItsStatus() {
    AgreementProjection suspended =
        agreement(
            "SUSPENDED",
            "CONFIDENTIAL",
            List.of(signatory("most.gov.pk"), signatory("gknt.gov.by")));
    RuleViolation notInForce =
        assertThrows(
            RuleViolation.class,
            () ->
                ProgramEligibility.forNewProgramme(
                    ID, Optional.of(suspended), "qau.edu.pk", "bsu.by", KNOWN));
    assertFalse(
        notInForce.getMessage().contains("PK-BY/MOU/1")
            || notInForce.getMessage().contains("SUSPENDED"),
        notInForce.getMessage());
    AgreementProjection inForce =
        agreement(
            "IN_FORCE",
            "CONFIDENTIAL",
            List.of(signatory("most.gov.pk"), signatory("gknt.gov.by")));
    RuleViolation notCovered =
        assertThrows(
            RuleViolation.class,
            () ->
                ProgramEligibility.forNewProgramme(
                    ID, Optional.of(inForce), "qau.edu.pk", "cuc.edu.cn", KNOWN));
    assertFalse(notCovered.getMessage().contains("PK-BY/MOU/1"), notCovered.getMessage());
    RuleViolation publicOne =
        assertThrows(
            RuleViolation.class,
            () ->
                ProgramEligibility.forNewProgramme(
                    ID,
                    Optional.of(agreement("SUSPENDED", "most.gov.pk", "gknt.gov.by")),
                    "qau.edu.pk",
                    "bsu.by",
                    KNOWN));
    assertTrue(
        publicOne.getMessage().contains("PK-BY/MOU/1"), "a public agreement is named by its code");
  }
}
