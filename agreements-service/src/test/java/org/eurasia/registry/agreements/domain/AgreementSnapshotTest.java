package org.eurasia.registry.agreements.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The signed text of an agreement — its canonical JSON and SHA-256 — is what parties approve and
 * what signatures and acceptances bind, so the same content must always give the same bytes. These
 * walks cover every member of the content (each term, each party state, every lifecycle fact) and
 * compare each version with the bytes recorded in {@code snapshots/agreement-walks.txt}, recorded
 * before the terms became one record.
 */
public class AgreementSnapshotTest {

  static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  static final String HASH = "ab".repeat(32);

  static UUID id(int n) {
    return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n));
  }

  static final Map<String, Organization> DIRECTORY =
      Map.of(
          "qau.edu.pk", organization(1, "qau.edu.pk", "PK"),
          "bsu.by", organization(2, "bsu.by", "BY"),
          "most.gov.pk", organization(3, "most.gov.pk", "PK"));

  static Organization organization(int n, String code, String country) {
    return new Organization(
        id(n),
        code,
        new OrganizationTerms(OrganizationKind.UNIVERSITY, Map.of("en", code), country, null),
        NOW);
  }

  static AgreementTerms terms(
      AgreementKind kind,
      Visibility visibility,
      List<AgreementTerms.NamedParty> parties,
      Integer durationMonths,
      LocalDate expiresOn,
      boolean autoRenewal) {
    Map<String, String> title = new LinkedHashMap<>();
    title.put("ru", "Меморандум о сотрудничестве");
    title.put("en", "MoU on cooperation in physics");
    return new AgreementTerms(
        kind,
        visibility,
        title,
        Map.of("en", "Joint research.\n\tTwo lines, a tab."),
        parties,
        List.of(CooperationField.HIGHER_EDUCATION, CooperationField.SCIENCE_AND_TECHNOLOGY),
        List.of("0613", "0533"),
        List.of("CPEC"),
        List.of("ru", "en"),
        List.of(new Agreement.Document("https://docs.example/mou-en.pdf", "en", HASH)),
        durationMonths,
        expiresOn,
        autoRenewal);
  }

  static List<AgreementTerms.NamedParty> parties() {
    return List.of(
        new AgreementTerms.NamedParty("qau.edu.pk", PartyRole.SIGNATORY, true),
        new AgreementTerms.NamedParty("bsu.by", PartyRole.SIGNATORY, false),
        new AgreementTerms.NamedParty("most.gov.pk", PartyRole.OBSERVER, false));
  }

  static Agreement draft(int n, Visibility visibility, Integer months, LocalDate expiresOn) {
    return Agreement.draft(
        id(100 + n),
        "PK-BY/MOU/2025/ST-00" + n,
        terms(
            AgreementKind.MEMORANDUM_OF_UNDERSTANDING,
            visibility,
            parties(),
            months,
            expiresOn,
            months != null),
        DIRECTORY,
        NOW);
  }

  static Agreement amendment(Agreement amended) {
    return Agreement.draftAmendment(
        id(200),
        "PK-BY/AM/2025/ST-001",
        terms(AgreementKind.AMENDMENT, amended.visibility(), parties(), null, null, false),
        DIRECTORY,
        amended,
        NOW);
  }

  /** Every version of the walks, in order, named. */
  static Map<String, String> walks() {
    Map<String, String> versions = new LinkedHashMap<>();
    Agreement a = draft(1, Visibility.PUBLIC, 60, null);
    versions.put("drafted", json(a));
    a.sign(
        "qau.edu.pk",
        new Party.Signature(PartialDate.parse("2025-03"), "Islamabad", "Vice-Chancellor")
            .boundTo(0, HASH),
        NOW);
    versions.put("party-signed", json(a));
    a.sign("bsu.by", new Party.Signature(PartialDate.parse("2025-03-02"), null, null), NOW);
    versions.put("signed", json(a));
    a.ratify(
        "qau.edu.pk",
        new Party.Ratification(PartialDate.parse("2025-03-10"), Party.RatificationKind.APPROVAL),
        NOW);
    versions.put("party-ratified", json(a));
    a.accept("most.gov.pk", new Party.Acceptance(PartialDate.parse("2025-03-20"), 3, HASH), NOW);
    versions.put("party-accepted", json(a));
    a.enterIntoForce(LocalDate.parse("2025-04-01"), NOW);
    versions.put("entered-into-force", json(a));
    a.approve("bsu.by", 2, HASH, NOW);
    versions.put("approved", json(a));
    a.amendBy(id(200), NOW);
    versions.put("amended", json(a));
    a.suspend("Programme under review", NOW);
    versions.put("suspended", json(a));
    a.resume(NOW);
    versions.put("resumed", json(a));
    a.terminate(LocalDate.parse("2026-12-31"), "Denunciation by bsu.by", NOW);
    versions.put("terminated", json(a));

    Agreement confidential = draft(2, Visibility.CONFIDENTIAL, null, LocalDate.parse("2026-06-30"));
    versions.put("confidential-drafted", json(confidential));
    Agreement revised = amendment(confidential);
    versions.put("amendment-drafted", json(revised));
    revised.revise(
        terms(AgreementKind.AMENDMENT, Visibility.CONFIDENTIAL, parties(), 12, null, true),
        DIRECTORY,
        NOW);
    versions.put("amendment-revised", json(revised));

    Agreement expiring = draft(3, Visibility.PUBLIC, null, LocalDate.parse("2025-06-30"));
    expiring.sign(
        "qau.edu.pk", new Party.Signature(PartialDate.parse("2025-03-01"), null, null), NOW);
    expiring.sign("bsu.by", new Party.Signature(PartialDate.parse("2025-03-01"), null, null), NOW);
    expiring.ratify(
        "qau.edu.pk",
        new Party.Ratification(
            PartialDate.parse("2025-03-05"), Party.RatificationKind.RATIFICATION),
        NOW);
    expiring.enterIntoForce(LocalDate.parse("2025-04-01"), NOW);
    expiring.expireIfDue(LocalDate.parse("2025-07-01"), NOW);
    versions.put("expired", json(expiring));

    Agreement renewing = draft(4, Visibility.PUBLIC, 6, null);
    renewing.sign(
        "qau.edu.pk", new Party.Signature(PartialDate.parse("2025-03-01"), null, null), NOW);
    renewing.sign("bsu.by", new Party.Signature(PartialDate.parse("2025-03-01"), null, null), NOW);
    renewing.ratify(
        "qau.edu.pk",
        new Party.Ratification(PartialDate.parse("2025-03-05"), Party.RatificationKind.ACCEPTANCE),
        NOW);
    renewing.enterIntoForce(LocalDate.parse("2025-04-01"), NOW);
    renewing.expireIfDue(LocalDate.parse("2026-01-01"), NOW);
    versions.put("renewed", json(renewing));
    return versions;
  }

  static String json(Agreement agreement) {
    return AgreementSnapshot.of(agreement).canonicalJson();
  }

  /**
   * Compares the versions, as lines of name, SHA-256 and canonical JSON separated by tabs, with
   * those recorded in {@code src/test/resources/snapshots}. A change of the signed text must be
   * deliberate (a new term adds a member to every agreement's next version): {@code
   * -Dsnapshots.update=true} records the new text; read its diff.
   */
  public static void assertRecorded(String file, Map<String, String> versions) throws IOException {
    StringBuilder lines = new StringBuilder();
    versions.forEach(
        (name, json) ->
            lines
                .append(name)
                .append('\t')
                .append(AgreementSnapshot.sha256(json))
                .append('\t')
                .append(json)
                .append('\n'));
    Path recorded = Path.of("src", "test", "resources", "snapshots", file);
    if (Boolean.getBoolean("snapshots.update")) {
      Files.writeString(recorded, lines);
    }
    assertEquals(Files.readString(recorded), lines.toString(), "the signed text changed");
  }

  @Test
  void everyVersionOfTheWalksHasTheBytesAndHashItHadBefore() throws IOException {
    assertRecorded("agreement-walks.txt", walks());
  }

  @Test
  void everyTermIsPartOfTheSignedText() throws IOException {
    JsonNode content =
        new ObjectMapper()
            .readTree(json(draft(5, Visibility.PUBLIC, 60, LocalDate.parse("2030-01-01"))));
    for (RecordComponent term : AgreementTerms.class.getRecordComponents()) {
      assertTrue(content.has(term.getName()), term.getName() + " is not in the signed text");
    }
  }
}
