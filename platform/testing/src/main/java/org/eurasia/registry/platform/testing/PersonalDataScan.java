package org.eurasia.registry.platform.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Issue 24's proof that erasure reaches every copy: reads the service's schema from {@code
 * information_schema} and searches every text, character, JSON and array column of every table (the
 * outbox, change log, idempotency records and webhook deliveries among them) for values. A table
 * added later is searched without anyone listing it.
 */
public final class PersonalDataScan {

  private PersonalDataScan() {}

  /** The columns holding any of {@code values}, as {@code table.column holds value}. */
  @SuppressWarnings("unchecked")
  public static List<String> columnsHolding(EntityManager em, Collection<String> values) {
    List<Object[]> columns =
        em.createNativeQuery(
                "SELECT c.table_name, c.column_name FROM information_schema.columns c"
                    + " JOIN information_schema.tables t ON t.table_schema = c.table_schema"
                    + " AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'"
                    + " WHERE c.table_schema = current_schema() AND c.data_type IN ('text',"
                    + " 'character varying', 'character', 'json', 'jsonb', 'ARRAY')"
                    + " ORDER BY c.table_name, c.column_name")
            .getResultList();
    assertTrue(columns.size() > 20, "read the schema's columns: " + columns.size());
    List<String> found = new ArrayList<>();
    for (Object[] column : columns) {
      for (String value : values) {
        Number n =
            (Number)
                em.createNativeQuery(
                        "SELECT count(*) FROM \""
                            + column[0]
                            + "\" WHERE strpos(\""
                            + column[1]
                            + "\"::text, ?1) > 0")
                    .setParameter(1, value)
                    .getSingleResult();
        if (n.longValue() > 0) {
          found.add(column[0] + "." + column[1] + " holds " + value);
        }
      }
    }
    return found;
  }
}
