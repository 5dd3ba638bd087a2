package org.eurasia.registry.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A deployment written for the old {@code registry.events.*} names configures the same thing. */
class LegacyMessagingNamesTest {

  private static MessagingConfig read(Map<String, String> properties) {
    Map<String, String> all = new HashMap<>(properties);
    all.putIfAbsent("registry.messaging.source", "/test");
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withSources(new PropertiesConfigSource(all, "test", 100))
            .withInterceptors(new LegacyMessagingNames())
            // Quarkus' own reading of "30s", as the services get it.
            .withConverter(Duration.class, 200, new DurationConverter())
            .withMapping(MessagingConfig.class)
            .build();
    return config.getConfigMapping(MessagingConfig.class);
  }

  @Test
  void oldNamesStillConfigureValuesAndMaps() {
    MessagingConfig config =
        read(
            Map.of(
                "registry.events.dead-letter-topic", "registry.dlt.old",
                "registry.events.topics.event", "registry.events",
                "registry.events.relay.max-backoff", "2s",
                "registry.events.subscriptions", "registry.agreements,registry.programs"));

    assertEquals("registry.dlt.old", config.deadLetterTopic());
    assertEquals(Map.of("event", "registry.events"), config.topics());
    assertEquals(Duration.ofSeconds(2), config.relay().maxBackoff());
    assertEquals(
        java.util.List.of("registry.agreements", "registry.programs"),
        config.subscriptions().orElseThrow());
  }

  @Test
  void theNewNameWinsWhenBothAreSet() {
    MessagingConfig config =
        read(
            Map.of(
                "registry.messaging.dead-letter-topic", "registry.dlt.new",
                "registry.events.dead-letter-topic", "registry.dlt.old",
                "registry.messaging.topics.registration", "registry.registrations",
                "registry.events.topics.registration", "registry.old-registrations"));

    assertEquals("registry.dlt.new", config.deadLetterTopic());
    assertEquals("registry.registrations", config.topics().get("registration"));
  }

  @Test
  void anOldNameInTheEnvironmentStillOverridesTheNewNameInApplicationProperties() {
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withSources(
                new PropertiesConfigSource(
                    Map.of(
                        "registry.messaging.source", "/test",
                        "registry.messaging.dead-letter-topic", "registry.dlt.packaged"),
                    "application.properties",
                    250),
                new PropertiesConfigSource(
                    Map.of("registry.events.dead-letter-topic", "registry.dlt.operator"),
                    "environment",
                    300))
            .withInterceptors(new LegacyMessagingNames())
            .withConverter(Duration.class, 200, new DurationConverter())
            .withMapping(MessagingConfig.class)
            .build();

    assertEquals(
        "registry.dlt.operator", config.getConfigMapping(MessagingConfig.class).deadLetterTopic());
  }

  @Test
  void newNamesAloneNeedNothingOld() {
    MessagingConfig config =
        read(
            Map.of(
                "registry.messaging.dead-letter-topic", "registry.dlt.new",
                "registry.messaging.topics.program", "registry.programs"));

    assertEquals("registry.dlt.new", config.deadLetterTopic());
    assertEquals(Map.of("program", "registry.programs"), config.topics());
    assertEquals(Duration.ofSeconds(30), config.relay().maxBackoff());
  }
}
