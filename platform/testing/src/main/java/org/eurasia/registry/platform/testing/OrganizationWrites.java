package org.eurasia.registry.platform.testing;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client that keeps writing to agreements-service while a test does harm to it: each thread
 * registers organizations and renames them, one write at a time, and remembers which writes were
 * acknowledged (2xx) with the version they produced. A write whose answer never came (the process
 * died under it) is counted as lost and its organization read again before the next rename, so the
 * next write names the right version.
 */
public final class OrganizationWrites implements AutoCloseable {

  private final RunningSuite suite;
  private final String replica;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Thread> threads = new ArrayList<>();
  private final Map<String, Set<Long>> acknowledged = new ConcurrentHashMap<>();
  private final AtomicInteger unanswered = new AtomicInteger();

  private OrganizationWrites(RunningSuite suite, String replica) {
    this.suite = suite;
    this.replica = replica;
  }

  /** Starts {@code clients} writing threads against one replica of agreements-service. */
  public static OrganizationWrites start(RunningSuite suite, String replica, int clients) {
    OrganizationWrites writes = new OrganizationWrites(suite, replica);
    for (int i = 0; i < clients; i++) {
      Thread thread = new Thread(writes::write, "organization-writes-" + i);
      thread.setDaemon(true);
      writes.threads.add(thread);
      thread.start();
    }
    return writes;
  }

  /** Each organization written with a 2xx answer, and the versions those answers named. */
  public Map<String, Set<Long>> acknowledged() {
    return Map.copyOf(acknowledged);
  }

  public int acknowledgedCount() {
    return acknowledged.values().stream().mapToInt(Set::size).sum();
  }

  /** Writes sent whose answer never came: committed or not, nobody told the client. */
  public int unanswered() {
    return unanswered.get();
  }

  /** Stops writing and waits for the writes in flight. */
  @Override
  public void close() throws InterruptedException {
    running.set(false);
    for (Thread thread : threads) {
      thread.join(30_000);
    }
  }

  private void write() {
    String id = null;
    long version = -1;
    int renames = 0;
    while (running.get()) {
      try {
        if (id == null || renames >= 4) {
          String code = "w" + UUID.randomUUID().toString().substring(0, 8) + ".edu.pk";
          Response created =
              request()
                  .body(
                      Map.of(
                          "code",
                          code,
                          "kind",
                          "UNIVERSITY",
                          "names",
                          Map.of("en", "Written " + code),
                          "country",
                          "PK"))
                  .post("/api/v1/organizations");
          if (created.statusCode() == 201) {
            id = created.path("id");
            version = 0;
            renames = 0;
            acknowledge(id, version);
          } else {
            pause();
          }
        } else if (version < 0) {
          // The last answer was lost: read what the service has now.
          Response read = request().get("/api/v1/organizations/" + id);
          if (read.statusCode() == 200) {
            version = Long.parseLong(read.header("ETag").replace("\"", "").replace("W/", ""));
          } else {
            pause();
          }
        } else {
          Response renamed =
              request()
                  .header("If-Match", "\"" + version + "\"")
                  .body(
                      Map.of(
                          "kind",
                          "UNIVERSITY",
                          "names",
                          Map.of("en", "Renamed " + (version + 1)),
                          "country",
                          "PK"))
                  .put("/api/v1/organizations/" + id);
          renames++;
          if (renamed.statusCode() == 200) {
            version++;
            acknowledge(id, version);
          } else {
            // 412: an earlier unanswered write did commit; 5xx: shutting down. Read again.
            version = -1;
            pause();
          }
        }
      } catch (Exception e) {
        // RestAssured rethrows I/O exceptions undeclared. Refused: the service is down and nothing
        // was sent. Reset or timed out: it died under the request, which may have committed.
        if (!(e instanceof ConnectException)) {
          unanswered.incrementAndGet();
        }
        version = -1;
        pause();
      }
    }
  }

  private RequestSpecification request() {
    return suite.asRegistrar(replica).config(RunningSuite.WRITE_TIMEOUTS);
  }

  private void acknowledge(String id, long version) {
    acknowledged.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(version);
  }

  private static void pause() {
    try {
      Thread.sleep(100 + ThreadLocalRandom.current().nextInt(100));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
