package org.eurasia.registry.exchange.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.exchange.domain.AttentionReason;
import org.eurasia.registry.exchange.domain.Direction;
import org.eurasia.registry.exchange.domain.MobilityAttention;
import org.eurasia.registry.exchange.domain.MobilityNotice;
import org.eurasia.registry.exchange.domain.MobilityStatus;
import org.eurasia.registry.exchange.domain.ProgramKind;
import org.eurasia.registry.exchange.domain.ProgramNotice;
import org.eurasia.registry.exchange.domain.ProgramStatus;
import org.eurasia.registry.exchange.domain.ProgramTerms.QuotaPlan;
import org.eurasia.registry.exchange.domain.Scholarship.CountryPair;
import org.eurasia.registry.exchange.domain.ScholarshipApplicationNotice;
import org.eurasia.registry.exchange.domain.ScholarshipAwardNotice;
import org.eurasia.registry.exchange.domain.ScholarshipNotice;
import org.eurasia.registry.platform.events.Audience;
import org.junit.jupiter.api.Test;

/**
 * The notices' payloads, byte for byte as the domain events wrote them when they carried their own
 * JSON annotations (captured from that code): no event type in the payload, absent values left out
 * of programme and mobility payloads but a quota's undefined {@code places} kept as null. Consumers
 * and the schemas in {@code contract/events} rely on it.
 */
class NoticePayloadsTest {

  static final UUID PROGRAM = UUID.fromString("5eed0000-0000-4000-8000-0000000b0001");
  static final UUID AGREEMENT = UUID.fromString("5eed0000-0000-4000-8000-0000000a0002");
  static final UUID MOBILITY = UUID.fromString("5eed0000-0000-4000-8000-0000000c0001");
  static final UUID PARTICIPANT = UUID.fromString("5eed0000-0000-4000-8000-0000000e0001");
  static final UUID AWARD = UUID.fromString("5eed0000-0000-4000-8000-0000000d1001");
  static final UUID SCHOLARSHIP = UUID.fromString("5eed0000-0000-4000-8000-0000000d0001");

  /**
   * The application's mapper as far as payloads go: Quarkus registers the java.time module and
   * writes ISO dates.
   */
  static final ObjectMapper JSON = json();

  static ObjectMapper json() {
    ObjectMapper mapper =
        new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    new NoticePayloads().customize(mapper);
    return mapper;
  }

  @Test
  void aProgrammeNoticeLeavesOutTheEventTypeAndAbsentValuesButKeepsUndefinedPlaces()
      throws JsonProcessingException {
    Map<String, String> title = Map.of("en", "Teacher exchange");
    assertEquals(
        "{\"programId\":\"5eed0000-0000-4000-8000-0000000b0001\",\"code\":\"QAU-BSU/TEACH/2026\",\"kind\":\"TEACHER_EXCHANGE\",\"title\":{\"en\":\"Teacher exchange\"},\"agreementId\":\"5eed0000-0000-4000-8000-0000000a0002\",\"sendingInstitution\":\"qau.edu.pk\",\"sendingCountry\":\"PK\",\"receivingInstitution\":\"bsu.by\",\"receivingCountry\":\"BY\",\"acceptedInstitutions\":[\"qau.edu.pk\"],\"academicYears\":[\"2026/2027\"],\"quotas\":[{\"academicYear\":\"2026/2027\",\"direction\":\"SENDING_TO_RECEIVING\",\"places\":5},{\"academicYear\":\"2026/2027\",\"direction\":\"RECEIVING_TO_SENDING\",\"places\":null}],\"status\":\"OPEN\",\"suspendedByAgreement\":false,\"version\":3}",
        JSON.writeValueAsString(
            new ProgramNotice(
                "registry.program.opened.v1",
                PROGRAM,
                "QAU-BSU/TEACH/2026",
                ProgramKind.TEACHER_EXCHANGE,
                title,
                AGREEMENT,
                "qau.edu.pk",
                "PK",
                "bsu.by",
                "BY",
                List.of("qau.edu.pk"),
                List.of("2026/2027"),
                List.of(
                    new QuotaPlan("2026/2027", Direction.SENDING_TO_RECEIVING, 5),
                    new QuotaPlan("2026/2027", Direction.RECEIVING_TO_SENDING, null)),
                ProgramStatus.OPEN,
                null,
                false,
                3,
                Audience.only(List.of("qau.edu.pk", "bsu.by")))));
    assertEquals(
        "{\"programId\":\"5eed0000-0000-4000-8000-0000000b0001\",\"code\":\"C\",\"kind\":\"TEACHER_EXCHANGE\",\"title\":{\"en\":\"Teacher exchange\"},\"agreementId\":\"5eed0000-0000-4000-8000-0000000a0002\",\"sendingInstitution\":\"qau.edu.pk\",\"sendingCountry\":\"PK\",\"receivingInstitution\":\"bsu.by\",\"receivingCountry\":\"BY\",\"acceptedInstitutions\":[],\"academicYears\":[],\"quotas\":[],\"status\":\"SUSPENDED\",\"suspensionReason\":\"The agreement is no longer in force\",\"suspendedByAgreement\":true,\"version\":4}",
        JSON.writeValueAsString(
            new ProgramNotice(
                "registry.program.suspended.v1",
                PROGRAM,
                "C",
                ProgramKind.TEACHER_EXCHANGE,
                title,
                AGREEMENT,
                "qau.edu.pk",
                "PK",
                "bsu.by",
                "BY",
                List.of(),
                List.of(),
                List.of(),
                ProgramStatus.SUSPENDED,
                "The agreement is no longer in force",
                true,
                4,
                Audience.everyone())));
  }

  @Test
  void aMobilityNoticeLeavesOutTheEventTypeAndAbsentValues() throws JsonProcessingException {
    assertEquals(
        "{\"mobilityId\":\"5eed0000-0000-4000-8000-0000000c0001\",\"programId\":\"5eed0000-0000-4000-8000-0000000b0001\",\"programKind\":\"STUDENT_EXCHANGE\",\"participantId\":\"5eed0000-0000-4000-8000-0000000e0001\",\"academicYear\":\"2026/2027\",\"direction\":\"SENDING_TO_RECEIVING\",\"homeInstitution\":\"qau.edu.pk\",\"homeCountry\":\"PK\",\"hostInstitution\":\"bsu.by\",\"hostCountry\":\"BY\",\"status\":\"NOMINATED\",\"plannedStart\":\"2026-09-01\",\"plannedEnd\":\"2027-01-31\",\"version\":0}",
        JSON.writeValueAsString(
            new MobilityNotice(
                "registry.mobility.nominated.v1",
                MOBILITY,
                PROGRAM,
                ProgramKind.STUDENT_EXCHANGE,
                PARTICIPANT,
                "2026/2027",
                Direction.SENDING_TO_RECEIVING,
                "qau.edu.pk",
                "PK",
                "bsu.by",
                "BY",
                MobilityStatus.NOMINATED,
                LocalDate.of(2026, 9, 1),
                LocalDate.of(2027, 1, 31),
                null,
                null,
                null,
                null,
                null,
                0)));
    assertEquals(
        "{\"mobilityId\":\"5eed0000-0000-4000-8000-0000000c0001\",\"programId\":\"5eed0000-0000-4000-8000-0000000b0001\",\"programKind\":\"STUDENT_EXCHANGE\",\"participantId\":\"5eed0000-0000-4000-8000-0000000e0001\",\"academicYear\":\"2026/2027\",\"direction\":\"RECEIVING_TO_SENDING\",\"homeInstitution\":\"bsu.by\",\"homeCountry\":\"BY\",\"hostInstitution\":\"qau.edu.pk\",\"hostCountry\":\"PK\",\"status\":\"COMPLETED\",\"plannedStart\":\"2026-09-01\",\"plannedEnd\":\"2027-01-31\",\"actualStart\":\"2026-09-02\",\"actualEnd\":\"2027-01-30\",\"recognized\":true,\"ectsCredits\":30,\"version\":5}",
        JSON.writeValueAsString(
            new MobilityNotice(
                "registry.mobility.completed.v1",
                MOBILITY,
                PROGRAM,
                ProgramKind.STUDENT_EXCHANGE,
                PARTICIPANT,
                "2026/2027",
                Direction.RECEIVING_TO_SENDING,
                "bsu.by",
                "BY",
                "qau.edu.pk",
                "PK",
                MobilityStatus.COMPLETED,
                LocalDate.of(2026, 9, 1),
                LocalDate.of(2027, 1, 31),
                LocalDate.of(2026, 9, 2),
                LocalDate.of(2027, 1, 30),
                true,
                30,
                null,
                5)));
  }

  /**
   * Issue 17: a mobility flagged because its agreement left force carries {@code attention} (reason
   * and ISO date) after {@code ectsCredits}; an unflagged one's payload is as before (above).
   */
  @Test
  void aFlaggedMobilitysNoticeCarriesItsAttention() throws JsonProcessingException {
    assertEquals(
        "{\"mobilityId\":\"5eed0000-0000-4000-8000-0000000c0001\",\"programId\":\"5eed0000-0000-4000-8000-0000000b0001\",\"programKind\":\"STUDENT_EXCHANGE\",\"participantId\":\"5eed0000-0000-4000-8000-0000000e0001\",\"academicYear\":\"2026/2027\",\"direction\":\"SENDING_TO_RECEIVING\",\"homeInstitution\":\"qau.edu.pk\",\"homeCountry\":\"PK\",\"hostInstitution\":\"bsu.by\",\"hostCountry\":\"BY\",\"status\":\"IN_MOBILITY\",\"plannedStart\":\"2026-09-01\",\"plannedEnd\":\"2027-01-31\",\"actualStart\":\"2026-09-02\",\"attention\":{\"reason\":\"AGREEMENT_TERMINATED\",\"since\":\"2026-11-28\"},\"version\":3}",
        JSON.writeValueAsString(
            new MobilityNotice(
                "registry.mobility.attention-raised.v1",
                MOBILITY,
                PROGRAM,
                ProgramKind.STUDENT_EXCHANGE,
                PARTICIPANT,
                "2026/2027",
                Direction.SENDING_TO_RECEIVING,
                "qau.edu.pk",
                "PK",
                "bsu.by",
                "BY",
                MobilityStatus.IN_MOBILITY,
                LocalDate.of(2026, 9, 1),
                LocalDate.of(2027, 1, 31),
                LocalDate.of(2026, 9, 2),
                null,
                null,
                null,
                new MobilityAttention(
                    AttentionReason.AGREEMENT_TERMINATED, LocalDate.of(2026, 11, 28)),
                3)));
  }

  @Test
  void anApplicationNoticeIsItsComponentsButNotItsAudience() throws JsonProcessingException {
    assertEquals(
        "{\"applicationId\":\"5eed0000-0000-4000-8000-0000000d2001\",\"scholarshipId\":\"5eed0000-0000-4000-8000-0000000d0001\",\"scholarshipCode\":\"HEC-2026\",\"funder\":\"hec.gov.pk\",\"mobilityId\":\"5eed0000-0000-4000-8000-0000000c0001\",\"appliedBy\":\"qau.edu.pk\",\"appliedAt\":\"2026-05-01T10:00:00Z\",\"version\":0}",
        JSON.writeValueAsString(
            new ScholarshipApplicationNotice(
                UUID.fromString("5eed0000-0000-4000-8000-0000000d2001"),
                SCHOLARSHIP,
                "HEC-2026",
                "hec.gov.pk",
                MOBILITY,
                "qau.edu.pk",
                Instant.parse("2026-05-01T10:00:00Z"),
                0,
                Audience.only(List.of("hec.gov.pk", "qau.edu.pk", "bsu.by")))));
  }

  @Test
  void aScholarshipAwardNoticeIsItsComponents() throws JsonProcessingException {
    assertEquals(
        "{\"awardId\":\"5eed0000-0000-4000-8000-0000000d1001\",\"scholarshipId\":\"5eed0000-0000-4000-8000-0000000d0001\",\"scholarshipCode\":\"MOST/PK-BY/2026\",\"funder\":\"most.gov.pk\",\"mobilityId\":\"5eed0000-0000-4000-8000-0000000c0001\",\"participantId\":\"5eed0000-0000-4000-8000-0000000e0001\",\"amount\":450000,\"currency\":\"PKR\",\"awardedAt\":\"2026-11-28T10:00:00Z\",\"version\":0}",
        JSON.writeValueAsString(
            new ScholarshipAwardNotice(
                AWARD,
                SCHOLARSHIP,
                "MOST/PK-BY/2026",
                "most.gov.pk",
                MOBILITY,
                PARTICIPANT,
                new BigDecimal("450000"),
                "PKR",
                Instant.parse("2026-11-28T10:00:00Z"),
                0)));
    assertEquals(
        "{\"awardId\":\"5eed0000-0000-4000-8000-0000000d1001\",\"scholarshipId\":\"5eed0000-0000-4000-8000-0000000d0001\",\"scholarshipCode\":\"S\",\"funder\":\"most.gov.pk\",\"mobilityId\":\"5eed0000-0000-4000-8000-0000000c0001\",\"participantId\":\"5eed0000-0000-4000-8000-0000000e0001\",\"amount\":1200.50,\"currency\":\"USD\",\"awardedAt\":\"2026-11-28T10:00:00.123456Z\",\"version\":0}",
        JSON.writeValueAsString(
            new ScholarshipAwardNotice(
                AWARD,
                SCHOLARSHIP,
                "S",
                "most.gov.pk",
                MOBILITY,
                PARTICIPANT,
                new BigDecimal("1200.50"),
                "USD",
                Instant.parse("2026-11-28T10:00:00.123456Z"),
                0)));
  }

  @Test
  void aScholarshipNoticeLeavesOutTheEventTypeAndClosedAtWhileOpen()
      throws JsonProcessingException {
    ScholarshipNotice open =
        new ScholarshipNotice(
            ScholarshipNotice.CREATED,
            SCHOLARSHIP,
            "MOST/PK-BY/2026",
            "most.gov.pk",
            Map.of("en", "Graduate study in Belarus"),
            new BigDecimal("450000"),
            "PKR",
            10,
            List.of(7, 8),
            List.of(),
            List.of(new CountryPair("PK", "BY")),
            null,
            0);
    assertEquals(
        "{\"scholarshipId\":\"5eed0000-0000-4000-8000-0000000d0001\",\"code\":\"MOST/PK-BY/2026\",\"funder\":\"most.gov.pk\",\"title\":{\"en\":\"Graduate study in Belarus\"},\"amount\":450000,\"currency\":\"PKR\",\"awards\":10,\"eligibleEqfLevels\":[7,8],\"eligibleIscedCodes\":[],\"eligibleDirections\":[{\"from\":\"PK\",\"to\":\"BY\"}],\"version\":0}",
        JSON.writeValueAsString(open));
    ScholarshipNotice closed =
        new ScholarshipNotice(
            ScholarshipNotice.CLOSED,
            SCHOLARSHIP,
            "S",
            "most.gov.pk",
            Map.of("en", "T"),
            new BigDecimal("1"),
            "USD",
            1,
            List.of(),
            List.of(),
            List.of(),
            Instant.parse("2026-11-30T10:00:00Z"),
            2);
    assertEquals(
        "{\"scholarshipId\":\"5eed0000-0000-4000-8000-0000000d0001\",\"code\":\"S\",\"funder\":\"most.gov.pk\",\"title\":{\"en\":\"T\"},\"amount\":1,\"currency\":\"USD\",\"awards\":1,\"eligibleEqfLevels\":[],\"eligibleIscedCodes\":[],\"eligibleDirections\":[],\"closedAt\":\"2026-11-30T10:00:00Z\",\"version\":2}",
        JSON.writeValueAsString(closed));
  }
}
