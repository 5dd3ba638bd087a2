package org.eurasia.registry.agreements.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.eurasia.registry.local.LocalBalancer;
import org.eurasia.registry.platform.testing.RunningSuite;
import org.junit.jupiter.api.Test;

/**
 * A rolling restart of two replicas under steady reads, as Kubernetes does it with maxUnavailable
 * 0: a new replica, then SIGTERM to an old one, twice. A local balancer stands in for the Service,
 * learning of a terminating replica only from its readiness, polled every second as the kubelet
 * does. With the shutdown delay (readiness DOWN while requests are still served) no request fails.
 */
class RollingRestartIT {

  static final String SERVICE = "agreements-service";
  static final Duration PROBE_PERIOD = Duration.ofSeconds(1);

  @Test
  void aRollingRestartUnderLoadFailsNoRequest() throws Exception {
    ConcurrentMap<Integer, LongAdder> statuses = roll("3s");
    long ok = statuses.getOrDefault(200, new LongAdder()).sum();
    assertTrue(ok > 200, "requests were served throughout: " + statuses);
    assertEquals(Map.of(200, ok), Map.copyOf(sums(statuses)), "every request succeeded");
  }

  /** Rolls the service under four reading clients; counts the statuses they saw. */
  static ConcurrentMap<Integer, LongAdder> roll(String shutdownDelay) throws Exception {
    ConcurrentMap<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    AtomicBoolean reading = new AtomicBoolean(true);
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try (RunningSuite suite = RunningSuite.create("rolling-restart");
        LocalBalancer balancer = LocalBalancer.start(0, PROBE_PERIOD)) {
      // Four clients read as fast as the replicas answer, all from one address: on Java 25 that
      // passed the per-address budget for reads without a token (100/s after a burst of 600), and
      // the limiter's 429s are not what this test is about (RateLimitTest checks them).
      suite.start(
          SERVICE,
          Path.of("").toAbsolutePath(),
          Map.of(
              "QUARKUS_SHUTDOWN_DELAY",
              shutdownDelay,
              "REGISTRY_RATE_LIMIT_ANONYMOUS_READS_BURST",
              "1000000",
              "REGISTRY_RATE_LIMIT_ANONYMOUS_READS_PER_SECOND",
              "1000000"));
      String a = SERVICE;
      String b = RunningSuite.replicaName(SERVICE, "b");
      balancer.add(a, suite.service(a));
      balancer.add(b, suite.startReplica(SERVICE, "b"));
      awaitRouted(balancer, List.of(a, b));

      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      HttpRequest read =
          HttpRequest.newBuilder(URI.create(balancer.baseUrl() + "/api/v1/organizations?limit=1"))
              .timeout(Duration.ofSeconds(10))
              .build();
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        running.add(
            clients.submit(
                () -> {
                  while (reading.get()) {
                    int status;
                    try {
                      status = http.send(read, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                      status = -1;
                    }
                    statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                  }
                  return null;
                }));
      }

      Thread.sleep(2000);
      String c = RunningSuite.replicaName(SERVICE, "c");
      balancer.add(c, suite.startReplica(SERVICE, "c"));
      awaitRouted(balancer, List.of(a, b, c));
      suite.terminate(a); // SIGTERM, and wait until the process has exited
      balancer.remove(a);
      String d = RunningSuite.replicaName(SERVICE, "d");
      balancer.add(d, suite.startReplica(SERVICE, "d"));
      awaitRouted(balancer, List.of(b, c, d));
      suite.terminate(b);
      balancer.remove(b);
      Thread.sleep(2000);

      reading.set(false);
      for (Future<?> client : running) {
        client.get(30, TimeUnit.SECONDS);
      }
    } finally {
      reading.set(false);
      clients.shutdownNow();
    }
    return statuses;
  }

  static void awaitRouted(LocalBalancer balancer, List<String> replicas)
      throws InterruptedException {
    for (int i = 0; i < 100 && !balancer.ready().equals(replicas.stream().sorted().toList()); i++) {
      Thread.sleep(100);
    }
    assertEquals(replicas.stream().sorted().toList(), balancer.ready(), "replicas routed to");
  }

  static Map<Integer, Long> sums(Map<Integer, LongAdder> statuses) {
    Map<Integer, Long> sums = new HashMap<>();
    statuses.forEach((status, count) -> sums.put(status, count.sum()));
    return sums;
  }
}
