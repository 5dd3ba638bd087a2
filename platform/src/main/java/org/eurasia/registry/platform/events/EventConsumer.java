package org.eurasia.registry.platform.events;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.eurasia.registry.platform.concurrency.StopAware;
import org.jboss.logging.Logger;

/**
 * Consumes the topics in {@code registry.messaging.subscriptions} and hands each event to the
 * {@link EventHandler}s for its type, exactly once in effect ({@link ExactlyOnceDispatch}); the
 * offset is committed only after that transaction. An event that still fails after {@code
 * maxAttempts} (with exponential backoff) goes to the dead-letter topic ({@link DeadLetters}) and
 * the partition moves on. This class is the poll loop, the retries and the lifecycle; tracing
 * ({@link TraceContext}), reading the envelope ({@link ReceivedEvent#from}) and the meters ({@link
 * ConsumerMetrics}) are their own.
 */
@ApplicationScoped
public class EventConsumer {

  private static final Logger LOG = Logger.getLogger(EventConsumer.class);

  @Inject KafkaClients kafka;

  @Inject MessagingConfig config;

  @Inject ExactlyOnceDispatch dispatch;

  @Inject DeadLetters deadLetters;

  @Inject ConsumerMetrics metrics;

  @Inject Tracer tracer;

  private final AtomicBoolean running = new AtomicBoolean();
  private Thread thread;
  private volatile KafkaConsumer<String, byte[]> current;

  void onStart(@Observes StartupEvent event) {
    if (config.consumer().enabled()
        && config.subscriptions().filter(s -> !s.isEmpty()).isPresent()) {
      running.set(true);
      thread = new Thread(this::run, "event-consumer");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /**
   * Told first, with the other background loops (see {@code OutboxRelay.onStopping}); awaited in
   * {@link #onStop}.
   */
  void onStopping(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
    running.set(false);
    KafkaConsumer<String, byte[]> consumer = current;
    if (consumer != null) {
      // A poll can block well past its timeout (a rebalance in progress): wake it, so shutdown
      // does not wait for it. An event being applied is not interrupted; it is abandoned
      // uncommitted only between attempts (Delivery).
      consumer.wakeup();
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    onStopping(event);
    if (thread != null) {
      try {
        thread.join(Duration.ofSeconds(20).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Records behind the end of the subscribed partitions, as of the last poll. */
  public long lag() {
    return metrics.lag();
  }

  private void run() {
    List<String> topics = config.subscriptions().orElse(List.of());
    while (running.get()) {
      try (KafkaConsumer<String, byte[]> consumer = kafka.consumer();
          KafkaProducer<String, byte[]> deadLetterProducer = kafka.producer("dead-letters")) {
        current = consumer;
        consumer.subscribe(topics);
        LOG.infof("Consuming %s", topics);
        while (running.get()) {
          ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
          for (ConsumerRecord<String, byte[]> record : records) {
            if (!process(record, deadLetterProducer).mayCommit()) {
              // Shutdown came before the event was applied or dead-lettered: its offset (and the
              // rest of the batch) stays for the partition's next owner.
              break;
            }
            // The effect (or the dead letter) is durable: only now may the group move past this
            // record.
            consumer.commitSync(
                Map.of(
                    new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1)));
          }
          metrics.updateLag(consumer);
        }
      } catch (WakeupException e) {
        // Shutdown woke the poll (or the commit: that offset is committed by the next owner, and
        // the event found applied by its id).
        LOG.debug("Event consumer woken for shutdown");
      } catch (Exception e) {
        LOG.warnf("Event consumer stopped (%s); reconnecting", e.toString());
        sleep(Duration.ofSeconds(2));
      } finally {
        current = null;
      }
    }
  }

  private Delivery.Outcome process(
      ConsumerRecord<String, byte[]> record, KafkaProducer<String, byte[]> deadLetterProducer)
      throws Exception {
    Span span = TraceContext.consumerSpan(tracer, record);
    try (Scope ignored = span.makeCurrent()) {
      Delivery delivery =
          new Delivery(
              config.consumer().maxAttempts(),
              config.consumer().initialBackoff(),
              running::get,
              this::pause);
      Delivery.Outcome outcome =
          delivery.deliver(
              () -> metrics.applied(dispatch.apply(ReceivedEvent.from(record))),
              last -> {
                deadLetters.send(record, last, deadLetterProducer);
                metrics.deadLettered();
                LOG.warnf(
                    "Dead-lettered %s-%d@%d: %s",
                    record.topic(), record.partition(), record.offset(), last.toString());
              });
      if (outcome == Delivery.Outcome.ABANDONED) {
        LOG.infof(
            "Stopping before %s-%d@%d was applied; it will be read again",
            record.topic(), record.partition(), record.offset());
      }
      return outcome;
    } finally {
      span.end();
    }
  }

  /** Sleeps between attempts; false when interrupted, which means shutdown. */
  private boolean pause(Duration duration) {
    sleep(duration);
    return running.get();
  }

  private void sleep(Duration duration) {
    if (!StopAware.sleep(duration, running::get)) {
      running.set(false);
    }
  }
}
