package org.eurasia.registry.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a service publishes and consumes domain events ({@code registry.messaging.*}); every key is
 * documented in the root README. The group was called {@code registry.events.*} until the events
 * service's own keys made {@code registry.events.topics.event} unreadable; the old names are still
 * honoured ({@link LegacyMessagingNames}).
 */
@ConfigMapping(prefix = MessagingConfig.PREFIX)
public interface MessagingConfig {

  String PREFIX = "registry.messaging";

  /** The CloudEvents {@code source} of this service's events, e.g. {@code /agreements-service}. */
  String source();

  /**
   * Topic for each aggregate type this service publishes, e.g. {@code
   * organization=registry.organizations}.
   */
  Map<String, String> topics();

  /** Topics this service consumes. */
  Optional<List<String>> subscriptions();

  /** Where events this service could not apply go, with the error in a header. */
  String deadLetterTopic();

  Relay relay();

  Consumer consumer();

  Provisioning provisioning();

  default String topicFor(String aggregateType) {
    String topic = topics().get(aggregateType);
    if (topic == null) {
      throw new IllegalStateException(
          "No topic configured for aggregate type '"
              + aggregateType
              + "': set "
              + PREFIX
              + ".topics."
              + aggregateType);
    }
    return topic;
  }

  /** The outbox relay. */
  interface Relay {
    /**
     * Off only for tests that drive the relay themselves, or for a replica that should never
     * publish.
     */
    @WithDefault("true")
    boolean enabled();

    @WithDefault("500")
    int batchSize();

    /**
     * Fallback poll when no commit notification arrives (NOTIFY wakes the relay at once otherwise).
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** Longest wait between attempts while Kafka refuses records. */
    @WithDefault("30s")
    Duration maxBackoff();

    /**
     * How long a relay may go without a word to PostgreSQL before its session (and with it the
     * relay lock) is ended by the server ({@code idle_session_timeout}): the bound on how long a
     * frozen or partitioned leader keeps leadership. The relay speaks at least every poll interval
     * and during every send, so this must exceed both {@code poll-interval} and {@code
     * send-timeout}.
     */
    @WithDefault("15s")
    Duration lease();

    /**
     * Longest a send may wait for the broker (metadata of its topic, a commit), so that one refused
     * record cannot hold the relay longer than this per attempt.
     */
    @WithDefault("10s")
    Duration sendTimeout();

    /**
     * Attempts after which a row the broker keeps refusing while it answers (topic missing or
     * denied, record too large) is parked with the later rows of its aggregate, so that the rest
     * keeps flowing. Attempts made while the broker is unreachable do not count.
     */
    @WithDefault("5")
    int parkAfterAttempts();
  }

  /** The consumer of other services' events. */
  interface Consumer {
    @WithDefault("true")
    boolean enabled();

    /** Attempts to apply one event before it goes to the dead-letter topic. */
    @WithDefault("5")
    int maxAttempts();

    @WithDefault("200ms")
    Duration initialBackoff();

    /**
     * How long the ids of applied events are kept ({@code processed_event}) to recognise
     * redeliveries. Must exceed the retention of every consumed topic (7 days by default), or a
     * consumer reset to the earliest offset would apply old events again; checked at start-up
     * against {@code provisioning.retention}.
     */
    @WithDefault("P30D")
    Duration processedRetention();

    /** How often each replica deletes the ids older than {@code processed-retention}. */
    @WithDefault("1h")
    Duration pruneInterval();
  }

  /**
   * Creating topics at start-up. Off in Kubernetes, where Strimzi KafkaTopic resources own them.
   */
  interface Provisioning {
    @WithDefault("true")
    boolean enabled();

    @WithDefault("3")
    int partitions();

    @WithDefault("1")
    short replicationFactor();

    @WithDefault("P7D")
    Duration retention();
  }
}
