package org.eurasia.registry.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.eurasia.registry.local.KafkaBroker;
import org.eurasia.registry.local.PostgresServer;
import org.eurasia.registry.local.ServiceProcess;

/**
 * The whole suite at scale, each scenario next to the machine's own limit in the same run (issue
 * 8).
 *
 * <p>Starts an embedded PostgreSQL (data kept per scale under {@code bench/target}, so the data set
 * is generated once), a forked Kafka broker and the three packaged services with production JVM
 * options; loads the scaled data set with {@code psql} ({@code bench/data/*.sql}); then measures,
 * {@code runs} times each: read by id against {@code pgbench} selecting the same rows by primary
 * key at the same concurrency, creation with outbox against {@code pgbench} running the same
 * statements, filtered and full-text search latency (with the PostgreSQL plans the real requests
 * used, from {@code auto_explain}), relay throughput against Kafka's {@code ProducerPerformance}
 * with the same record size and {@code acks=all}, event latency at 200 writes/s, and start-up time
 * and memory. Load is driven by {@code wrk} (apt). Prints {@code RESULT} lines; {@code
 * bench/run.sh} turns them into RESULTS.md.
 */
public final class SuiteBenchmark {

  /** The seeded organization whose partner token reads the change feed. */
  static final String FEED_READER = "org15.edu.by";

  /** Connections (wrk and pgbench alike) for the throughput scenarios: four per core. */
  static final int CONCURRENCY = 8;

  /**
   * The pods' JVM (deploy/k8s service-config): a heap of ~35 % of 512 Mi starting at 64 MB, the
   * serial collector ergonomics picks for one CPU, a 64 MB code cache unloaded only once half of it
   * is new code. Started at 16 MB (a pod's 1/64 of its limit), the heap took 60–70 collections to
   * grow through a start, and each tenth of the code cache filled cost a full collection of 0.1–0.2
   * s: with these, 15–20 and none (bench/README, issue 23). The class archive (Java 25's AOT cache,
   * 125–130 MB) is mapped where it was written instead of at a random address: relocating it
   * dirtied every page: 67–85 MB less private memory, 51–55 MB more clean file pages (those in
   * use); 16–29 MB less resident after the load. MALLOC_ARENA_MAX=2 comes with the environment (see
   * start).
   */
  static final List<String> JVM =
      List.of(
          "-Xms64m",
          "-Xmx176m",
          "-XX:+UseSerialGC",
          "-XX:ReservedCodeCacheSize=64m",
          "-XX:SweeperThreshold=50",
          "-XX:+UnlockDiagnosticVMOptions",
          "-XX:ArchiveRelocationMode=0",
          "-XX:+ExitOnOutOfMemoryError");

  /**
   * A service under test; reads carry a registrar token (partner systems read with tokens, and 5 %
   * of the agreements are confidential).
   */
  record Service(
      String name,
      int port,
      String readPath,
      String schema,
      String table,
      String idPrefix,
      boolean needsToken) {}

  private final Path root;
  private final Path work;
  private final double scale;
  private final String scaleName;
  private final int seconds;
  private final int runs;
  private final java.util.Set<String> scenarios;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private String token;

  /**
   * A partner's token for a seeded organization (org15.edu.by): the change feed as partners read
   * it.
   */
  private String partnerToken;

  private Path publicKey;
  private PostgresServer postgres;
  private KafkaBroker kafka;
  private final Map<String, ServiceProcess> running = new LinkedHashMap<>();
  private final Map<String, Service> services = new LinkedHashMap<>();

  /**
   * The bare peer (bench/peer: the services' extensions, one entity): the yardstick for reads,
   * creates, start-up and memory.
   */
  private Service peer;

  SuiteBenchmark(Path root, String scale, int seconds, int runs, java.util.Set<String> scenarios) {
    this.scenarios = scenarios;
    this.root = root;
    this.scale = Double.parseDouble(scale);
    this.scaleName = new java.math.BigDecimal(scale).stripTrailingZeros().toPlainString();
    this.seconds = seconds;
    this.runs = runs;
    this.work = root.resolve("bench/target/suite-" + scaleName);
  }

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]).toAbsolutePath().normalize();
    String scale = args[1];
    int seconds = Integer.parseInt(args[2]);
    int runs = Integer.parseInt(args[3]);
    java.util.Set<String> scenarios =
        args.length > 4 && !args[4].isBlank()
            ? java.util.Set.of(args[4].split(","))
            : java.util.Set.of(
                "read",
                "create",
                "search",
                "feed",
                "relay",
                "event-latency",
                "webhook-latency",
                "startup");
    new SuiteBenchmark(root, scale, seconds, runs, scenarios).run();
  }

  void run() throws Exception {
    Files.createDirectories(work);
    deleteTree(work.resolve("kafka"));
    publicKey = work.resolve("public.pem");
    KeyPair keys = EventLatencyBenchmark.signingKeys(publicKey);
    token = EventLatencyBenchmark.token(keys);
    partnerToken =
        EventLatencyBenchmark.token(keys, "partner@org15.edu.by", "partner", FEED_READER);

    int pgPort = EventLatencyBenchmark.freePort();
    postgres =
        PostgresServer.start(
            work.resolve("postgres"),
            pgPort,
            Map.of(
                "shared_buffers",
                "2GB",
                "max_connections",
                "200",
                "effective_cache_size",
                "8GB",
                "work_mem",
                "16MB",
                "logging_collector",
                "on",
                "log_directory",
                "log",
                "log_filename",
                "postgresql.log",
                // auto_explain stays off (its default) until the plan phase switches it on with
                // ALTER SYSTEM: a value given on the
                // command line would outrank ALTER SYSTEM.
                "session_preload_libraries",
                "auto_explain"));
    kafka =
        KafkaBroker.start(
            work.resolve("kafka"),
            EventLatencyBenchmark.freePort(),
            EventLatencyBenchmark.freePort(),
            work.resolve("kafka.log"));
    try {
      peer =
          new Service(
              "bench-peer",
              EventLatencyBenchmark.freePort(),
              "/api/v1/items/",
              "peer",
              "item",
              "item",
              true);
      services.put(
          "agreements-service",
          new Service(
              "agreements-service",
              EventLatencyBenchmark.freePort(),
              "/api/v1/agreements/",
              "agreements",
              "agreement",
              "agreement",
              true));
      services.put(
          "exchange-service",
          new Service(
              "exchange-service",
              EventLatencyBenchmark.freePort(),
              "/api/v1/mobilities/",
              "exchange",
              "mobility",
              "mobility",
              true));
      services.put(
          "events-service",
          new Service(
              "events-service",
              EventLatencyBenchmark.freePort(),
              "/api/v1/events/",
              "events",
              "event",
              "event",
              true));
      for (Service s : services.values()) {
        start(s);
      }
      load();
      // The bare peer takes the same reads and creates after the services, so that the report
      // shows how near the framework itself comes to pgbench on this machine and in this hour.
      if (scenarios.contains("read")) {
        for (Service s : services.values()) {
          readById(s);
        }
        startPeer();
        readById(peer);
      }
      if (scenarios.contains("create")) {
        createWithOutbox();
        startPeer();
        createPeerItems();
      }
      if (scenarios.contains("search")) {
        search();
      }
      if (scenarios.contains("feed")) {
        feed();
      }
      if (scenarios.contains("relay")) {
        relay();
      }
      if (scenarios.contains("event-latency")) {
        eventLatency();
      }
      if (scenarios.contains("webhook-latency")) {
        webhookLatency();
      }
      if (scenarios.contains("startup")) {
        startupAndMemory();
      }
    } finally {
      for (ServiceProcess p : running.values()) {
        p.stop();
      }
      kafka.close();
      postgres.close();
    }
  }

  // --- set-up
  // ------------------------------------------------------------------------------------------------------

  /**
   * A start: process start → first successful API read, and how long that read itself took (the
   * rest is the process coming up until it listens and answers).
   */
  record Started(long millis, long firstReadMillis) {}

  private Started start(Service s) throws Exception {
    long begin = System.nanoTime();
    Map<String, String> environment = new LinkedHashMap<>(WebhookLatencyBenchmark.ENVIRONMENT);
    environment.put("REGISTRY_SEED_ENABLED", "false");
    environment.put("REGISTRY_RATE_LIMIT_ENABLED", "false");
    environment.put("MALLOC_ARENA_MAX", "2");
    ServiceProcess process =
        ServiceProcess.start(
            s.name(),
            root.resolve(s.name().equals("bench-peer") ? "bench/peer" : s.name()),
            s.port(),
            postgres.jdbcUrl(),
            kafka.bootstrapServers(),
            publicKey,
            work.resolve("logs/" + s.name() + ".log"),
            environment,
            jvm(s));
    running.put(s.name(), process);
    // Time to the first successful answer of the API itself (a read of the data), not just of the
    // health check.
    String probe =
        "http://127.0.0.1:"
            + s.port()
            + s.readPath().substring(0, s.readPath().length() - 1)
            + "?limit=1";
    long firstRead;
    while (true) {
      if (!process.process().isAlive()) {
        throw new IllegalStateException(
            s.name() + " exited; see " + work.resolve("logs/" + s.name() + ".log"));
      }
      try {
        HttpRequest.Builder request =
            HttpRequest.newBuilder(URI.create(probe)).timeout(Duration.ofSeconds(5));
        request.header("Authorization", "Bearer " + token);
        long sent = System.nanoTime();
        if (http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode()
            == 200) {
          firstRead = (System.nanoTime() - sent) / 1_000_000;
          break;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (System.nanoTime() - begin > TimeUnit.SECONDS.toNanos(180)) {
        throw new IllegalStateException(s.name() + " gave no successful answer within 180 s");
      }
      Thread.sleep(10);
    }
    long millis = (System.nanoTime() - begin) / 1_000_000;
    process.awaitReady(Duration.ofSeconds(60));
    return new Started(millis, firstRead);
  }

  /**
   * The production JVM options (BENCH_JVM replaces them, to try others), plus a JFR recording
   * (written when the service stops) when BENCH_JFR is set: the profile the issue asks for where a
   * target is missed, under the same load.
   */
  private List<String> jvm(Service s) {
    String other = System.getenv("BENCH_JVM");
    List<String> options =
        new ArrayList<>(other == null ? JVM : List.of(other.trim().split("\\s+")));
    if (System.getenv("BENCH_JFR") == null) {
      return options;
    }
    // Deep stacks: Quarkus REST + Hibernate go past JFR's default 64 frames, which hides the
    // resource method.
    options.add("-XX:FlightRecorderOptions:stackdepth=256");
    options.add(
        "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
            + work.resolve(s.name() + ".jfr"));
    return options;
  }

  private Connection sql() throws Exception {
    return DriverManager.getConnection(
        postgres.jdbcUrl(), PostgresServer.USER, PostgresServer.PASSWORD);
  }

  private int target(String table) {
    return switch (table) {
      case "agreement" -> Math.max(100, (int) (1_000_000 * scale));
      case "mobility" -> Math.max(500, (int) (5_000_000 * scale));
      default -> Math.max(100, (int) (200_000 * scale));
    };
  }

  /** Generates each service's data set once per scale (repeatable; kept in the data directory). */
  private void load() throws Exception {
    for (Service s : services.values()) {
      String last = s.idPrefix() + target(s.table());
      boolean present;
      try (Connection c = sql();
          PreparedStatement p =
              c.prepareStatement(
                  "SELECT EXISTS (SELECT 1 FROM "
                      + s.schema()
                      + "."
                      + s.table()
                      + " WHERE id = md5(?)::uuid)")) {
        p.setString(1, last);
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          present = rs.getBoolean(1);
        }
      }
      long begin = System.nanoTime();
      if (!present) {
        psql(root.resolve("bench/data/" + s.schema() + ".sql"));
      }
      try (Connection c = sql();
          Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT count(*), pg_total_relation_size('"
                      + s.schema()
                      + "."
                      + s.table()
                      + "') FROM "
                      + s.schema()
                      + "."
                      + s.table())) {
        rs.next();
        result(
            "data",
            "service",
            s.name(),
            "table",
            s.table(),
            "rows",
            rs.getLong(1),
            "mb",
            rs.getLong(2) / 1_048_576,
            "generated_s",
            present ? -1 : (System.nanoTime() - begin) / 1_000_000_000L);
      }
      writeReadPaths(s);
    }
    loadChangeLog();
  }

  /** Ids to read: a repeatable sample spread over the whole table. */
  private void writeReadPaths(Service s) throws Exception {
    int rows = target(s.table());
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      long n = 1 + (i * 2_654_435_761L) % rows;
      paths.add(s.readPath() + md5Uuid(s.idPrefix() + n));
    }
    Files.write(work.resolve("read-" + s.name() + ".txt"), paths);
  }

  /**
   * Starts the peer unless it runs, then fills its one table as the services' are (ids {@code
   * md5('item' || n)}), the rows of earlier runs kept; its migration made the table. Started only
   * once the services' own reads are measured, so that it does not idle beside them.
   */
  private void startPeer() throws Exception {
    if (running.containsKey(peer.name())) {
      return;
    }
    start(peer);
    try (Connection c = sql();
        Statement st = c.createStatement()) {
      st.execute(
          "INSERT INTO peer.item (id, name, created_at) SELECT md5('item' || n)::uuid,"
              + " 'Item ' || n, now() FROM generate_series(1, "
              + target(peer.table())
              + ") n ON CONFLICT DO NOTHING");
      st.execute("ANALYZE peer.item");
    }
    writeReadPaths(peer);
  }

  /**
   * agreements-service's change log: 10,000,000 entries at scale 1 (bench/data/changes.sql, after
   * the agreements it refers to). The script itself knows whether it ran already.
   */
  private void loadChangeLog() throws Exception {
    long begin = System.nanoTime();
    boolean present;
    try (Connection c = sql();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT to_regclass('agreements.bench_generated') IS NOT NULL")) {
      rs.next();
      present = rs.getBoolean(1);
    }
    psql(root.resolve("bench/data/changes.sql"));
    try (Connection c = sql();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT rows, pg_total_relation_size('agreements.change_log')"
                    + " FROM agreements.bench_generated WHERE data_set = 'change_log'")) {
      rs.next();
      result(
          "data",
          "service",
          "agreements-service",
          "table",
          "change_log",
          "rows",
          rs.getLong(1),
          "mb",
          rs.getLong(2) / 1_048_576,
          "generated_s",
          present ? -1 : (System.nanoTime() - begin) / 1_000_000_000L);
    }
  }

  private void psql(Path file) throws Exception {
    exec(
        Duration.ofHours(2),
        Map.of("PGPASSWORD", PostgresServer.PASSWORD),
        "psql",
        "-q",
        "-X",
        "-h",
        "127.0.0.1",
        "-p",
        Integer.toString(postgres.port()),
        "-U",
        PostgresServer.USER,
        "-d",
        PostgresServer.DATABASE,
        "-v",
        "scale=" + scaleName,
        "-f",
        file.toString());
  }

  /** The same UUID PostgreSQL's {@code md5(text)::uuid} gives. */
  static String md5Uuid(String text) throws Exception {
    byte[] d =
        java.security.MessageDigest.getInstance("MD5")
            .digest(text.getBytes(StandardCharsets.UTF_8));
    String hex = java.util.HexFormat.of().formatHex(d);
    return hex.substring(0, 8)
        + "-"
        + hex.substring(8, 12)
        + "-"
        + hex.substring(12, 16)
        + "-"
        + hex.substring(16, 20)
        + "-"
        + hex.substring(20);
  }

  // --- scenarios
  // ---------------------------------------------------------------------------------------------------

  /**
   * Read by id at {@link #CONCURRENCY} against pgbench's primary-key select, then latency at half
   * the service's rate.
   */
  private void readById(Service s) throws Exception {
    Path pgScript = work.resolve("read-" + s.name() + ".pgbench");
    Files.writeString(
        pgScript,
        "\\set n random(1, "
            + target(s.table())
            + ")\n"
            + "SELECT * FROM "
            + s.schema()
            + "."
            + s.table()
            + " WHERE id = md5('"
            + s.idPrefix()
            + "' || :n)::uuid;\n");
    Path paths = work.resolve("read-" + s.name() + ".txt");
    wrk(s, paths, CONCURRENCY, warmUp(), 0); // warm-up: JIT and caches
    List<Double> rates = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      long cpuBefore = cpuMs(s);
      Map<String, String> w = wrk(s, paths, CONCURRENCY, seconds, 0);
      double cpuPerRequest = (cpuMs(s) - cpuBefore) / Double.parseDouble(w.get("requests"));
      double limit = pgbench(pgScript, CONCURRENCY);
      double rate = Double.parseDouble(w.get("requests")) / Double.parseDouble(w.get("seconds"));
      rates.add(rate);
      result(
          "read",
          "service",
          s.name(),
          "run",
          run,
          "rps",
          round(rate),
          "pgbench_tps",
          round(limit),
          "ratio",
          round(rate / limit),
          "p99_ms",
          w.get("p99_ms"),
          "non2xx",
          w.get("non2xx"),
          "cpu_ms_per_req",
          round(cpuPerRequest));
    }
    double half = median(rates) / 2;
    for (int run = 1; run <= runs; run++) {
      // Each connection pauses between requests so that all of them together ask for about half the
      // maximum rate.
      int pause = (int) Math.max(1, Math.round(CONCURRENCY * 1000.0 / half));
      Map<String, String> w = wrk(s, paths, CONCURRENCY, seconds, pause);
      result(
          "read-half-load",
          "service",
          s.name(),
          "run",
          run,
          "target_rps",
          round(half),
          "rps",
          round(Double.parseDouble(w.get("requests")) / Double.parseDouble(w.get("seconds"))),
          "p50_ms",
          w.get("p50_ms"),
          "p99_ms",
          w.get("p99_ms"),
          "non2xx",
          w.get("non2xx"));
    }
  }

  /**
   * Organization registration with its outbox event, against pgbench running the same statements in
   * one transaction.
   */
  private void createWithOutbox() throws Exception {
    Service s = services.get("agreements-service");
    try (Connection c = sql();
        Statement st = c.createStatement()) {
      // pgbench writes its events into a twin of the outbox (same columns, indexes and NOTIFY
      // trigger) so that the
      // relay does not publish them to the consumers of registry.organizations.
      st.execute(
          "CREATE TABLE IF NOT EXISTS agreements.bench_outbox (LIKE agreements.outbox_event INCLUDING ALL)");
      st.execute(
          "CREATE OR REPLACE TRIGGER bench_outbox_inserted AFTER INSERT ON agreements.bench_outbox "
              + "FOR EACH STATEMENT EXECUTE FUNCTION agreements.outbox_event_notify()");
      // Since the change feed and webhooks (issue 21) a create also appends its change-log entry
      // and fans out to the webhook subscriptions that match: twins again, so that pgbench runs
      // the statements the service runs without feeding its change feed or its partners.
      st.execute(
          "CREATE TABLE IF NOT EXISTS agreements.bench_change_log (LIKE agreements.change_log INCLUDING ALL)");
      st.execute(
          "CREATE TABLE IF NOT EXISTS agreements.bench_webhook_delivery"
              + " (LIKE agreements.webhook_delivery INCLUDING ALL)");
    }
    String payload =
        "{\"organizationId\":\"00000000-0000-0000-0000-000000000000\",\"code\":\"x.edu.pk\",\"kind\":\"UNIVERSITY\","
            + "\"names\":{\"en\":\"Benchmark University\"},\"country\":\"PK\",\"parentId\":null,\"version\":0}";
    Path pgScript = work.resolve("create.pgbench");
    Files.writeString(
        pgScript,
        String.join(
            "\n",
            "\\set r random(1, 1000000000000)",
            "BEGIN;",
            "SELECT id FROM agreements.organization WHERE code = 'p' || :client_id || '-' || :r || '.edu.pk';",
            "INSERT INTO agreements.organization (id, code, kind, names, country, parent_id, version, created_at, updated_at) "
                + "VALUES (gen_random_uuid(), 'p' || :client_id || '-' || :r || '.edu.pk', 'UNIVERSITY', '{\"en\": \"Benchmark University\"}', 'PK', NULL, 0, now(), now());",
            "INSERT INTO agreements.bench_outbox (id, topic, aggregate_type, aggregate_id, aggregate_version, event_type, payload, occurred_at, trace_parent) "
                + "VALUES (gen_random_uuid(), 'registry.organizations', 'organization', gen_random_uuid()::text, 0, "
                + "'registry.organization.registered.v1', '"
                + payload
                + "', now(), NULL);",
            "INSERT INTO agreements.bench_change_log (recorded_at, actor_subject, actor_organization, actor_role, "
                + "operation, request_id, record_type, record_id, record_version, event_id, event_type, change, "
                + "tombstone, audience) VALUES (now(), 'bench', 'registry.local', 'registrar', "
                + "'POST /api/v1/organizations', gen_random_uuid()::text, 'organization', gen_random_uuid()::text, 0, "
                + "gen_random_uuid(), 'registry.organization.registered.v1', '"
                + payload
                + "', false, NULL);",
            "INSERT INTO agreements.bench_webhook_delivery (id, subscription_id, message_id, event_type, record_type, "
                + "record_id, body, status, next_attempt_at, created_at) SELECT gen_random_uuid(), s.id, "
                + "gen_random_uuid(), 'registry.organization.registered.v1', 'organization', 'x', '"
                + payload
                + "', 'PENDING', now(), now() FROM agreements.webhook_subscription s "
                + "WHERE s.status IN ('ACTIVE', 'PAUSED') AND EXISTS (SELECT 1 FROM unnest(s.event_types) t "
                + "WHERE 'registry.organization.registered.v1' LIKE replace(t, '*', '%'));",
            "COMMIT;",
            ""));
    creates(
        s,
        "/api/v1/organizations",
        "{\"code\":\"w{unique}.edu.pk\",\"kind\":\"UNIVERSITY\","
            + "\"names\":{\"en\":\"Benchmark University\"},\"country\":\"PK\"}",
        pgScript);
    awaitOutboxEmpty("agreements", Duration.ofMinutes(5));
  }

  /**
   * The peer's create (validation, one INSERT in a JTA transaction through Hibernate) against
   * pgbench's same INSERT in a transaction: how near a write through the framework alone comes to
   * the database on this machine.
   */
  private void createPeerItems() throws Exception {
    Path pgScript = work.resolve("create-peer.pgbench");
    Files.writeString(
        pgScript,
        String.join(
            "\n",
            "BEGIN;",
            "INSERT INTO peer.item (id, name, created_at) VALUES (gen_random_uuid(), 'Benchmark item', now());",
            "COMMIT;",
            ""));
    creates(peer, "/api/v1/items", "{\"name\":\"Item {unique}\"}", pgScript);
  }

  /**
   * Warm-up, then {@link #runs} measured runs of POSTs of {@code body} to {@code path} (bench/load/
   * create.lua: each "{unique}" in it made unique per request), each beside pgbench's script.
   */
  private void creates(Service s, String path, String body, Path pgScript) throws Exception {
    Path script = root.resolve("bench/load/create.lua");
    Map<String, String> post = Map.of("BENCH_POST_PATH", path, "BENCH_POST_BODY", body);
    wrkScript(
        s,
        token,
        script,
        null,
        CONCURRENCY,
        warmUp(),
        0,
        "warm" + UUID.randomUUID().toString().substring(0, 6),
        post);
    for (int run = 1; run <= runs; run++) {
      long cpuBefore = cpuMs(s);
      Map<String, String> w =
          wrkScript(
              s,
              token,
              script,
              null,
              CONCURRENCY,
              seconds,
              0,
              "r" + run + UUID.randomUUID().toString().substring(0, 6),
              post);
      double cpuPerRequest = (cpuMs(s) - cpuBefore) / Double.parseDouble(w.get("requests"));
      double limit = pgbench(pgScript, CONCURRENCY);
      double rate = Double.parseDouble(w.get("requests")) / Double.parseDouble(w.get("seconds"));
      result(
          "create",
          "service",
          s.name(),
          "run",
          run,
          "rps",
          round(rate),
          "pgbench_tps",
          round(limit),
          "ratio",
          round(rate / limit),
          "p99_ms",
          w.get("p99_ms"),
          "non2xx",
          w.get("non2xx"),
          "cpu_ms_per_req",
          round(cpuPerRequest));
    }
  }

  /**
   * Search pages one at a time (latency, not throughput), then the plans PostgreSQL chose for
   * exactly those requests.
   */
  private void search() throws Exception {
    Map<String, List<String>> queries = new LinkedHashMap<>();
    queries.put(
        "agreements-service/filtered",
        List.of(
            "/api/v1/agreements?country=PK&country=BY&limit=20",
                "/api/v1/agreements?status=IN_FORCE&field=ENERGY&limit=20",
            "/api/v1/agreements?framework=CPEC&kind=PROTOCOL&limit=20",
                "/api/v1/agreements?party=org15.edu.by&limit=20"));
    queries.put(
        "agreements-service/full-text",
        List.of(
            "/api/v1/agreements?q=solar&limit=20",
            "/api/v1/agreements?q=railways%20logistics&limit=20",
            "/api/v1/agreements?q=hydropower%20irrigation%20cooperation&limit=20"));
    queries.put(
        "exchange-service/filtered",
        List.of(
            "/api/v1/mobilities?institution=org17.edu.kz&limit=20",
            "/api/v1/programs?countryPair=PK-BY&limit=20",
            "/api/v1/mobilities?programId=" + md5Uuid("program7") + "&status=ACCEPTED&limit=20"));
    queries.put(
        "events-service/filtered",
        List.of(
            "/api/v1/events?country=PK&limit=20",
            "/api/v1/events?kind=WEBINAR&from=2027-01-01&limit=20",
            "/api/v1/events?organizer=org5.edu.kg&limit=20"));
    queries.put(
        "events-service/full-text",
        List.of("/api/v1/events?q=energy&limit=20", "/api/v1/events?q=railways%20trade&limit=20"));
    for (Map.Entry<String, List<String>> group : queries.entrySet()) {
      Service s = services.get(group.getKey().substring(0, group.getKey().indexOf('/')));
      Path paths = work.resolve("search-" + group.getKey().replace('/', '-') + ".txt");
      Files.write(paths, group.getValue());
      wrk(s, paths, 1, warmUp(), 0);
      for (int run = 1; run <= runs; run++) {
        Map<String, String> w = wrk(s, paths, 1, seconds, 0);
        result(
            "search",
            "group",
            group.getKey(),
            "run",
            run,
            "p50_ms",
            w.get("p50_ms"),
            "p95_ms",
            w.get("p95_ms"),
            "p99_ms",
            w.get("p99_ms"),
            "requests",
            w.get("requests"),
            "non2xx",
            w.get("non2xx"));
      }
    }
    // Plans: auto_explain logs the plan of every statement while switched on; each search request
    // is sent once.
    Path log = work.resolve("postgres/log/postgresql.log");
    long before = Files.exists(log) ? Files.size(log) : 0;
    setting("auto_explain.log_min_duration", "0");
    for (Map.Entry<String, List<String>> group : queries.entrySet()) {
      Service s = services.get(group.getKey().substring(0, group.getKey().indexOf('/')));
      for (String path : group.getValue()) {
        int status =
            http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
        System.out.println("PLAN-REQUEST " + status + " " + path);
      }
    }
    setting("auto_explain.log_min_duration", "-1");
    Thread.sleep(500);
    byte[] all = Files.readAllBytes(log);
    String added = new String(all, (int) before, all.length - (int) before, StandardCharsets.UTF_8);
    Files.writeString(work.resolve("plans.log"), added);
    System.out.println("PLANS " + work.resolve("plans.log"));
  }

  /**
   * Outbox rows inserted in one transaction, drained by the relay, against the raw producer on the
   * same broker.
   */
  private void relay() throws Exception {
    int records = Math.max(2_000, 1_000 * seconds);
    int size = 512;
    Properties admin = new Properties();
    admin.put("bootstrap.servers", kafka.bootstrapServers());
    try (Admin a = Admin.create(admin)) {
      a.createTopics(
              List.of(
                  new NewTopic("registry.bench-relay", 3, (short) 1),
                  new NewTopic("registry.bench-producer", 3, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException exists) {
      // topics kept from an earlier run of this scale
    }
    String payload = "{\"padding\":\"" + "x".repeat(size - 14) + "\"}";
    for (int run = 1; run <= runs; run++) {
      long begin;
      try (Connection c = sql()) {
        c.setAutoCommit(false);
        try (PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO agreements.outbox_event (id, topic, aggregate_type, aggregate_id, "
                    + "aggregate_version, event_type, payload, occurred_at) VALUES (gen_random_uuid(), 'registry.bench-relay', 'bench', ?, 0, "
                    + "'registry.bench.measured.v1', ?, now())")) {
          for (int i = 0; i < records; i++) {
            p.setString(1, UUID.randomUUID().toString());
            p.setString(2, payload);
            p.addBatch();
          }
          p.executeBatch();
        }
        c.commit();
        begin = System.nanoTime();
      }
      awaitOutboxEmpty("agreements", Duration.ofMinutes(10));
      double relayRate = records / ((System.nanoTime() - begin) / 1e9);
      String out =
          exec(
              Duration.ofMinutes(10),
              Map.of(),
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-Xmx512m",
              "-cp",
              System.getProperty("java.class.path"),
              "org.apache.kafka.tools.ProducerPerformance",
              "--topic",
              "registry.bench-producer",
              "--num-records",
              Integer.toString(records),
              "--record-size",
              Integer.toString(size),
              "--throughput",
              "-1",
              "--producer-props",
              "bootstrap.servers=" + kafka.bootstrapServers(),
              "acks=all",
              "enable.idempotence=true");
      Matcher m = Pattern.compile("([0-9.]+) records/sec").matcher(out);
      double raw = 0;
      while (m.find()) {
        raw = Double.parseDouble(m.group(1));
      }
      result(
          "relay",
          "run",
          run,
          "records",
          records,
          "record_bytes",
          size,
          "relay_per_s",
          round(relayRate),
          "producer_per_s",
          round(raw),
          "ratio",
          round(relayRate / raw));
    }
  }

  /**
   * The change feed over the whole log (10,000,000 entries at scale 1): pages of 100 after cursors
   * spread over all of it, as a partner (public entries and its own confidential ones), with one
   * connection and with {@link #CONCURRENCY}; all types, then one family.
   */
  private void feed() throws Exception {
    Service s = services.get("agreements-service");
    List<String> cursors = feedCursors(2_000);
    Map<String, String> groups = new LinkedHashMap<>();
    groups.put("all-types", "");
    groups.put("agreement-types", "&types=registry.agreement.*");
    for (Map.Entry<String, String> group : groups.entrySet()) {
      List<String> paths = new ArrayList<>();
      for (String cursor : cursors) {
        paths.add("/api/v1/changes?after=" + cursor + "&limit=100" + group.getValue());
      }
      Path file = work.resolve("feed-" + group.getKey() + ".txt");
      Files.write(file, paths);
      checkFeedPage(s, paths.get(paths.size() / 2));
      Path script = root.resolve("bench/load/paths.lua");
      wrkScript(s, partnerToken, script, file, 1, warmUp(), 0, "", Map.of());
      for (int connections : List.of(1, CONCURRENCY)) {
        for (int run = 1; run <= runs; run++) {
          Map<String, String> w =
              wrkScript(s, partnerToken, script, file, connections, seconds, 0, "", Map.of());
          result(
              "feed",
              "group",
              group.getKey(),
              "connections",
              connections,
              "run",
              run,
              "rps",
              round(Double.parseDouble(w.get("requests")) / Double.parseDouble(w.get("seconds"))),
              "p50_ms",
              w.get("p50_ms"),
              "p95_ms",
              w.get("p95_ms"),
              "p99_ms",
              w.get("p99_ms"),
              "non2xx",
              w.get("non2xx"));
        }
      }
    }
  }

  /**
   * Feed cursors ({@code base64url(txid U+001F position)}, as the platform's Cursor writes them) of
   * agreement entries spread evenly over their transaction ids, up to 99 % of the way so that every
   * page is full. Agreement entries only: the organizations that the create, event-latency and
   * webhook scenarios register, each in its own transaction, would otherwise stretch the range on
   * every run over kept data, until cursors fell where no agreement follows (an empty page for
   * {@code types=registry.agreement.*}).
   */
  private List<String> feedCursors(int count) throws Exception {
    List<String> cursors = new ArrayList<>(count);
    try (Connection c = sql();
        Statement st = c.createStatement()) {
      long first;
      long last;
      // Qualified names: a bare `txid` in ORDER BY would name the output column (the text),
      // sorting as text and without the index.
      String edge =
          "SELECT txid::text::bigint FROM agreements.change_log WHERE event_type IS NOT NULL"
              + " AND record_type = 'agreement'"
              + " ORDER BY change_log.txid %1$s, change_log.position %1$s LIMIT 1";
      try (ResultSet rs = st.executeQuery(String.format(edge, "ASC"))) {
        rs.next();
        first = rs.getLong(1);
      }
      try (ResultSet rs = st.executeQuery(String.format(edge, "DESC"))) {
        rs.next();
        last = rs.getLong(1);
      }
      try (PreparedStatement p =
          c.prepareStatement(
              "SELECT txid::text, position FROM agreements.change_log WHERE event_type IS NOT NULL"
                  + " AND record_type = 'agreement' AND txid >= ?::text::xid8"
                  + " ORDER BY change_log.txid, change_log.position LIMIT 1")) {
        for (int i = 0; i < count; i++) {
          p.setString(1, Long.toString(first + (long) ((last - first) * 0.99 * i / count)));
          try (ResultSet rs = p.executeQuery()) {
            rs.next();
            cursors.add(
                Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                        (rs.getString(1) + "\u001f" + rs.getLong(2))
                            .getBytes(StandardCharsets.UTF_8)));
          }
        }
      }
    }
    return cursors;
  }

  /**
   * One page read before measuring: a feed that answers errors or empty pages would measure nothing
   * (wrk counts non-2xx, not empty pages).
   */
  private void checkFeedPage(Service s, String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .header("Authorization", "Bearer " + partnerToken)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    int items =
        response.statusCode() == 200
            ? new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(response.body())
                .path("items")
                .size()
            : 0;
    System.out.println(
        "FEED-CHECK "
            + response.statusCode()
            + " items="
            + items
            + " bytes="
            + response.body().length()
            + " "
            + path);
    if (items == 0) {
      throw new IllegalStateException(
          "The change feed gave no page for "
              + path
              + ": "
              + response.statusCode()
              + " "
              + response.body());
    }
  }

  /**
   * Commit → a partner's receiver at 100 writes/s (issue 19), with the whole data set loaded: see
   * {@link WebhookLatencyBenchmark}.
   */
  private void webhookLatency() throws Exception {
    String baseUrl = "http://127.0.0.1:" + services.get("agreements-service").port();
    try (WebhookLatencyBenchmark.Receiver receiver =
        WebhookLatencyBenchmark.Receiver.subscribe(http, baseUrl, token)) {
      receiver.drive(50, warmUp());
      for (int run = 1; run <= runs; run++) {
        WebhookLatencyBenchmark.Result r = receiver.drive(100, seconds);
        result(
            "webhook-latency",
            "run",
            run,
            "writes",
            r.writes(),
            "failed",
            r.failed(),
            "delivered",
            r.delivered(),
            "missing",
            r.missing(),
            "duplicates",
            r.duplicates(),
            "bad_signatures",
            r.badSignatures(),
            "p50_ms",
            round(EventLatencyBenchmark.percentile(r.latencies(), 50)),
            "p99_ms",
            round(EventLatencyBenchmark.percentile(r.latencies(), 99)));
      }
    }
  }

  private void eventLatency() throws Exception {
    ServiceProcess agreements = running.get("agreements-service");
    EventLatencyBenchmark.drive(http, agreements, token, kafka.bootstrapServers(), 100, warmUp());
    for (int run = 1; run <= runs; run++) {
      EventLatencyBenchmark.Result r =
          EventLatencyBenchmark.drive(
              http, agreements, token, kafka.bootstrapServers(), 200, seconds);
      result(
          "event-latency",
          "run",
          run,
          "writes",
          r.writes(),
          "failed",
          r.failed(),
          "events",
          r.latencies().size(),
          "p50_ms",
          round(EventLatencyBenchmark.percentile(r.latencies(), 50)),
          "p99_ms",
          round(EventLatencyBenchmark.percentile(r.latencies(), 99)));
    }
  }

  /**
   * Resident memory of each warmed-up service (after all the load above), then start-up time over
   * restarts.
   */
  private void startupAndMemory() throws Exception {
    List<Service> loaded = new ArrayList<>(services.values());
    if (running.containsKey(peer.name())) {
      // The peer too when it took the reads and creates: its resident memory after the same load.
      loaded.add(peer);
    }
    for (Service s : loaded) {
      long pid = running.get(s.name()).process().pid();
      result("memory", "service", s.name(), "rss_mb", rssMb(pid));
      if (String.join(" ", jvm(s)).contains("NativeMemoryTracking")) {
        // Where the resident memory goes (heap, metaspace, code cache, threads...), for the memory
        // analysis.
        Files.writeString(
            work.resolve("nmt-" + s.name() + ".txt"),
            exec(
                    Duration.ofSeconds(30),
                    Map.of(),
                    Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid),
                    "VM.native_memory",
                    "summary")
                // Resident memory split into anonymous (heap, metaspace, malloc) and file-backed
                // pages (the jar, the CDS archive or AOT cache mapped from disk).
                + "\n"
                + Files.readString(Path.of("/proc/" + pid + "/smaps_rollup")));
      }
    }
    // The bare peer (bench/peer: the same extensions, one entity) is started the same way, in turn
    // with the services, so each run meets the machine in the same state.
    List<Service> measured = new ArrayList<>(services.values());
    measured.add(peer);
    if (!running.containsKey(peer.name())) {
      // Started once unmeasured, as the services were before the load: on Java 25 its first start
      // after a build is the AOT cache's training run.
      start(peer);
    }
    running.remove(peer.name()).stop();
    for (int run = 1; run <= runs; run++) {
      for (Service s : measured) {
        ServiceProcess previous = running.remove(s.name());
        if (previous != null) {
          // No request is in flight and the outbox is empty: what is measured is the shutdown
          // itself (the relay, the consumer, the pools), with no shutdown delay configured.
          Duration stopping = previous.stop();
          result(
              "shutdown",
              "service",
              s.name(),
              "run",
              run,
              "sigterm_to_exit_ms",
              stopping.toMillis());
        }
        Started started = start(s);
        result(
            "startup",
            "service",
            s.name(),
            "run",
            run,
            "first_response_ms",
            started.millis(),
            "first_read_ms",
            started.firstReadMillis(),
            "rss_after_start_mb",
            rssMb(running.get(s.name()).process().pid()));
      }
    }
  }

  /**
   * Seconds of warm-up before a measurement: 10, or the measurement's own length when that is
   * shorter (smoke runs).
   */
  /**
   * Seconds of load before a scenario's measured runs. Thirty at full length: the profile showed
   * the C2 compiler still taking a fifth of the service's CPU ten seconds into the load (two cores,
   * shared with wrk and PostgreSQL).
   */
  private int warmUp() {
    return Math.min(30, 3 * seconds);
  }

  // --- tools
  // -------------------------------------------------------------------------------------------------------

  private Map<String, String> wrk(
      Service s, Path paths, int connections, int duration, int pauseMillis) throws Exception {
    return wrkScript(
        s,
        s.needsToken() ? token : "",
        root.resolve("bench/load/paths.lua"),
        paths,
        connections,
        duration,
        pauseMillis,
        "",
        Map.of());
  }

  private Map<String, String> wrkScript(
      Service s,
      String bearer,
      Path script,
      Path paths,
      int connections,
      int duration,
      int pauseMillis,
      String run,
      Map<String, String> scriptEnvironment)
      throws Exception {
    Map<String, String> env = new LinkedHashMap<>(scriptEnvironment);
    env.put("BENCH_TOKEN", bearer);
    env.put("BENCH_DELAY_MS", Integer.toString(pauseMillis));
    env.put("BENCH_RUN", run);
    if (paths != null) {
      env.put("BENCH_PATHS", paths.toString());
    }
    String out =
        exec(
            Duration.ofSeconds(duration + 60L),
            env,
            "wrk",
            "-t",
            Integer.toString(Math.min(2, connections)),
            "-c",
            Integer.toString(connections),
            "-d",
            duration + "s",
            "--timeout",
            "10s",
            "-s",
            script.toString(),
            "http://127.0.0.1:" + s.port());
    Map<String, String> values = new LinkedHashMap<>();
    out.lines()
        .filter(l -> l.startsWith("BENCH "))
        .findFirst()
        .ifPresent(
            l -> {
              for (String kv : l.substring(6).trim().split(" ")) {
                values.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
              }
            });
    if (values.isEmpty()) {
      throw new IllegalStateException("wrk gave no result:\n" + out);
    }
    return values;
  }

  private double pgbench(Path script, int clients) throws Exception {
    String out =
        exec(
            Duration.ofSeconds(seconds + 60L),
            Map.of("PGPASSWORD", PostgresServer.PASSWORD),
            "pgbench",
            "-n",
            "-h",
            "127.0.0.1",
            "-p",
            Integer.toString(postgres.port()),
            "-U",
            PostgresServer.USER,
            "-c",
            Integer.toString(clients),
            "-j",
            "2",
            "-T",
            Integer.toString(seconds),
            "-f",
            script.toString(),
            PostgresServer.DATABASE);
    Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("pgbench gave no rate:\n" + out);
    }
    return Double.parseDouble(m.group(1));
  }

  private void setting(String name, String value) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/postgres",
                "postgres",
                "postgres");
        Statement st = c.createStatement()) {
      st.execute("ALTER SYSTEM SET " + name + " = '" + value + "'");
      st.execute("SELECT pg_reload_conf()");
    }
    Thread.sleep(300);
  }

  private void awaitOutboxEmpty(String schema, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Connection c = sql();
        Statement st = c.createStatement()) {
      while (System.nanoTime() < deadline) {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + schema + ".outbox_event")) {
          rs.next();
          if (rs.getLong(1) == 0) {
            return;
          }
        }
        Thread.sleep(20);
      }
    }
    throw new IllegalStateException("outbox of " + schema + " not drained within " + timeout);
  }

  /**
   * CPU time (user and system) the service's process has used so far, in milliseconds. Per request
   * it is the service's own cost, relay and background work included, whatever else shares the
   * machine — the figure to compare across code changes on a noisy machine, where rates move with
   * the neighbours.
   */
  private long cpuMs(Service s) throws IOException {
    String stat =
        Files.readString(Path.of("/proc/" + running.get(s.name()).process().pid() + "/stat"));
    // After "pid (command) ": state, ppid, …; utime and stime are the 14th and 15th fields.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / CLOCK_TICKS;
  }

  /** The kernel's clock ticks per second, the unit of /proc/<pid>/stat's times. */
  private static final long CLOCK_TICKS = clockTicks();

  private static long clockTicks() {
    try {
      return Long.parseLong(exec(Duration.ofSeconds(10), Map.of(), "getconf", "CLK_TCK").trim());
    } catch (Exception e) {
      return 100; // Linux's USER_HZ on every common architecture
    }
  }

  static long rssMb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }

  private static String exec(Duration timeout, Map<String, String> env, String... command)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process p = builder.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(command[0] + " timed out");
    }
    String text = new String(out, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", command) + " failed (" + p.exitValue() + "):\n" + text);
    }
    return text;
  }

  /** One {@code RESULT} line: the scenario, then name/value pairs in the order given. */
  private static void result(String scenario, Object... pairs) {
    StringBuilder line = new StringBuilder("RESULT scenario=" + scenario);
    for (int i = 0; i < pairs.length; i += 2) {
      line.append(' ').append(pairs[i]).append('=').append(pairs[i + 1]);
    }
    System.out.println(line);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static String round(double value) {
    return String.format(java.util.Locale.ROOT, "%.2f", value);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
