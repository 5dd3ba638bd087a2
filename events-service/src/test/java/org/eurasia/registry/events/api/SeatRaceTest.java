package org.eurasia.registry.events.api;

import static org.eurasia.registry.events.api.EventsApi.as;
import static org.eurasia.registry.events.api.RegistrationResourceTest.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's race: capacity changes racing 500 registrations and a third of them cancelled, all
 * over HTTP against real PostgreSQL. The seats are checked at every commit, not only at the end: a
 * deferred constraint trigger (installed for this one event, dropped afterwards) runs as each
 * transaction commits — still holding the event's row lock, so what it counts is exactly the state
 * that commit leaves — and records the capacity, the confirmed and waiting counts, each promotion
 * and how many were waiting ahead of the one promoted. Bounded: 500 registrations, 60 capacity
 * changes (half of them closing the seats left, the others anywhere from 10 to 159), 3 minutes.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class SeatRaceTest {

  static final int REGISTRATIONS = 500;
  static final int CAPACITY_CHANGES = 60;
  static final Duration BOUND = Duration.ofMinutes(3);

  @Inject DataSource dataSource;

  /** One change to the event's seats as it committed. */
  record Commit(
      long seq,
      long transaction,
      String registration,
      String from,
      String to,
      Timestamp queuedAt,
      Integer capacity,
      long confirmed,
      long waiting,
      long waitingAhead) {

    boolean isPromotion() {
      return "WAITLISTED".equals(from) && "CONFIRMED".equals(to);
    }
  }

  private void sql(String... statements) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  private void installAudit(String event) throws SQLException {
    String counts =
        "e.capacity,"
            + " (SELECT count(*) FROM registration r WHERE r.event_id = e.id AND r.status = 'CONFIRMED'),"
            + " (SELECT count(*) FROM registration r WHERE r.event_id = e.id AND r.status = 'WAITLISTED')";
    sql(
        "CREATE TABLE seat_race_audit (seq BIGSERIAL PRIMARY KEY,"
            + " transaction BIGINT NOT NULL DEFAULT txid_current(), registration_id UUID, from_status TEXT,"
            + " to_status TEXT, queued_at TIMESTAMPTZ, capacity INTEGER, confirmed BIGINT, waiting BIGINT,"
            + " waiting_ahead BIGINT)",
        "CREATE FUNCTION seat_race_registration() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            + " INSERT INTO seat_race_audit (registration_id, from_status, to_status, queued_at, capacity,"
            + " confirmed, waiting, waiting_ahead) SELECT NEW.id,"
            + " CASE WHEN TG_OP = 'UPDATE' THEN OLD.status END, NEW.status, NEW.queued_at, "
            + counts
            + ", (SELECT count(*) FROM registration r WHERE r.event_id = e.id AND r.status = 'WAITLISTED'"
            + " AND (r.queued_at, r.id) < (NEW.queued_at, NEW.id))"
            + " FROM event e WHERE e.id = NEW.event_id; RETURN NULL; END $$",
        "CREATE FUNCTION seat_race_event() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            + " INSERT INTO seat_race_audit (capacity, confirmed, waiting, waiting_ahead) SELECT "
            + counts
            + ", 0 FROM event e WHERE e.id = NEW.id; RETURN NULL; END $$",
        "CREATE CONSTRAINT TRIGGER seat_race_registration AFTER INSERT OR UPDATE ON registration"
            + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.event_id = '"
            + UUID.fromString(event)
            + "') EXECUTE FUNCTION seat_race_registration()",
        "CREATE CONSTRAINT TRIGGER seat_race_event AFTER UPDATE ON event"
            + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.id = '"
            + UUID.fromString(event)
            + "') EXECUTE FUNCTION seat_race_event()");
  }

  private void removeAudit() throws SQLException {
    sql(
        "DROP TRIGGER IF EXISTS seat_race_registration ON registration",
        "DROP TRIGGER IF EXISTS seat_race_event ON event",
        "DROP FUNCTION IF EXISTS seat_race_registration()",
        "DROP FUNCTION IF EXISTS seat_race_event()",
        "DROP TABLE IF EXISTS seat_race_audit");
  }

  private List<Commit> commits() throws SQLException {
    List<Commit> commits = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT seq, transaction, registration_id, from_status, to_status, queued_at, capacity, confirmed,"
                    + " waiting, waiting_ahead FROM seat_race_audit ORDER BY seq")) {
      while (r.next()) {
        commits.add(
            new Commit(
                r.getLong(1),
                r.getLong(2),
                r.getString(3),
                r.getString(4),
                r.getString(5),
                r.getTimestamp(6),
                (Integer) r.getObject(7),
                r.getLong(8),
                r.getLong(9),
                r.getLong(10)));
      }
    }
    return commits;
  }

  @Test
  void capacityChangesRacingRegistrationsAndCancellationsNeverOversellAndKeepTheQueueOrder()
      throws Exception {
    String event = EventsApi.publishedWebinar(100, false);
    installAudit(event);
    try {
      race(event);
    } finally {
      removeAudit();
    }
  }

  private void race(String event) throws Exception {
    Random random = new Random(17);
    List<Callable<String>> calls = new ArrayList<>();
    for (int i = 0; i < REGISTRATIONS; i++) {
      String person = EventsApi.person(i);
      boolean cancels = i % 3 == 0;
      calls.add(
          () -> {
            Response registered = register(person, event);
            String outcome = "register " + registered.statusCode();
            if (cancels && registered.statusCode() == 201) {
              outcome +=
                  " cancel "
                      + as(person)
                          .post("/api/v1/registrations/" + registered.path("id") + "/cancellation")
                          .statusCode();
            }
            return outcome;
          });
    }
    for (int i = 0; i < CAPACITY_CHANGES; i++) {
      // Half the changes close the seats left (capacity = the confirmed seats just read): the
      // closest race with registrations in flight. The others move the capacity anywhere.
      boolean closesTheSeatsLeft = i % 2 == 0;
      int anywhere = 10 + random.nextInt(150);
      calls.add(
          () -> {
            Response current = as(EventsApi.ORGANIZER_TOKEN).get("/api/v1/events/" + event);
            int capacity =
                closesTheSeatsLeft
                    ? Math.max(1, current.<Integer>path("registration.confirmed"))
                    : anywhere;
            Response revised =
                EventsApi.reviseCapacity(event, capacity, false, current.header("ETag"));
            if (revised.statusCode() == 409) {
              assertEquals(capacity, (int) revised.path("capacity"), revised.asString());
            }
            return "capacity " + revised.statusCode();
          });
    }
    Collections.shuffle(calls, random);

    ExecutorService pool = Executors.newFixedThreadPool(32);
    Map<String, Long> outcomes = new TreeMap<>();
    try {
      List<Future<String>> futures = pool.invokeAll(calls, BOUND.toSeconds(), TimeUnit.SECONDS);
      for (Future<String> f : futures) {
        assertTrue(!f.isCancelled(), "every call finished within " + BOUND);
        outcomes.merge(f.get(), 1L, Long::sum);
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.println("Seat race outcomes: " + outcomes);
    Map<String, Long> allowed =
        outcomes.entrySet().stream()
            .filter(
                o ->
                    o.getKey().equals("register 201")
                        || o.getKey().equals("register 201 cancel 200")
                        || o.getKey().matches("capacity (200|409|412)"))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertEquals(allowed, outcomes, "no 5xx, no refusal but a capacity below the seats or a race");

    List<Commit> commits = commits();
    List<String> faults = new ArrayList<>();
    // Promotions of earlier transactions were queued before those of later ones (one
    // transaction may promote several: the order among those is the set's, checked by
    // waitingAhead).
    Timestamp promotedBefore = null;
    Timestamp promotedNow = null;
    long transaction = -1;
    int promotions = 0;
    for (Commit c : commits) {
      if (c.transaction() != transaction) {
        transaction = c.transaction();
        promotedBefore = promotedNow == null ? promotedBefore : promotedNow;
      }
      if (c.capacity() != null && c.confirmed() > c.capacity()) {
        faults.add("oversold: " + c);
      }
      if (c.waiting() > 0 && (c.capacity() == null || c.confirmed() < c.capacity())) {
        faults.add("a seat free while someone waits: " + c);
      }
      if (c.from() == null && "CONFIRMED".equals(c.to()) && c.waiting() > 0) {
        faults.add("a newcomer seated while someone waits: " + c);
      }
      if (c.isPromotion()) {
        promotions++;
        if (c.waitingAhead() > 0) {
          faults.add("promoted ahead of " + c.waitingAhead() + " waiting: " + c);
        }
        if (promotedBefore != null && !c.queuedAt().after(promotedBefore)) {
          faults.add("promoted out of queue order: " + c);
        }
        promotedNow =
            promotedNow == null || c.queuedAt().after(promotedNow) ? c.queuedAt() : promotedNow;
      }
    }
    System.out.printf(
        "Seat race: %d commits audited, %d promotions, %d faults%n",
        commits.size(), promotions, faults.size());
    faults.stream().limit(20).forEach(f -> System.out.println("SEAT " + f));
    assertEquals(List.of(), faults.stream().limit(10).toList());
    assertTrue(
        commits.size() >= REGISTRATIONS,
        "every registration's commit was audited: " + commits.size());
    assertTrue(promotions > 0, "the race promoted someone, or it proves nothing about the queue");

    // Each promotion was announced, once.
    long announced =
        KafkaProbe.collect(
                "registry.registrations",
                r ->
                    "registry.registration.promoted.v1".equals(KafkaProbe.header(r, "ce_type"))
                        && new String(r.value(), StandardCharsets.UTF_8).contains(event),
                promotions,
                Duration.ofSeconds(60),
                Duration.ofSeconds(2))
            .size();
    assertEquals(promotions, announced);
  }
}
