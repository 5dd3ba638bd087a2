package org.eurasia.registry.platform.webhooks;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends one signed delivery to a receiver, asynchronously, and tells what came of it; never throws.
 * The target is checked again just before (a DNS change cannot make it internal), and redirects are
 * not followed (a redirect could lead anywhere).
 */
@ApplicationScoped
public class WebhookSender {

  public static final String CONTENT_TYPE = "application/cloudevents+json";
  private static final int MAX_ERROR = 2000;

  private final WebhooksConfig config;
  private final WebhookTargets targets;
  private final Clock clock;
  private final ExecutorService executor;
  private final HttpClient client;

  WebhookSender(WebhooksConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.targets =
        new WebhookTargets(
            config.allowedTargets().orElse(java.util.List.of()), config.requireHttps());
    this.executor =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "webhook-sender");
              thread.setDaemon(true);
              return thread;
            });
    this.client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(config.dispatcher().connectTimeout())
            .executor(executor)
            .build();
  }

  /** The guard, for checks at registration. */
  public WebhookTargets targets() {
    return targets;
  }

  /** What one attempt came to. */
  public record Outcome(Integer statusCode, int latencyMs, String error) {
    public boolean delivered() {
      return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    public boolean gone() {
      return statusCode != null && statusCode == 410;
    }
  }

  /**
   * Signs and POSTs {@code body} to {@code url}; completes with the outcome, never exceptionally.
   * The target check resolves the host, so it runs on the sender's threads, not the caller's.
   */
  public CompletableFuture<Outcome> send(String url, String secret, String messageId, String body) {
    long started = System.nanoTime();
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                targets.check(url);
                return (String) null;
              } catch (WebhookTargets.Refused refused) {
                return "Target refused, not called: the URL " + refused.getMessage();
              }
            },
            executor)
        .thenCompose(
            refusal ->
                refusal != null
                    ? CompletableFuture.completedFuture(new Outcome(null, 0, refusal))
                    : post(url, secret, messageId, body, started));
  }

  private CompletableFuture<Outcome> post(
      String url, String secret, String messageId, String body, long started) {
    long timestamp = clock.instant().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(config.dispatcher().requestTimeout())
            .header("content-type", CONTENT_TYPE)
            .header("user-agent", "eurasia-registry-webhooks/1")
            .header(WebhookSignature.ID, messageId)
            .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
            .header(
                WebhookSignature.SIGNATURE,
                WebhookSignature.sign(secret, messageId, timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .handle(
            (response, failure) -> {
              int latency = (int) ((System.nanoTime() - started) / 1_000_000);
              if (failure == null) {
                int status = response.statusCode();
                return new Outcome(
                    status,
                    latency,
                    status >= 200 && status < 300 ? null : "The receiver answered " + status);
              }
              return new Outcome(null, latency, describe(failure));
            });
  }

  private static String describe(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    String text =
        cause instanceof HttpTimeoutException
            ? "No answer in time (" + cause.getMessage() + ")"
            : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
  }

  @PreDestroy
  void close() {
    executor.shutdownNow();
  }
}
