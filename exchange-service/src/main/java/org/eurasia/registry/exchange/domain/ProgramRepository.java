package org.eurasia.registry.exchange.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eurasia.registry.exchange.domain.ProgramTerms.QuotaPlan;
import org.eurasia.registry.platform.domain.RuleViolation;

/**
 * Programmes and their places. Places are counted with single conditional UPDATEs: PostgreSQL locks
 * the quota row and re-checks the condition after any concurrent change commits, so "taken ≤
 * places" holds however many acceptances race.
 */
@ApplicationScoped
public class ProgramRepository implements PanacheRepositoryBase<Program, UUID> {

  /** What happened when a place was asked for. */
  public enum PlaceOutcome {
    TAKEN,
    FULL,
    NO_QUOTA
  }

  /**
   * Codes are unique per agreement (whoever may name the agreement sees every programme under it).
   */
  public Optional<Program> findByAgreementAndCode(UUID agreementId, String code) {
    return find("agreementId = ?1 and code = ?2", agreementId, code).firstResultOptional();
  }

  /**
   * One page of programmes ordered by code, then id (codes repeat across agreements). Programmes
   * under a confidential agreement are returned only to a reader who is named by it or by the
   * programme ({@code reader} null: a registrar, who sees all).
   */
  @SuppressWarnings("unchecked")
  public List<Program> search(ProgramFilter f, Reader reader, ProgramPosition after, int limit) {
    StringBuilder sql = new StringBuilder("SELECT p.* FROM program p WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (f.countryA() != null) {
      sql.append(
          " AND ((p.sending_country = :ca AND p.receiving_country = :cb) OR (p.sending_country = :cb AND p.receiving_country = :ca))");
      params.put("ca", f.countryA());
      params.put("cb", f.countryB());
    }
    if (f.institution() != null) {
      sql.append(
          " AND ((p.sending_institution = :inst AND p.sending_accepted) OR (p.receiving_institution = :inst AND p.receiving_accepted))");
      params.put("inst", f.institution());
    }
    if (f.invitedInstitution() != null) {
      sql.append(
          " AND ((p.sending_institution = :invited AND NOT p.sending_accepted)"
              + " OR (p.receiving_institution = :invited AND NOT p.receiving_accepted))");
      params.put("invited", f.invitedInstitution());
    }
    if (f.kind() != null) {
      sql.append(" AND p.kind = :kind");
      params.put("kind", f.kind().name());
    }
    if (f.academicYear() != null) {
      sql.append(" AND p.academic_years @> CAST(:year AS jsonb)");
      params.put("year", "[\"" + f.academicYear() + "\"]");
    }
    if (f.iscedCode() != null) {
      sql.append(" AND p.isced_codes @> CAST(:isced AS jsonb)");
      params.put("isced", "[\"" + f.iscedCode() + "\"]");
    }
    if (f.status() != null) {
      sql.append(" AND p.status = :status");
      params.put("status", f.status().name());
    }
    if (f.agreementId() != null) {
      sql.append(" AND p.agreement_id = :agreement");
      params.put("agreement", f.agreementId());
    }
    if (f.modifiedSince() != null) {
      sql.append(" AND p.updated_at >= :since");
      params.put("since", f.modifiedSince());
    }
    if (reader != null) {
      sql.append(" AND ").append(visibleTo("p"));
      bindReader(params, reader);
    }
    if (after != null) {
      sql.append(" AND (p.code, p.id) > (:afterCode, :afterId)");
      params.put("afterCode", after.code());
      params.put("afterId", after.id());
    }
    sql.append(" ORDER BY p.code, p.id LIMIT :limit");
    params.put("limit", limit);
    Query query = getEntityManager().createNativeQuery(sql.toString(), Program.class);
    params.forEach(query::setParameter);
    return query.getResultList();
  }

  /**
   * SQL condition: the programme aliased {@code p} is not under a confidential agreement, or the
   * reader (parameters {@code :reader} and {@code :readerParty}, see {@link #bindReader}) is one of
   * its institutions or a party.
   */
  static String visibleTo(String p) {
    return "NOT EXISTS (SELECT 1 FROM agreement_projection a WHERE a.agreement_id = "
        + p
        + ".agreement_id"
        + " AND a.visibility = 'CONFIDENTIAL' AND NOT ("
        + p
        + ".sending_institution = :reader OR "
        + p
        + ".receiving_institution = :reader OR a.parties @> CAST(:readerParty AS jsonb)))";
  }

  static void bindReader(Map<String, Object> params, Reader reader) {
    String org = reader.organization() == null ? "" : reader.organization();
    params.put("reader", org);
    params.put(
        "readerParty",
        "[{\"organizationCode\": \"" + org.replace("\"", "").replace("\\", "") + "\"}]");
  }

  public List<Program> underAgreement(UUID agreementId, ProgramStatus status) {
    return list("agreementId = ?1 and status = ?2 order by code", agreementId, status);
  }

  /** Programmes suspended because of this agreement, to be resumed with it. */
  public List<Program> suspendedByAgreement(UUID agreementId) {
    return list(
        "agreementId = ?1 and status = ?2 and suspendedByAgreement = true order by code",
        agreementId,
        ProgramStatus.SUSPENDED);
  }

  @SuppressWarnings("unchecked")
  public List<Quota> quotas(UUID programId) {
    List<Object[]> rows =
        getEntityManager()
            .createNativeQuery(
                "SELECT academic_year, direction, places, accepted FROM program_quota WHERE program_id = ?1 ORDER BY academic_year, direction")
            .setParameter(1, programId)
            .getResultList();
    return rows.stream().map(ProgramRepository::quota).toList();
  }

  /**
   * Makes the programme's quotas those planned. Rows are locked first so no acceptance runs between
   * the check and the write; a year or direction that already has accepted mobilities can be
   * neither dropped nor cut below them.
   */
  @SuppressWarnings("unchecked")
  public void replaceQuotas(UUID programId, List<QuotaPlan> plans) {
    // The programme row must exist before its quota rows reference it.
    getEntityManager().flush();
    List<Object[]> rows =
        getEntityManager()
            .createNativeQuery(
                "SELECT academic_year, direction, places, accepted FROM program_quota WHERE program_id = ?1 FOR UPDATE")
            .setParameter(1, programId)
            .getResultList();
    Map<String, Quota> current = new HashMap<>();
    rows.stream()
        .map(ProgramRepository::quota)
        .forEach(q -> current.put(q.academicYear() + " " + q.direction(), q));
    List<String> kept = new ArrayList<>();
    for (QuotaPlan plan : plans) {
      String key = plan.academicYear() + " " + plan.direction();
      kept.add(key);
      Quota existing = current.get(key);
      int accepted = existing == null ? 0 : existing.accepted();
      if (plan.places() != null && plan.places() < accepted) {
        throw new RuleViolation(
            "quota-below-accepted",
            "quotas: "
                + key
                + " already has "
                + accepted
                + " accepted mobilities; places cannot be "
                + plan.places());
      }
      getEntityManager()
          .createNativeQuery(
              "INSERT INTO program_quota (program_id, academic_year, direction, places) VALUES (?1, ?2, ?3, ?4)"
                  + " ON CONFLICT (program_id, academic_year, direction) DO UPDATE SET places = EXCLUDED.places")
          .setParameter(1, programId)
          .setParameter(2, plan.academicYear())
          .setParameter(3, plan.direction().name())
          .setParameter(4, plan.places())
          .executeUpdate();
    }
    for (Quota dropped : current.values()) {
      String key = dropped.academicYear() + " " + dropped.direction();
      if (kept.contains(key)) {
        continue;
      }
      if (dropped.accepted() > 0) {
        throw new RuleViolation(
            "quota-below-accepted",
            "quotas: "
                + key
                + " has "
                + dropped.accepted()
                + " accepted mobilities and cannot be removed");
      }
      getEntityManager()
          .createNativeQuery(
              "DELETE FROM program_quota WHERE program_id = ?1 AND academic_year = ?2 AND direction = ?3")
          .setParameter(1, programId)
          .setParameter(2, dropped.academicYear())
          .setParameter(3, dropped.direction().name())
          .executeUpdate();
    }
  }

  /**
   * Takes one place if one is free, in one statement; the row lock serialises concurrent callers.
   */
  public PlaceOutcome takePlace(UUID programId, String academicYear, Direction direction) {
    int updated =
        getEntityManager()
            .createNativeQuery(
                "UPDATE program_quota SET accepted = accepted + 1 WHERE program_id = ?1 AND academic_year = ?2"
                    + " AND direction = ?3 AND (places IS NULL OR accepted < places)")
            .setParameter(1, programId)
            .setParameter(2, academicYear)
            .setParameter(3, direction.name())
            .executeUpdate();
    if (updated == 1) {
      return PlaceOutcome.TAKEN;
    }
    return hasQuota(programId, academicYear, direction) ? PlaceOutcome.FULL : PlaceOutcome.NO_QUOTA;
  }

  public void releasePlace(UUID programId, String academicYear, Direction direction) {
    getEntityManager()
        .createNativeQuery(
            "UPDATE program_quota SET accepted = accepted - 1 WHERE program_id = ?1 AND academic_year = ?2 AND direction = ?3 AND accepted > 0")
        .setParameter(1, programId)
        .setParameter(2, academicYear)
        .setParameter(3, direction.name())
        .executeUpdate();
  }

  public boolean hasQuota(UUID programId, String academicYear, Direction direction) {
    return !getEntityManager()
        .createNativeQuery(
            "SELECT 1 FROM program_quota WHERE program_id = ?1 AND academic_year = ?2 AND direction = ?3")
        .setParameter(1, programId)
        .setParameter(2, academicYear)
        .setParameter(3, direction.name())
        .getResultList()
        .isEmpty();
  }

  private static Quota quota(Object[] row) {
    return new Quota(
        (String) row[0],
        Direction.valueOf((String) row[1]),
        row[2] == null ? null : ((Number) row[2]).intValue(),
        ((Number) row[3]).intValue());
  }
}
