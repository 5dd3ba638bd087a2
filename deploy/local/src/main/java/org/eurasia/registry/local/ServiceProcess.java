package org.eurasia.registry.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of the registry's services run from its packaged jar in a child JVM, configured by
 * environment variables. It listens on two ports: the public one ({@code /api}, {@code /q/openapi},
 * {@code /q/swagger-ui}) and its management interface ({@code /q/health}, {@code /q/metrics}).
 */
public final class ServiceProcess implements AutoCloseable {

  private final String name;
  private final int port;
  private final int managementPort;
  private final Process process;
  private volatile boolean frozen;

  private ServiceProcess(String name, int port, int managementPort, Process process) {
    this.name = name;
    this.port = port;
    this.managementPort = managementPort;
    this.process = process;
  }

  /** Quick start for a laptop: C1 only. The benchmark passes production-like options instead. */
  public static final List<String> LAPTOP_JVM_OPTIONS =
      List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  /** A port nobody listens on at the moment, for a management interface nobody chose. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  /**
   * Starts {@code <serviceDir>/target/quarkus-app/quarkus-run.jar} on 127.0.0.1:{@code port},
   * pointed at the given database, broker and token verification key, with its seed data loaded.
   */
  public static ServiceProcess start(
      String name,
      Path serviceDir,
      int port,
      String jdbcUrl,
      String kafka,
      Path publicKey,
      Path log,
      Map<String, String> extra)
      throws IOException, InterruptedException {
    return start(
        name,
        serviceDir,
        port,
        freePort(),
        jdbcUrl,
        kafka,
        publicKey,
        log,
        extra,
        LAPTOP_JVM_OPTIONS);
  }

  /** As above, with the JVM options given and the management interface on a free port. */
  public static ServiceProcess start(
      String name,
      Path serviceDir,
      int port,
      String jdbcUrl,
      String kafka,
      Path publicKey,
      Path log,
      Map<String, String> extra,
      List<String> jvmOptions)
      throws IOException, InterruptedException {
    return start(
        name, serviceDir, port, freePort(), jdbcUrl, kafka, publicKey, log, extra, jvmOptions);
  }

  /** As above, with the management interface (health, metrics) on {@code managementPort}. */
  public static ServiceProcess start(
      String name,
      Path serviceDir,
      int port,
      int managementPort,
      String jdbcUrl,
      String kafka,
      Path publicKey,
      Path log,
      Map<String, String> extra,
      List<String> jvmOptions)
      throws IOException, InterruptedException {
    Path jar = serviceDir.resolve("target/quarkus-app/quarkus-run.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing; build with ./mvnw -DskipTests package");
    }
    Launch launch =
        new Launch(
            name, jar, port, managementPort, jdbcUrl, kafka, publicKey, log, extra, jvmOptions);
    List<String> startUp = new ArrayList<>();
    if (Runtime.version().feature() >= AotCache.FIRST_JDK) {
      // Java 25: classes loaded and linked, and method profiles, from the AOT cache a training run
      // left beside the jar; the first start after a build makes it.
      if (AotCache.isFresh(jar, jvmOptions)) {
        System.out.printf("[aot] %s: starts from %s%n", name, AotCache.file(jvmOptions));
      } else {
        AotCache.train(launch);
      }
      if (Files.exists(jar.resolveSibling(AotCache.file(jvmOptions)))) {
        startUp.add("-XX:AOTCache=" + AotCache.file(jvmOptions));
      }
    } else if (Files.exists(jar.resolveSibling("app-cds.jsa"))) {
      // Java 17: the class-data archive the build leaves beside the jar
      // (quarkus.package.jar.appcds.enabled), mapped instead of loaded and verified class by class.
      startUp.add("-XX:SharedArchiveFile=app-cds.jsa");
    }
    return launch.start(startUp);
  }

  /** Everything a start of one service takes; {@link #start} adds the class-data options. */
  record Launch(
      String name,
      Path jar,
      int port,
      int managementPort,
      String jdbcUrl,
      String kafka,
      Path publicKey,
      Path log,
      Map<String, String> extra,
      List<String> jvmOptions) {

    /**
     * The same start on free ports: a training run must not answer on the service's own ports,
     * where whoever waits for the service (the local stack's smoke test, a developer) would take it
     * for the service itself.
     */
    Launch onFreePorts() throws IOException {
      return new Launch(
          name, jar, freePort(), freePort(), jdbcUrl, kafka, publicKey, log, extra, jvmOptions);
    }

    ServiceProcess start(List<String> classData) throws IOException {
      Files.createDirectories(log.getParent());
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(jvmOptions);
      command.addAll(classData);
      command.add("-jar");
      command.add(jar.toString());
      // Quarkus wants the jar run from its own directory (the class-data files name it relatively).
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(jar.getParent().toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      Map<String, String> env = builder.environment();
      env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
      env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
      env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
      env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
      env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
      env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
      env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
      env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
      env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toUri().toString());
      env.put("REGISTRY_SEED_ENABLED", "true");
      // Webhook receivers on this machine (a developer's, a test's) are loopback and plain HTTP:
      // allowed here only.
      env.put("REGISTRY_WEBHOOKS_ALLOWED_TARGETS", "127.0.0.0/8,::1/128");
      env.put("REGISTRY_WEBHOOKS_REQUIRE_HTTPS", "false");
      env.putAll(extra);
      return new ServiceProcess(name, port, managementPort, builder.start());
    }
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  public Process process() {
    return process;
  }

  public int managementPort() {
    return managementPort;
  }

  /** The public address: the API, {@code /q/openapi} and {@code /q/swagger-ui}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The management interface: {@code /q/health/*} and {@code /q/metrics}. */
  public String managementUrl() {
    return "http://127.0.0.1:" + managementPort;
  }

  /** Waits until {@code /q/health/ready} on the management interface answers 200. */
  public void awaitReady(Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue());
      }
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(300);
    }
    throw new IllegalStateException(name + " not ready after " + timeout.toSeconds() + " s");
  }

  /**
   * SIGTERM and wait: the service finishes in-flight requests and its relay batch.
   *
   * @return the time from the signal to the process's exit (the benchmark reports it)
   */
  public Duration stop() throws InterruptedException {
    return stop(Duration.ofSeconds(45));
  }

  /** SIGTERM, and SIGKILL if the process has not exited after {@code patience}. */
  Duration stop(Duration patience) throws InterruptedException {
    long signalled = System.nanoTime();
    process.destroy();
    if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    return Duration.ofNanos(System.nanoTime() - signalled);
  }

  /** SIGKILL: the process dies at once, as in a crash or an OOM kill. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }

  /**
   * SIGSTOP: the process freezes with its sockets open, as a paused VM, a long GC pause or a
   * partitioned pod looks to its peers. PostgreSQL and Kafka see live connections that say nothing.
   */
  public void freeze() throws IOException, InterruptedException {
    signal("STOP");
    frozen = true;
  }

  /** SIGCONT: a frozen process carries on where it stopped, unaware of the time that passed. */
  public void thaw() throws IOException, InterruptedException {
    signal("CONT");
    frozen = false;
  }

  public boolean isFrozen() {
    return frozen;
  }

  public long pid() {
    return process.pid();
  }

  private void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (frozen) {
      // A frozen process acts on SIGTERM only once it runs again.
      try {
        thaw();
      } catch (IOException e) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    if (process.isAlive()) {
      stop();
    }
  }
}
