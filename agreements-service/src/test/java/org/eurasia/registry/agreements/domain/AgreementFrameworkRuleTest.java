package org.eurasia.registry.agreements.domain;

import static org.eurasia.registry.agreements.domain.AgreementLifecycleTest.DIRECTORY;
import static org.eurasia.registry.agreements.domain.AgreementLifecycleTest.NOW;
import static org.eurasia.registry.agreements.domain.AgreementLifecycleTest.refusal;
import static org.eurasia.registry.agreements.domain.AgreementLifecycleTest.signature;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.platform.domain.RuleViolation;
import org.eurasia.registry.platform.problem.Problem;
import org.junit.jupiter.api.Test;

/**
 * The framework rule as plain Java: an agreement names a framework only if every named party's
 * country was a member of it — today when the terms are written, on the signing date when the last
 * signature makes it signed — unless a registrar overrides it, which the agreement records.
 */
class AgreementFrameworkRuleTest {

  static final LocalDate TODAY = LocalDate.parse("2026-11-30");
  static final Instant LATER = NOW.plusSeconds(60);

  static Framework framework(String code, Framework.Membership... members) {
    return new Framework(
        UUID.randomUUID(),
        code,
        new FrameworkTerms(Map.of("en", code), Map.of(), Arrays.asList(members)),
        NOW);
  }

  static Framework.Membership member(String country, String since, String until) {
    return new Framework.Membership(
        country,
        since == null ? null : PartialDate.parse(since),
        until == null ? null : PartialDate.parse(until));
  }

  /** CPEC as seeded: China and Pakistan, since an unknown date. */
  static final Framework CPEC =
      framework("CPEC", member("CN", null, null), member("PK", null, null));

  /** A framework Belarus joined in mid-2025, Pakistan a member since 2020. */
  static final Framework JOINT =
      framework("JOINT", member("PK", "2020", null), member("BY", "2025-06-15", null));

  static final Map<String, Framework> FRAMEWORKS = Map.of("CPEC", CPEC, "JOINT", JOINT);

  static AgreementTerms terms(String framework, String... codes) {
    return new AgreementTerms(
        AgreementKind.MEMORANDUM_OF_UNDERSTANDING,
        Visibility.PUBLIC,
        Map.of("en", "MoU"),
        null,
        Arrays.stream(codes)
            .map(c -> new AgreementTerms.NamedParty(c, PartyRole.SIGNATORY, false))
            .toList(),
        null,
        null,
        framework == null ? List.of() : List.of(framework),
        null,
        null,
        null,
        null,
        false);
  }

  static Agreement draft(String framework, String... codes) {
    return Agreement.draft(
        UUID.randomUUID(), "PK-BY/MOU/2026/F-001", terms(framework, codes), DIRECTORY, NOW);
  }

  static final FrameworkOverride.Request OVERRIDE =
      new FrameworkOverride.Request("registrar@registry.test", "Partner country by agreement");

  @Test
  void aPakistanBelarusMemorandumCannotBeFiledUnderCpec() {
    Agreement a = draft("CPEC", "qau.edu.pk", "bsu.by");
    RuleViolation refused =
        assertThrows(RuleViolation.class, () -> a.admitFrameworks(FRAMEWORKS, TODAY, null, NOW));
    assertEquals(Agreement.FRAMEWORK_MEMBERSHIP, refused.rule());
    assertEquals(Map.of("CPEC", List.of("BY")), refused.facts().get("nonMembers"));
    assertEquals("2026-11-30", refused.facts().get("date"));
    Problem answer = refusal(() -> a.admitFrameworks(FRAMEWORKS, TODAY, null, NOW));
    assertEquals(422, answer.getStatus());
    assertEquals("framework-membership", answer.getExtensions().get("condition"));
    assertEquals(
        "An agreement names a framework only if every party's country was a member of it on "
            + "2026-11-30; not members: BY of CPEC",
        answer.getDetail());
  }

  @Test
  void anAgreementBetweenMembersNamesTheFrameworkAndRecordsNoOverride() {
    Agreement a = draft("CPEC", "qau.edu.pk", "cuc.edu.cn");
    a.admitFrameworks(FRAMEWORKS, TODAY, null, NOW);
    assertNull(a.frameworkOverride());
    // An override asked for where the rule holds overrides nothing, so nothing is recorded.
    a.admitFrameworks(FRAMEWORKS, TODAY, OVERRIDE, NOW);
    assertNull(a.frameworkOverride());
    Agreement none = draft(null, "qau.edu.pk", "bsu.by");
    none.admitFrameworks(Map.of(), TODAY, null, NOW);
    assertNull(none.frameworkOverride());
  }

  @Test
  void everyNamedPartyCountsNotOnlyTheSignatories() {
    Agreement a =
        Agreement.draft(
            UUID.randomUUID(),
            "PK-CN/MOU/2026/F-002",
            new AgreementTerms(
                AgreementKind.MEMORANDUM_OF_UNDERSTANDING,
                Visibility.PUBLIC,
                Map.of("en", "MoU"),
                null,
                List.of(
                    new AgreementTerms.NamedParty("qau.edu.pk", PartyRole.SIGNATORY, false),
                    new AgreementTerms.NamedParty("cuc.edu.cn", PartyRole.SIGNATORY, false),
                    new AgreementTerms.NamedParty("gknt.gov.by", PartyRole.OBSERVER, false)),
                null,
                null,
                List.of("CPEC"),
                null,
                null,
                null,
                null,
                false),
            DIRECTORY,
            NOW);
    assertEquals(
        Map.of("CPEC", List.of("BY")),
        assertThrows(RuleViolation.class, () -> a.admitFrameworks(FRAMEWORKS, TODAY, null, NOW))
            .facts()
            .get("nonMembers"));
  }

  @Test
  void aRegistrarsOverrideIsRecordedWithWhatItOverrodeAndInTheSignedText() {
    Agreement a = draft("CPEC", "qau.edu.pk", "bsu.by");
    a.admitFrameworks(FRAMEWORKS, TODAY, OVERRIDE, NOW);
    FrameworkOverride recorded = a.frameworkOverride();
    assertNotNull(recorded);
    assertEquals("registrar@registry.test", recorded.by());
    assertEquals(NOW, recorded.at());
    assertEquals("Partner country by agreement", recorded.reason());
    assertEquals(Map.of("CPEC", List.of("BY")), recorded.nonMembers());
    String text = AgreementSnapshot.of(a).canonicalJson();
    assertTrue(
        text.contains(
            "\"frameworkOverride\":{\"at\":\"2025-01-01T00:00:00Z\",\"by\":\"registrar@registry.test\","
                + "\"nonMembers\":{\"CPEC\":[\"BY\"]},\"reason\":\"Partner country by agreement\"}"),
        text);
    // Without one, the signed text has no member for it: every text from before the rule hashes
    // as it did.
    assertFalse(
        AgreementSnapshot.of(draft(null, "qau.edu.pk", "bsu.by"))
            .canonicalJson()
            .contains("frameworkOverride"));
  }

  @Test
  void aRevisionIsCheckedAgainAndItsOverrideReplacesTheOldOne() {
    Agreement a = draft("CPEC", "qau.edu.pk", "bsu.by");
    a.admitFrameworks(FRAMEWORKS, TODAY, OVERRIDE, NOW);
    a.revise(terms("CPEC", "qau.edu.pk", "bsu.by"), DIRECTORY, LATER);
    // The same terms, revised by a partner who may not override: refused, the old override does
    // not carry over to new terms.
    assertThrows(RuleViolation.class, () -> a.admitFrameworks(FRAMEWORKS, TODAY, null, LATER));
    a.revise(terms("CPEC", "qau.edu.pk", "cuc.edu.cn"), DIRECTORY, LATER);
    a.admitFrameworks(FRAMEWORKS, TODAY, null, LATER);
    assertNull(a.frameworkOverride(), "terms the rule admits carry no override");
  }

  @Test
  void theLastSignatureChecksMembershipOnTheSigningDate() {
    Agreement a = draft("JOINT", "qau.edu.pk", "bsu.by");
    a.admitFrameworks(FRAMEWORKS, TODAY, null, NOW);
    a.sign("qau.edu.pk", signature("2025-05-02"), NOW);
    // Not signed yet: nothing to check.
    a.admitFrameworksOnSigning(FRAMEWORKS, null, NOW);
    a.sign("bsu.by", signature("2025-06-01"), NOW);
    assertEquals(AgreementStatus.SIGNED, a.status());
    assertEquals(PartialDate.parse("2025-06-01"), a.signingDate());
    RuleViolation refused =
        assertThrows(
            RuleViolation.class, () -> a.admitFrameworksOnSigning(FRAMEWORKS, null, LATER));
    assertEquals("2025-06-01", refused.facts().get("date"));
    assertEquals(Map.of("JOINT", List.of("BY")), refused.facts().get("nonMembers"));
    a.admitFrameworksOnSigning(FRAMEWORKS, OVERRIDE, LATER);
    assertEquals(Map.of("JOINT", List.of("BY")), a.frameworkOverride().nonMembers());
    assertEquals(LATER, a.frameworkOverride().at());
  }

  @Test
  void anOverrideGivenWithTheTermsStillCoversThemAtTheLastSignature() {
    Agreement a = draft("CPEC", "qau.edu.pk", "bsu.by");
    a.admitFrameworks(FRAMEWORKS, TODAY, OVERRIDE, NOW);
    a.sign("qau.edu.pk", signature("2026-01-10"), NOW);
    a.sign("bsu.by", signature("2026-01-12"), NOW);
    a.admitFrameworksOnSigning(FRAMEWORKS, null, LATER);
    assertEquals(NOW, a.frameworkOverride().at(), "the override of the terms stands");
  }

  @Test
  void membershipPeriodsCoverTheirWholeSpanAndDatesKnownOnlyToTheMonthOrYear() {
    Framework.Membership joined = member("BY", "2025-06-15", "2027");
    assertFalse(joined.covers(PartialDate.parse("2025-06-14")));
    assertTrue(joined.covers(PartialDate.parse("2025-06-15")));
    assertTrue(joined.covers(PartialDate.parse("2025-06")), "a month that has a member day in it");
    assertTrue(joined.covers(PartialDate.parse("2025")));
    assertFalse(joined.covers(PartialDate.parse("2025-05")));
    assertTrue(joined.covers(PartialDate.parse("2027-12-31")), "the year it left, to its end");
    assertFalse(joined.covers(PartialDate.parse("2028-01-01")));
    assertTrue(member("PK", null, null).covers(PartialDate.parse("1900")), "unknown start");
    assertFalse(member("PK", null, "2001-03-04").covers(PartialDate.parse("2001-03-05")));
    assertTrue(member("PK", null, "2001-03-04").covers(PartialDate.parse("2001-03-04")));
    assertEquals(LocalDate.parse("2024-02-29"), PartialDate.parse("2024-02").latest());
    assertEquals(LocalDate.parse("2025-12-31"), PartialDate.parse("2025").latest());
    // A country that left and came back was no member in between.
    Framework back =
        framework("BACK", member("KZ", "2001", "2005-12-31"), member("KZ", "2010", null));
    assertTrue(back.hadMember("KZ", PartialDate.parse("2003-05-01")));
    assertFalse(back.hadMember("KZ", PartialDate.parse("2007")));
    assertTrue(back.hadMember("KZ", PartialDate.parse("2010-01-01")));
    assertFalse(back.hadMember("PK", PartialDate.parse("2010-01-01")));
  }
}
