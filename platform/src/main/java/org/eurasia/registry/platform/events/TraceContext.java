package org.eurasia.registry.platform.events;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Carries W3C trace context across the outbox: the writing request's context is stored with the
 * outbox row, published as the event's {@code traceparent} (Kafka header {@code ce_traceparent}),
 * and a consumer continues the trace from it, so one trace spans REST call → outbox → consumer in
 * another service → that service's own events.
 */
public final class TraceContext {

  static final String TRACEPARENT = "traceparent";

  private static final TextMapGetter<Map<String, String>> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private TraceContext() {}

  /** The current span's {@code traceparent}, or null when nothing is being traced. */
  public static String current() {
    Map<String, String> carrier = new HashMap<>();
    W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
    return carrier.get(TRACEPARENT);
  }

  /**
   * The context a received event continues: its {@code traceparent}, or a new root when it has
   * none.
   */
  public static Context parentOf(String traceparent) {
    if (traceparent == null || traceparent.isBlank()) {
      return Context.root();
    }
    return W3CTraceContextPropagator.getInstance()
        .extract(Context.root(), Map.of(TRACEPARENT, traceparent), GETTER);
  }

  /**
   * Starts the span of consuming a record, continuing the producer's trace from the record's {@code
   * ce_traceparent} header: whatever the event causes (including events this service writes) joins
   * it. The caller makes it current and ends it.
   */
  static Span consumerSpan(Tracer tracer, ConsumerRecord<String, byte[]> record) {
    var header = record.headers().lastHeader("ce_" + TRACEPARENT);
    String traceparent = header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    return tracer
        .spanBuilder("consume " + record.topic())
        .setSpanKind(SpanKind.CONSUMER)
        .setParent(parentOf(traceparent))
        .setAttribute("messaging.system", "kafka")
        .setAttribute("messaging.destination.name", record.topic())
        .startSpan();
  }
}
