package org.eurasia.registry.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a Kubernetes Service does for a service's replicas on one machine: an HTTP front that sends
 * each request to one of the replicas whose readiness probe passed at its last poll, round robin.
 * Like the kubelet and the endpoints controller, it learns that a replica is going away only from
 * its readiness (polled every {@code probePeriod}), so a replica that stops answering before its
 * readiness has been seen DOWN costs requests: this is what a rolling restart test measures.
 * Requests are not retried; a replica that cannot be reached answers 502, no replica 503.
 */
public final class LocalBalancer implements AutoCloseable {

  private static final Set<String> HOP_BY_HOP =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding");

  private final HttpServer server;
  private final ExecutorService workers = Executors.newFixedThreadPool(16);
  private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor();
  // HTTP/1.1 to the replicas, as a gateway speaks to its backends unless told they talk h2c. Over
  // h2c, the JDK's client (seen with Java 25, not 17) loses a response now and then when a
  // terminating replica sends GOAWAY during its shutdown delay ("EOF reached while reading", the
  // replica logging "Stream was closed (GOAWAY error code = 0)"): quarkusio/quarkus#50975 found
  // the same client bug. With HTTP/1.1 the replica answers "Connection: close" instead.
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final Map<String, Backend> backends = new ConcurrentHashMap<>();
  private final AtomicLong next = new AtomicLong();

  private record Backend(String baseUrl, String managementUrl, boolean ready) {}

  private LocalBalancer(HttpServer server, Duration probePeriod) {
    this.server = server;
    server.createContext("/", this::forward);
    server.setExecutor(workers);
    server.start();
    prober.scheduleAtFixedRate(this::probe, 0, probePeriod.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Listens on 127.0.0.1:{@code port} (0: any free port), polling readiness every period. */
  public static LocalBalancer start(int port, Duration probePeriod) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 64);
    return new LocalBalancer(server, probePeriod);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A replica, routed to once its readiness has answered 200. */
  public void add(String name, ServiceProcess replica) {
    backends.put(name, new Backend(replica.baseUrl(), replica.managementUrl(), false));
  }

  /** A replica gone for good (its pod deleted). */
  public void remove(String name) {
    backends.remove(name);
  }

  /** The replicas requests go to now. */
  public List<String> ready() {
    return backends.entrySet().stream()
        .filter(e -> e.getValue().ready())
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  private void probe() {
    backends.forEach(
        (name, backend) -> {
          boolean ready = answersReady(backend);
          backends.computeIfPresent(
              name, (n, b) -> new Backend(b.baseUrl(), b.managementUrl(), ready));
        });
  }

  private boolean answersReady(Backend backend) {
    try {
      return http.send(
                  HttpRequest.newBuilder(URI.create(backend.managementUrl() + "/q/health/ready"))
                      .timeout(Duration.ofSeconds(1))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      List<Backend> ready = backends.values().stream().filter(Backend::ready).toList();
      if (ready.isEmpty()) {
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      Backend backend = ready.get((int) (next.getAndIncrement() % ready.size()));
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(backend.baseUrl() + exchange.getRequestURI()))
              .timeout(Duration.ofSeconds(30))
              .method(
                  exchange.getRequestMethod(),
                  body.length == 0
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
      exchange
          .getRequestHeaders()
          .forEach(
              (header, values) -> {
                if (!HOP_BY_HOP.contains(header.toLowerCase(Locale.ROOT))) {
                  values.forEach(v -> request.header(header, v));
                }
              });
      HttpResponse<byte[]> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        // Why, for whoever reads a failed rolling-restart test.
        System.err.printf("[balancer] 502: %s did not answer: %s%n", backend.baseUrl(), e);
        exchange.sendResponseHeaders(502, -1);
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.sendResponseHeaders(502, -1);
        return;
      }
      response
          .headers()
          .map()
          .forEach(
              (header, values) -> {
                if (!HOP_BY_HOP.contains(header.toLowerCase(Locale.ROOT))
                    && !header.startsWith(":")) {
                  exchange.getResponseHeaders().put(header, values);
                }
              });
      byte[] out = response.body();
      exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        exchange.getResponseBody().write(out);
      }
    }
  }

  @Override
  public void close() {
    prober.shutdownNow();
    server.stop(0);
    workers.shutdownNow();
  }
}
