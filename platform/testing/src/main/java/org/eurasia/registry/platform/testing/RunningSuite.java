package org.eurasia.registry.platform.testing;

import static io.restassured.RestAssured.given;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  private final Path work;
  private final int postgresPort;
  private PostgresServer postgres;
  private final KafkaBroker kafka;
  private final KeyPair keys;
  private final Path publicKey;
  private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
  private final Map<String, Path> serviceDirs = new LinkedHashMap<>();
  private final Map<String, Integer> ports = new LinkedHashMap<>();
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
    settings.put(name, Map.copyOf(extraSettings));
    return launch(name);
  }

  /** Starts a service stopped or killed before, on the same port and settings. */
  public ServiceProcess restart(String name) throws Exception {
    return launch(name);
  }

  /** Kills a service the hard way (SIGKILL): no shutdown hooks, nothing flushed. */
  public void kill(String name) throws Exception {
    services.remove(name).kill();
  }

  private ServiceProcess launch(String name) throws Exception {
    ServiceProcess process =
        ServiceProcess.start(
            name,
            serviceDirs.get(name),
            ports.get(name),
            postgres.jdbcUrl(),
            kafka.bootstrapServers(),
            publicKey,
            work.resolve(name + ".log"),
            settings.get(name));
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

  private RequestSpecification as(String service, String token) {
    return given()
        .baseUri(services.get(service).baseUrl())
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
