package org.eurasia.registry.events.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** This service's copies of joint ventures. */
@ApplicationScoped
public class VentureProjectionRepository
    implements PanacheRepositoryBase<VentureProjection, UUID> {}
