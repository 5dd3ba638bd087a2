package org.eurasia.registry.platform.testing;

import static io.restassured.RestAssured.given;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eurasia.registry.local.KafkaBroker;
import org.eurasia.registry.local.PostgresServer;
import org.eurasia.registry.local.ServiceProcess;

/**
 * The packaged services running as their own processes against a real PostgreSQL and a real Kafka
 * broker in a temporary directory, for tests that cross process boundaries: faults (kill a service,
 * stop the broker) and reactions of one service to another's events. Signs tokens with a key pair
 * only this suite trusts.
 */
public final class RunningSuite implements AutoCloseable {

  static final Duration START = Duration.ofSeconds(120);

  /**
   * The issuer the packaged services trust by default (platform's microprofile-config.properties).
   */
  static final String ISSUER = "https://registry.local/issuer";

  /** For questions to a replica that may be frozen: no answer within a second or two is one. */
  private static final RestAssuredConfig SHORT_TIMEOUTS =
      RestAssuredConfig.config()
          .httpClient(
              HttpClientConfig.httpClientConfig()
                  .setParam("http.connection.timeout", 2_000)
                  .setParam("http.socket.timeout", 2_000));

  /**
   * For writes while a test harms the service: an answer that takes longer than this is taken as
   * lost.
   */
  static final RestAssuredConfig WRITE_TIMEOUTS =
      RestAssuredConfig.config()
          .httpClient(
              HttpClientConfig.httpClientConfig()
                  .setParam("http.connection.timeout", 2_000)
                  .setParam("http.socket.timeout", 15_000));

  private final Path work;
  private final int postgresPort;
  private PostgresServer postgres;
  private final KafkaBroker kafka;
  private final KeyPair keys;
  private final Path publicKey;
  private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
  private final Map<String, Path> serviceDirs = new LinkedHashMap<>();
  private final Map<String, Integer> ports = new ConcurrentHashMap<>();
  // Health and metrics are on each process's management interface, a port of its own.
  private final Map<String, Integer> managementPorts = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> settings = new LinkedHashMap<>();

  private RunningSuite(Path work) throws Exception {
    this.work = work;
    this.postgresPort = freePort();
    this.postgres = PostgresServer.start(work.resolve("postgres"), postgresPort);
    this.kafka =
        KafkaBroker.start(work.resolve("kafka"), freePort(), freePort(), work.resolve("kafka.log"));
    this.keys = keyPair();
    this.publicKey = work.resolve("public.pem");
    Files.writeString(
        publicKey,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(keys.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
  }

  /** Starts PostgreSQL and Kafka; services are added with {@link #start}. */
  public static RunningSuite create(String name) throws Exception {
    return new RunningSuite(Files.createTempDirectory(name));
  }

  /**
   * Starts a packaged service (its {@code target/quarkus-app}) and waits until it is ready.
   *
   * @param name the service's module directory name, e.g. {@code agreements-service}
   * @param moduleDir the module directory
   * @param extraSettings environment variables for this service
   */
  public ServiceProcess start(String name, Path moduleDir, Map<String, String> extraSettings)
      throws Exception {
    serviceDirs.put(name, moduleDir);
    ports.putIfAbsent(name, freePort());
    managementPorts.putIfAbsent(name, freePort());
    settings.put(name, Map.copyOf(extraSettings));
    return launch(name);
  }

  /**
   * Starts another replica of a service already started: the same jar, database schema, settings
   * and consumer group, on its own port. It is addressed as {@link #replicaName(String, String)} in
   * every other method (requests, signals, restart).
   */
  public ServiceProcess startReplica(String name, String replicaId) throws Exception {
    if (!serviceDirs.containsKey(name)) {
      throw new IllegalStateException("Start " + name + " before its replicas");
    }
    String replica = replicaName(name, replicaId);
    ports.putIfAbsent(replica, freePort());
    managementPorts.putIfAbsent(replica, freePort());
    return launch(replica);
  }

  /** How a replica started with {@link #startReplica} is named. */
  public static String replicaName(String name, String replicaId) {
    return name + "#" + replicaId;
  }

  /** Starts a service stopped or killed before, on the same port and settings. */
  public ServiceProcess restart(String name) throws Exception {
    return launch(name);
  }

  /** Kills a service the hard way (SIGKILL): no shutdown hooks, nothing flushed. */
  public void kill(String name) throws Exception {
    services.remove(name).kill();
  }

  /**
   * Stops a service gracefully (SIGTERM), as Kubernetes does before it removes a pod: shutdown
   * hooks run, in-flight work gets its grace period.
   */
  public void terminate(String name) throws Exception {
    services.remove(name).stop();
  }

  /** Freezes a running service (SIGSTOP); it stays registered, silent, until {@link #thaw}. */
  public void freeze(String name) throws Exception {
    services.get(name).freeze();
  }

  /** Lets a frozen service run again (SIGCONT). */
  public void thaw(String name) throws Exception {
    services.get(name).thaw();
  }

  /**
   * The running replicas of a service (the first one started is named as the service), frozen ones
   * included.
   */
  public List<String> replicasOf(String name) {
    return services.keySet().stream()
        .filter(n -> n.equals(name) || n.startsWith(name + "#"))
        .toList();
  }

  /**
   * The replica of a service whose outbox relay holds the lock, as its readiness details say; empty
   * while none does. A frozen replica cannot answer and is never named.
   */
  public Optional<String> activeRelay(String name) {
    for (String replica : replicasOf(name)) {
      ServiceProcess process = services.get(replica);
      if (process.isFrozen()) {
        continue;
      }
      try {
        Boolean active =
            given()
                .baseUri(process.managementUrl())
                .config(SHORT_TIMEOUTS)
                .get("/q/health/ready")
                .then()
                .extract()
                .path(
                    "checks.find { it.name == 'kafka-and-outbox' }.data.relayActiveOnThisReplica");
        if (Boolean.TRUE.equals(active)) {
          return Optional.of(replica);
        }
      } catch (RuntimeException e) {
        // Not answering (starting, stopping): not the active relay as far as anyone can tell.
      }
    }
    return Optional.empty();
  }

  /**
   * The sum of a replica's Prometheus series that start with {@code series}: a meter name, e.g.
   * {@code registry_outbox_published_total}, or a name with its first tags, e.g. {@code
   * registry_events_consumed_total{outcome="duplicate"}. 0 when there is none.
   */
  public double metric(String name, String series) {
    String text =
        given()
            .baseUri(services.get(name).managementUrl())
            .config(SHORT_TIMEOUTS)
            .get("/q/metrics")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    double sum = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith(series)) {
        // name{tags} value [# {exemplar tags} exemplar-value timestamp]
        int space = line.indexOf(' ');
        int brace = line.indexOf('{');
        int valueFrom = brace >= 0 && brace < space ? line.indexOf('}') + 1 : space;
        String rest = line.substring(valueFrom).trim();
        sum += Double.parseDouble(rest.split("\\s+")[0]);
      }
    }
    return sum;
  }

  /**
   * A connection to the suite's database as the services' own user, to read what a service recorded
   * (processed events, projections) that no API shows.
   */
  public Connection database() throws SQLException {
    return DriverManager.getConnection(
        postgres.jdbcUrl(), PostgresServer.USER, PostgresServer.PASSWORD);
  }

  private ServiceProcess launch(String name) throws Exception {
    String service = name.contains("#") ? name.substring(0, name.indexOf('#')) : name;
    ServiceProcess process =
        ServiceProcess.start(
            name,
            serviceDirs.get(service),
            ports.get(name),
            managementPorts.get(name),
            postgres.jdbcUrl(),
            kafka.bootstrapServers(),
            publicKey,
            work.resolve(name.replace('#', '-') + ".log"),
            settings.get(service),
            ServiceProcess.LAPTOP_JVM_OPTIONS);
    services.put(name, process);
    process.awaitReady(START);
    return process;
  }

  /** The module directory of a sibling service, seen from the module running the test. */
  public static Path sibling(String module) {
    Path dir = Path.of("").toAbsolutePath().getParent().resolve(module);
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          "No module " + module + " next to " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  public ServiceProcess service(String name) {
    return services.get(name);
  }

  public KafkaBroker kafka() {
    return kafka;
  }

  public PostgresServer postgres() {
    return postgres;
  }

  /**
   * Stops PostgreSQL, as a database restart or failover would; its data stays for {@link
   * #startPostgres}.
   */
  public void stopPostgres() throws IOException {
    postgres.close();
  }

  /** Starts PostgreSQL again on the same port with the same data. */
  public void startPostgres() throws Exception {
    postgres = PostgresServer.start(work.resolve("postgres"), postgresPort);
  }

  /** A request to a running service with a registrar's token. */
  public RequestSpecification asRegistrar(String service) {
    return as(service, token("registrar@registry.local", null, Set.of("registrar")));
  }

  /** A request to a running service with a partner token for an organization. */
  public RequestSpecification asPartner(String service, String organization) {
    return as(service, token("system@" + organization, organization, Set.of("partner")));
  }

  /** A person of an organization, acting as its partner: one subject per person. */
  public RequestSpecification asPartner(String service, String person, String organization) {
    return as(service, token(person + "@" + organization, organization, Set.of("partner")));
  }

  /**
   * Addressed by port, which a service keeps across restarts: requests from other threads may be
   * built while it is down.
   */
  private RequestSpecification as(String service, String token) {
    return given()
        .baseUri("http://127.0.0.1:" + ports.get(service))
        .header("Authorization", "Bearer " + token)
        .contentType(ContentType.JSON);
  }

  private String token(String subject, String organization, Set<String> roles) {
    var claims =
        Jwt.upn(subject)
            .issuer(ISSUER)
            .audience("registry")
            .groups(roles)
            .expiresIn(Duration.ofHours(1));
    if (organization != null) {
      claims.claim("org", organization);
    }
    return claims.sign(keys.getPrivate());
  }

  @Override
  public void close() throws Exception {
    List<String> names = new ArrayList<>(services.keySet());
    Collections.reverse(names);
    for (String name : names) {
      services.remove(name).close();
    }
    kafka.close();
    postgres.close();
  }

  private static KeyPair keyPair() throws NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
