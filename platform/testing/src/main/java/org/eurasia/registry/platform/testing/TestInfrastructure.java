package org.eurasia.registry.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Gives a test JVM a real PostgreSQL and a real Kafka broker, and a throw-away JWT key pair.
 *
 * <p>For each server independently it takes, in order: endpoints from the environment ({@code
 * TEST_PG_JDBC_URL} with {@code TEST_PG_USER}/{@code TEST_PG_PASSWORD}; {@code
 * TEST_KAFKA_BOOTSTRAP}), Testcontainers when a Docker engine answers, or embedded servers started
 * inside this JVM (zonky PostgreSQL, Kafka's own KRaft test kit). The system property {@code
 * registry.test.infrastructure} (or {@code registry.test.postgres} / {@code registry.test.kafka})
 * forces {@code external}, {@code testcontainers} or {@code embedded}.
 *
 * <p>Register it with {@code @WithTestResource(value = TestInfrastructure.class, scope =
 * TestResourceScope.GLOBAL)}: every test class of a module then shares one set of servers.
 */
public class TestInfrastructure implements QuarkusTestResourceLifecycleManager {

  public static final String MODE = "registry.test.infrastructure";

  /** Issuer the test tokens carry; the services under test are configured to require it. */
  public static final String ISSUER = "https://registry.test/issuer";

  private static final Logger LOG = Logger.getLogger(TestInfrastructure.class);

  private TestPostgres postgres;
  private TestKafka kafka;

  @Override
  public Map<String, String> start() {
    long started = System.nanoTime();
    postgres = TestPostgres.start(choose("postgres", System.getenv("TEST_PG_JDBC_URL") != null));
    kafka = TestKafka.start(choose("kafka", System.getenv("TEST_KAFKA_BOOTSTRAP") != null));
    Map<String, String> config = new HashMap<>();
    config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
    config.put("quarkus.datasource.username", postgres.username());
    config.put("quarkus.datasource.password", postgres.password());
    config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
    config.putAll(signingKeys());
    config.put("mp.jwt.verify.issuer", ISSUER);
    LOG.infof(
        "Test infrastructure ready in %d ms: PostgreSQL %s (%s), Kafka %s (%s)",
        (System.nanoTime() - started) / 1_000_000,
        postgres.jdbcUrl(),
        postgres.mode(),
        kafka.bootstrapServers(),
        kafka.mode());
    return config;
  }

  @Override
  public void stop() {
    if (kafka != null) {
      kafka.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  static Mode choose(String server, boolean externalGiven) {
    String forced = System.getProperty("registry.test." + server, System.getProperty(MODE, "auto"));
    Mode mode = Mode.valueOf(forced.trim().toUpperCase(Locale.ROOT));
    if (mode != Mode.AUTO) {
      return mode;
    }
    if (externalGiven) {
      return Mode.EXTERNAL;
    }
    return DockerProbe.available() ? Mode.TESTCONTAINERS : Mode.EMBEDDED;
  }

  /**
   * A fresh RSA key pair per test JVM: the public half verifies, the private half signs {@link
   * TestTokens}.
   */
  private static Map<String, String> signingKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      Path dir = Files.createTempDirectory("registry-test-jwt");
      Path publicKey = dir.resolve("public.pem");
      Path privateKey = dir.resolve("private.pem");
      Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
      Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
      dir.toFile().deleteOnExit();
      publicKey.toFile().deleteOnExit();
      privateKey.toFile().deleteOnExit();
      return Map.of(
          "mp.jwt.verify.publickey.location", publicKey.toUri().toString(),
          "smallrye.jwt.sign.key.location", privateKey.toUri().toString(),
          "smallrye.jwt.new-token.issuer", ISSUER);
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot create test signing keys", e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** How a server is provided. */
  public enum Mode {
    AUTO,
    EXTERNAL,
    TESTCONTAINERS,
    EMBEDDED
  }
}
