package org.eurasia.registry.platform.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.type.descriptor.java.MutableMutabilityPlan;

/**
 * How Hibernate copies the value of a JSON column for its dirty check: a new list, map or set with
 * the same elements. Every JSON column of an entity names it, next to its {@code
 * JdbcTypeCode(SqlTypes.JSON)}: {@code @Mutability(JsonColumnCopy.class)}.
 *
 * <p>Why: Hibernate's own plan for a JSON column writes the value out as JSON and parses it back
 * each time it keeps a copy — when an entity is persisted, and when one is loaded in a writing
 * transaction (reads load read-only, see {@code ReadOnlyReads}). In the create benchmark's profile
 * that round trip was 35 % of persisting an organization, which has one JSON column; an agreement
 * has eleven, an event seven (bench/README, issue 23). Our JSON columns hold lists and maps of
 * values that cannot change (strings, UUIDs, numbers, enums, times, records of those), so a copy of
 * the container is as deep as the round trip: an element added to the entity's list in place still
 * differs from the copy at flush, and is written. The layering test of every service checks that
 * each JSON column names this plan and holds only such values; {@code JsonColumnsTest} that
 * Hibernate uses it.
 */
public final class JsonColumnCopy extends MutableMutabilityPlan<Object> {

  @Override
  protected Object deepCopyNotNull(Object value) {
    if (value instanceof List<?> list) {
      return new ArrayList<>(list);
    }
    if (value instanceof Map<?, ?> map) {
      return new LinkedHashMap<>(map);
    }
    if (value instanceof Set<?> set) {
      return new LinkedHashSet<>(set);
    }
    // A record or another value that cannot change: the value is its own copy.
    return value;
  }
}
