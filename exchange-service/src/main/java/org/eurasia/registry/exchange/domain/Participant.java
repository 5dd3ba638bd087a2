package org.eurasia.registry.exchange.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The personal data behind a pseudonymous participant id: the minimum institutions need to identify
 * the person. Erasure deletes this row; mobilities keep the id, so statistics and history survive
 * without the person.
 */
@Entity
@Table(name = "participant")
public class Participant {

  @Id private UUID id;

  @Column(name = "given_name", nullable = false)
  private String givenName;

  @Column(name = "family_name", nullable = false)
  private String familyName;

  private String email;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Participant() {}

  public Participant(UUID id, String givenName, String familyName, String email, Instant now) {
    this.id = id;
    this.givenName = givenName;
    this.familyName = familyName;
    this.email = email;
    this.createdAt = now;
  }

  public UUID id() {
    return id;
  }

  public String givenName() {
    return givenName;
  }

  public String familyName() {
    return familyName;
  }

  public String email() {
    return email;
  }
}
