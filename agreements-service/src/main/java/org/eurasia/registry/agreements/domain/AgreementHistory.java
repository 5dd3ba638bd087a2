package org.eurasia.registry.agreements.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The immutable history of agreements: one snapshot per version, and the approvals ledger. */
@ApplicationScoped
public class AgreementHistory {

  @Inject EntityManager em;

  /** Records the agreement as it now is, under its current version number. */
  public void record(Agreement agreement, AgreementChange change, Instant now) {
    insert(agreement, change.name(), AgreementSnapshot.of(agreement).canonicalJson(), now);
  }

  private void insert(Agreement agreement, String change, String snapshot, Instant at) {
    em.createNativeQuery(
            "INSERT INTO agreement_version (agreement_id, number, change, snapshot, sha256, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, agreement.id())
        .setParameter(2, agreement.version())
        .setParameter(3, change)
        .setParameter(4, snapshot)
        .setParameter(5, AgreementSnapshot.sha256(snapshot))
        .setParameter(6, at.atOffset(java.time.ZoneOffset.UTC))
        .executeUpdate();
  }

  /**
   * The SHA-256 of the agreement's current version, which a signature or acceptance binds. A
   * version missing from the history (seeded agreements start their history at their first change
   * in the registry) is recorded first, as a {@code RECORDED} version of the content as it now is,
   * so every bound hash can be looked up and checked.
   */
  public String sha256OfCurrent(Agreement agreement) {
    return version(agreement.id(), agreement.version())
        .map(Version::sha256)
        .orElseGet(
            () -> {
              String snapshot = AgreementSnapshot.of(agreement).canonicalJson();
              insert(agreement, "RECORDED", snapshot, agreement.updatedAt());
              return AgreementSnapshot.sha256(snapshot);
            });
  }

  public void recordApproval(
      UUID agreementId,
      String organizationCode,
      long versionNumber,
      String sha256,
      String approvedBy,
      Instant now) {
    em.createNativeQuery(
            "INSERT INTO agreement_approval (agreement_id, organization_code, version_number, sha256, approved_by, approved_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, agreementId)
        .setParameter(2, organizationCode)
        .setParameter(3, versionNumber)
        .setParameter(4, sha256)
        .setParameter(5, approvedBy)
        .setParameter(6, now.atOffset(java.time.ZoneOffset.UTC))
        .executeUpdate();
  }

  /**
   * Approvals after ({@code afterVersion}, {@code afterCode}) (or from the first), by version
   * number then organization code, at most {@code rows}.
   */
  @SuppressWarnings("unchecked")
  public List<Approval> approvals(UUID agreementId, Long afterVersion, String afterCode, int rows) {
    List<Object[]> result =
        em.createNativeQuery(
                "SELECT organization_code, version_number, sha256, approved_by, approved_at"
                    + " FROM agreement_approval WHERE agreement_id = ?1"
                    + " AND (version_number, organization_code) > (?2, ?3)"
                    + " ORDER BY version_number, organization_code LIMIT ?4")
            .setParameter(1, agreementId)
            .setParameter(2, afterVersion == null ? -1L : afterVersion)
            .setParameter(3, afterCode == null ? "" : afterCode)
            .setParameter(4, rows)
            .getResultList();
    return result.stream()
        .map(
            row ->
                new Approval(
                    (String) row[0],
                    ((Number) row[1]).longValue(),
                    (String) row[2],
                    (String) row[3],
                    instant(row[4])))
        .toList();
  }

  /** Versions after {@code afterNumber} (or from the first), oldest first, at most {@code rows}. */
  @SuppressWarnings("unchecked")
  public List<Version> versions(UUID agreementId, Long afterNumber, int rows) {
    List<Object[]> result =
        em.createNativeQuery(
                "SELECT number, change, sha256, created_at, snapshot FROM agreement_version WHERE agreement_id = ?1 AND number > ?2"
                    + " ORDER BY number LIMIT ?3")
            .setParameter(1, agreementId)
            .setParameter(2, afterNumber == null ? -1L : afterNumber)
            .setParameter(3, rows)
            .getResultList();
    return result.stream().map(AgreementHistory::version).toList();
  }

  @SuppressWarnings("unchecked")
  public Optional<Version> version(UUID agreementId, long number) {
    List<Object[]> result =
        em.createNativeQuery(
                "SELECT number, change, sha256, created_at, snapshot FROM agreement_version WHERE agreement_id = ?1 AND number = ?2")
            .setParameter(1, agreementId)
            .setParameter(2, number)
            .getResultList();
    return result.stream().findFirst().map(AgreementHistory::version);
  }

  private static Version version(Object[] row) {
    return new Version(
        ((Number) row[0]).longValue(),
        (String) row[1],
        (String) row[2],
        instant(row[3]),
        (String) row[4]);
  }

  private static Instant instant(Object value) {
    return value instanceof OffsetDateTime odt
        ? odt.toInstant()
        : value instanceof java.sql.Timestamp ts ? ts.toInstant() : (Instant) value;
  }

  /**
   * A party's approval of one version, as kept for proof.
   *
   * @param approvedBy the principal who approved (the token's subject, {@code @} the organization
   *     it acted for)
   */
  public record Approval(
      String organizationCode,
      long versionNumber,
      String sha256,
      String approvedBy,
      Instant approvedAt) {}

  /** One recorded version. */
  public record Version(
      long number, String change, String sha256, Instant createdAt, String snapshot) {}
}
