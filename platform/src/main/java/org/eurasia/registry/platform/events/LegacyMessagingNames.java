package org.eurasia.registry.platform.events;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Keeps deployments that still say {@code registry.events.*} (or {@code REGISTRY_EVENTS_*}) working
 * after the group became {@code registry.messaging.*}: a key missing under the new name is looked
 * up under the old one, and every old key is also listed under the new name so that maps such as
 * {@code topics} find their entries. When both are set the stronger source wins (the environment
 * over application.properties over defaults), the new name within one source. Registered through
 * {@code META-INF/services/io.smallrye.config.ConfigSourceInterceptor}.
 */
@Priority(Priorities.LIBRARY + 400)
public class LegacyMessagingNames implements ConfigSourceInterceptor {

  static final String OLD = "registry.events.";
  static final String NEW = MessagingConfig.PREFIX + ".";

  @Override
  public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
    ConfigValue value = context.proceed(name);
    if (!name.startsWith(NEW)) {
      return value;
    }
    ConfigValue old = context.proceed(OLD + name.substring(NEW.length()));
    // The stronger source wins, as it would for one name: REGISTRY_EVENTS_RELAY_LEASE in the
    // environment still overrides application.properties, and anything overrides a default.
    if (old != null
        && (value == null || old.getConfigSourceOrdinal() > value.getConfigSourceOrdinal())) {
      return old.withName(name);
    }
    return value;
  }

  @Override
  public Iterator<String> iterateNames(ConfigSourceInterceptorContext context) {
    Set<String> names = new LinkedHashSet<>();
    context
        .iterateNames()
        .forEachRemaining(
            name -> {
              names.add(name);
              if (name.startsWith(OLD)) {
                names.add(NEW + name.substring(OLD.length()));
              }
            });
    return names.iterator();
  }
}
