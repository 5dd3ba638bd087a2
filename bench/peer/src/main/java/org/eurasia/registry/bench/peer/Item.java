package org.eurasia.registry.bench.peer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The peer's one entity: what a bare application reads, to compare the services' reads with. */
@Entity
@Table(name = "item")
public class Item extends PanacheEntityBase {

  @Id public UUID id;

  public String name;

  @Column(name = "created_at")
  public Instant createdAt;
}
