package org.eurasia.registry.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole suite on one machine with nothing but a JDK: an embedded PostgreSQL whose data survives restarts, a
 * single-node KRaft Kafka broker in a child JVM, and the three services as child JVMs pointed at both, with their demo
 * data. It stays in the foreground; on Ctrl-C or SIGTERM it stops everything it started, services first.
 *
 * <p>Ports and folders come from the environment (see deploy/local/README.md); a port already in use is refused up
 * front with its name, rather than failing half-way.
 */
public final class LocalStack {

  private final Path root;
  private final Path home;
  private final Map<String, Integer> ports = new LinkedHashMap<>();
  private final List<Process> children = new ArrayList<>();
  private EmbeddedPostgres postgres;
  private volatile boolean stopping;
  private Path kafkaLogging;

  private LocalStack(Path root) {
    this.root = root;
    this.home = root.resolve("deploy/local");
    ports.put("PostgreSQL (REGISTRY_PG_PORT)", intEnv("REGISTRY_PG_PORT", 5433));
    ports.put("Kafka (REGISTRY_KAFKA_PORT)", intEnv("REGISTRY_KAFKA_PORT", 9092));
    ports.put("Kafka controller (REGISTRY_KAFKA_CONTROLLER_PORT)", intEnv("REGISTRY_KAFKA_CONTROLLER_PORT", 9093));
    ports.put("agreements-service (REGISTRY_AGREEMENTS_PORT)", intEnv("REGISTRY_AGREEMENTS_PORT", 8081));
    ports.put("exchange-service (REGISTRY_EXCHANGE_PORT)", intEnv("REGISTRY_EXCHANGE_PORT", 8082));
    ports.put("events-service (REGISTRY_EVENTS_PORT)", intEnv("REGISTRY_EVENTS_PORT", 8083));
  }

  public static void main(String[] args) throws Exception {
    LocalStack stack = new LocalStack(Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize());
    Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-stop"));
    try {
      stack.start();
    } catch (Exception e) {
      System.err.println("Local stack failed to start: " + e.getMessage());
      stack.stop();
      System.exit(1);
    }
    // Foreground until a signal runs the shutdown hook, or until a child dies unexpectedly.
    while (!stack.stopping) {
      for (Process child : stack.children) {
        if (!child.isAlive() && !stack.stopping) {
          System.err.println("A child process exited with " + child.exitValue() + "; see deploy/local/.logs. Stopping.");
          System.exit(2);
        }
      }
      Thread.sleep(1000);
    }
  }

  private void start() throws Exception {
    refuseTakenPorts();
    Path logs = Files.createDirectories(home.resolve(".logs"));
    Path data = Files.createDirectories(home.resolve(".data"));
    Instant began = Instant.now();

    int pgPort = port("PostgreSQL");
    postgres = startPostgres(data.resolve("postgres"), pgPort);
    say("PostgreSQL 17 ready on 127.0.0.1:%d (data in %s)", pgPort, root.relativize(data.resolve("postgres")));

    int kafkaPort = port("Kafka (");
    startKafka(data.resolve("kafka"), kafkaPort, port("Kafka controller"), logs.resolve("kafka.log"));
    say("Kafka ready on 127.0.0.1:%d", kafkaPort);

    Path publicKey = home.resolve(".keys/public.pem");
    if (!Files.exists(publicKey)) {
      throw new IllegalStateException("No signing key at " + publicKey + "; run deploy/local/token.sh once");
    }
    Map<String, Integer> services = new LinkedHashMap<>();
    services.put("agreements-service", port("agreements-service"));
    services.put("exchange-service", port("exchange-service"));
    services.put("events-service", port("events-service"));
    for (Map.Entry<String, Integer> service : services.entrySet()) {
      startService(service.getKey(), service.getValue(), pgPort, kafkaPort, publicKey, logs);
    }
    for (Map.Entry<String, Integer> service : services.entrySet()) {
      awaitReady(service.getKey(), service.getValue(), Duration.ofSeconds(180));
    }
    say("All services ready in %d s. Swagger UI:", Duration.between(began, Instant.now()).toSeconds());
    services.forEach((name, port) -> say("  %-20s http://127.0.0.1:%d/q/swagger-ui", name, port));
    say("Get a token: deploy/local/token.sh qau.edu.pk partner   (or: registry.local registrar)");
    say("Logs in deploy/local/.logs; Ctrl-C stops everything.");
  }

  private EmbeddedPostgres startPostgres(Path dataDir, int port) throws IOException, SQLException {
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setPort(port)
            .setDataDirectory(dataDir)
            // Keep the data between runs: the local stack is for exploring, and a restart must not lose what was typed.
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            .start();
    try (Connection c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"));
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = 'registry'")) {
        if (!rs.next()) {
          s.execute("CREATE ROLE registry LOGIN PASSWORD 'registry'");
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'registry'")) {
        if (!rs.next()) {
          s.execute("CREATE DATABASE registry OWNER registry");
        }
      }
    }
    return pg;
  }

  private void startKafka(Path dataDir, int port, int controllerPort, Path log) throws Exception {
    Files.createDirectories(dataDir);
    Path properties = dataDir.resolve("server.properties");
    Files.writeString(
        properties,
        String.join(
            "\n",
            "process.roles=broker,controller",
            "node.id=1",
            "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
            "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
            "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
            "controller.listener.names=CONTROLLER",
            "inter.broker.listener.name=PLAINTEXT",
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "log.dirs=" + dataDir.resolve("logs"),
            "num.partitions=3",
            "offsets.topic.replication.factor=1",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "group.initial.rebalance.delay.ms=0",
            // Services create their topics with explicit partitions and retention; typos must not create others.
            "auto.create.topics.enable=false",
            ""));
    Path logging = dataDir.resolve("log4j2.properties");
    Files.writeString(
        logging,
        String.join(
            "\n",
            "appender.out.type=Console",
            "appender.out.name=out",
            "appender.out.layout.type=PatternLayout",
            "appender.out.layout.pattern=%d{ISO8601} %-5p [%c{1}] %m%n",
            "rootLogger.level=WARN",
            "rootLogger.appenderRef.out.ref=out",
            "logger.server.name=kafka.server.KafkaRaftServer",
            "logger.server.level=INFO",
            ""));
    kafkaLogging = logging;
    if (!Files.exists(dataDir.resolve("logs/meta.properties"))) {
      Process format =
          java("kafka.tools.StorageTool", List.of("format", "-t", "registry-local-cluster0", "-c", properties.toString(), "--ignore-formatted"), log, "256m")
              .start();
      if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
        throw new IllegalStateException("Formatting Kafka storage failed; see " + log);
      }
    }
    Process broker = java("kafka.Kafka", List.of(properties.toString()), log, "512m").start();
    children.add(broker);
    awaitPort(port, Duration.ofSeconds(90), broker, "Kafka");
  }

  private void startService(String name, int port, int pgPort, int kafkaPort, Path publicKey, Path logs)
      throws IOException {
    Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing; build with ./mvnw -DskipTests package");
    }
    ProcessBuilder builder =
        new ProcessBuilder(javaBin(), "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()));
    Map<String, String> env = builder.environment();
    env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + pgPort + "/registry");
    env.put("QUARKUS_DATASOURCE_USERNAME", "registry");
    env.put("QUARKUS_DATASOURCE_PASSWORD", "registry");
    env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + kafkaPort);
    env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toUri().toString());
    env.put("REGISTRY_SEED_ENABLED", "true");
    children.add(builder.start());
  }

  private void awaitReady(String name, int port, Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          say("%s ready on http://127.0.0.1:%d", name, port);
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(name + " not ready after " + timeout.toSeconds() + " s; see deploy/local/.logs/" + name + ".log");
  }

  /** Stops services first (they flush their outbox batch), then Kafka, then PostgreSQL. */
  private synchronized void stop() {
    if (stopping) {
      return;
    }
    stopping = true;
    say("Stopping...");
    List<Process> reversed = new ArrayList<>(children);
    java.util.Collections.reverse(reversed);
    for (Process child : reversed) {
      child.destroy();
    }
    for (Process child : reversed) {
      try {
        if (!child.waitFor(40, TimeUnit.SECONDS)) {
          child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        child.destroyForcibly();
      }
    }
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    say("Stopped.");
  }

  private ProcessBuilder java(String mainClass, List<String> args, Path log, String heap) {
    List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx" + heap, "-XX:+UseSerialGC"));
    if (kafkaLogging != null) {
      command.add("-Dlog4j2.configurationFile=" + kafkaLogging);
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(args);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
  }

  private void refuseTakenPorts() {
    List<String> taken = new ArrayList<>();
    ports.forEach((name, port) -> {
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
        socket.setReuseAddress(true);
      } catch (IOException e) {
        taken.add(name + " port " + port);
      }
    });
    if (!taken.isEmpty()) {
      throw new IllegalStateException("Ports already in use: " + String.join(", ", taken)
          + ". Stop what uses them or set the environment variables named.");
    }
  }

  private static void awaitPort(int port, Duration timeout, Process process, String what) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(what + " exited with " + process.exitValue() + "; see deploy/local/.logs");
      }
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(250);
      }
    }
    throw new IllegalStateException(what + " did not open port " + port + " in " + timeout.toSeconds() + " s");
  }

  private int port(String namePrefix) {
    return ports.entrySet().stream()
        .filter(e -> e.getKey().startsWith(namePrefix))
        .findFirst()
        .orElseThrow()
        .getValue();
  }

  private static int intEnv(String name, int fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void say(String format, Object... args) {
    System.out.printf("[local-stack] " + format + "%n", args);
  }
}
