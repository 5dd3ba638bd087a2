package org.eurasia.registry.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eurasia.registry.platform.persistence.JsonColumnCopy;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.junit.jupiter.api.Test;

/**
 * Hibernate copies every JSON column of the service's entities with {@link JsonColumnCopy}, not by
 * writing it out as JSON and parsing it back. The layering test checks that each column names the
 * plan; this checks, in the running application, that Hibernate took it: a mapping that ignored the
 * annotation would pass the first and fail here.
 */
public abstract class JsonColumnsTest {

  @Inject SessionFactory sessionFactory;

  @Test
  void everyJsonColumnIsCopiedAsAValue() {
    List<String> columns = new ArrayList<>();
    List<String> roundTrips = new ArrayList<>();
    sessionFactory
        .unwrap(SessionFactoryImplementor.class)
        .getMappingMetamodel()
        .forEachEntityDescriptor(
            entity ->
                entity.forEachAttributeMapping(
                    attribute -> {
                      if (!(attribute instanceof BasicValuedModelPart basic)
                          || !basic.getJdbcMapping().getJdbcType().isJson()) {
                        return;
                      }
                      String column = entity.getEntityName() + "." + attribute.getAttributeName();
                      columns.add(column);
                      if (!(attribute.getAttributeMetadata().getMutabilityPlan()
                          instanceof JsonColumnCopy)) {
                        roundTrips.add(column);
                      }
                    }));
    assertTrue(columns.size() > 0, "no entity of this service has a JSON column");
    assertEquals(List.of(), roundTrips, "JSON columns Hibernate copies by a JSON round trip");
  }
}
