package org.eurasia.registry.platform.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.eurasia.registry.platform.reads.ReadCache;
import org.jboss.logging.Logger;

/**
 * Consumes the topics in {@code registry.events.subscriptions} and hands each event to the {@link
 * EventHandler}s for its type, exactly once in effect: the event id is recorded in {@code
 * processed_event} in the same transaction as the handlers' changes, and the offset is committed
 * only after that transaction. A redelivered event finds its id and changes nothing. An event that
 * still fails after {@code maxAttempts} (with exponential backoff) goes to the dead-letter topic
 * with the error in headers, and the partition moves on.
 */
@ApplicationScoped
public class EventConsumer {

  private static final Logger LOG = Logger.getLogger(EventConsumer.class);

  @Inject KafkaClients kafka;

  @Inject EventsConfig config;

  @Inject Instance<EventHandler> handlers;

  @Inject EntityManager em;

  @Inject ReadCache readCache;

  @Inject MeterRegistry metrics;

  @Inject Tracer tracer;

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicLong lag = new AtomicLong();
  private Thread thread;
  private Counter applied;
  private Counter duplicates;
  private Counter deadLettered;

  void onStart(@Observes StartupEvent event) {
    applied =
        Counter.builder("registry.events.consumed").tag("outcome", "applied").register(metrics);
    duplicates =
        Counter.builder("registry.events.consumed").tag("outcome", "duplicate").register(metrics);
    deadLettered =
        Counter.builder("registry.events.consumed")
            .tag("outcome", "dead-lettered")
            .register(metrics);
    Gauge.builder("registry.events.consumer.lag", lag, AtomicLong::get)
        .description("Records behind the end of the subscribed partitions")
        .register(metrics);
    if (config.consumer().enabled()
        && config.subscriptions().filter(s -> !s.isEmpty()).isPresent()) {
      running.set(true);
      thread = new Thread(this::run, "event-consumer");
      thread.setDaemon(true);
      thread.start();
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    if (running.getAndSet(false) && thread != null) {
      try {
        thread.join(Duration.ofSeconds(20).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  public long lag() {
    return lag.get();
  }

  private void run() {
    List<String> topics = config.subscriptions().orElse(List.of());
    while (running.get()) {
      try (KafkaConsumer<String, byte[]> consumer = kafka.consumer();
          KafkaProducer<String, byte[]> deadLetters = kafka.producer("dead-letters")) {
        consumer.subscribe(topics);
        LOG.infof("Consuming %s", topics);
        while (running.get()) {
          ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
          for (ConsumerRecord<String, byte[]> record : records) {
            if (!running.get()) {
              break;
            }
            process(record, deadLetters);
            // The effect (or the dead letter) is durable: only now may the group move past this
            // record.
            consumer.commitSync(
                Map.of(
                    new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1)));
          }
          updateLag(consumer);
        }
      } catch (Exception e) {
        LOG.warnf("Event consumer stopped (%s); reconnecting", e.toString());
        sleep(Duration.ofSeconds(2));
      }
    }
  }

  private void process(
      ConsumerRecord<String, byte[]> record, KafkaProducer<String, byte[]> deadLetters) {
    // Continue the producer's trace: whatever this event causes (including events this service
    // writes) joins it.
    Span span =
        tracer
            .spanBuilder("consume " + record.topic())
            .setSpanKind(SpanKind.CONSUMER)
            .setParent(TraceContext.parentOf(header(record, "ce_" + TraceContext.TRACEPARENT)))
            .setAttribute("messaging.system", "kafka")
            .setAttribute("messaging.destination.name", record.topic())
            .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      processTraced(record, deadLetters);
    } finally {
      span.end();
    }
  }

  private void processTraced(
      ConsumerRecord<String, byte[]> record, KafkaProducer<String, byte[]> deadLetters) {
    Duration backoff = config.consumer().initialBackoff();
    Exception last = null;
    for (int attempt = 1; attempt <= config.consumer().maxAttempts() && running.get(); attempt++) {
      try {
        ReceivedEvent event = read(record);
        boolean fresh = QuarkusTransaction.requiringNew().call(() -> applyOnce(event));
        (fresh ? applied : duplicates).increment();
        if (fresh) {
          readCache.invalidate();
        }
        return;
      } catch (Exception e) {
        last = e;
        LOG.debugf(
            "Attempt %d to apply %s-%d@%d failed: %s",
            attempt, record.topic(), record.partition(), record.offset(), e);
        if (attempt < config.consumer().maxAttempts()) {
          sleep(backoff);
          backoff = backoff.multipliedBy(2);
        }
      }
    }
    if (last != null) {
      deadLetter(record, last, deadLetters);
    }
  }

  /** Returns false when the event was applied before (a redelivery). */
  private boolean applyOnce(ReceivedEvent event) {
    int claimed =
        em.createNativeQuery(
                "INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
            .setParameter(1, event.topic())
            .setParameter(2, event.id())
            .executeUpdate();
    if (claimed == 0) {
      return false;
    }
    for (EventHandler handler : handlers) {
      if (handler.eventTypes().contains(event.type())) {
        handler.apply(event);
      }
    }
    return true;
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  static ReceivedEvent read(ConsumerRecord<String, byte[]> record) {
    CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
    Object version = event.getExtension("aggregateversion");
    Object aggregateType = event.getExtension("aggregatetype");
    return new ReceivedEvent(
        event.getId(),
        event.getType(),
        event.getSource().toString(),
        event.getSubject(),
        aggregateType == null ? null : aggregateType.toString(),
        version == null ? -1 : Long.parseLong(version.toString()),
        event.getTime(),
        record.topic(),
        event.getData() == null ? new byte[0] : event.getData().toBytes());
  }

  private void deadLetter(
      ConsumerRecord<String, byte[]> record,
      Exception error,
      KafkaProducer<String, byte[]> producer) {
    ProducerRecord<String, byte[]> letter =
        new ProducerRecord<>(config.deadLetterTopic(), record.key(), record.value());
    for (Header header : record.headers()) {
      letter.headers().add(header);
    }
    letter
        .headers()
        .add("dlt-error", bytes(error.getClass().getName() + ": " + error.getMessage()));
    letter.headers().add("dlt-original-topic", bytes(record.topic()));
    letter.headers().add("dlt-original-partition", bytes(Integer.toString(record.partition())));
    letter.headers().add("dlt-original-offset", bytes(Long.toString(record.offset())));
    try {
      producer.send(letter).get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      // Without the dead letter the record must not be skipped: fail the loop, which re-reads it
      // from the last commit.
      throw new IllegalStateException(
          "Cannot write to dead-letter topic " + config.deadLetterTopic(), e);
    }
    deadLettered.increment();
    LOG.warnf(
        "Dead-lettered %s-%d@%d after %d attempts: %s",
        record.topic(),
        record.partition(),
        record.offset(),
        config.consumer().maxAttempts(),
        error.toString());
  }

  private void updateLag(KafkaConsumer<String, byte[]> consumer) {
    long total = 0;
    for (TopicPartition partition : consumer.assignment()) {
      OptionalLong partitionLag = consumer.currentLag(partition);
      total += partitionLag.orElse(0);
    }
    lag.set(total);
  }

  private static byte[] bytes(String value) {
    return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
  }

  private void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.set(false);
    }
  }
}
