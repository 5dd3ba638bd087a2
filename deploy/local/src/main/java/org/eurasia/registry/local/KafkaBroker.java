package org.eurasia.registry.local;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A single-node KRaft Kafka broker in a child JVM, run from the Kafka jars on this JVM's class
 * path. Its data stays in {@code dataDir}, so it can be stopped and started again on the same ports
 * with its topics and records intact: the local stack uses it, and so do the fault tests that take
 * Kafka away from a running service.
 */
public final class KafkaBroker implements AutoCloseable {

  private final Path dataDir;
  private final int port;
  private final int controllerPort;
  private final Path log;
  private Process process;

  private KafkaBroker(Path dataDir, int port, int controllerPort, Path log) {
    this.dataDir = dataDir;
    this.port = port;
    this.controllerPort = controllerPort;
    this.log = log;
  }

  public static KafkaBroker start(Path dataDir, int port, int controllerPort, Path log)
      throws IOException, InterruptedException {
    KafkaBroker broker = new KafkaBroker(dataDir, port, controllerPort, log);
    broker.configure();
    broker.start();
    return broker;
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  public Process process() {
    return process;
  }

  /** Starts (again) on the same ports and data, and waits until it accepts connections. */
  public synchronized void start() throws IOException, InterruptedException {
    if (isAlive()) {
      return;
    }
    process = java("kafka.Kafka", List.of(dataDir.resolve("server.properties").toString())).start();
    awaitPort(Duration.ofSeconds(90));
  }

  /** Stops gracefully (SIGTERM), as an operator or Kubernetes would. */
  public synchronized void stop() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      process = null;
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  private void configure() throws IOException, InterruptedException {
    Files.createDirectories(dataDir);
    Files.createDirectories(log.getParent());
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
            // A consumer killed without leaving holds its partitions until its session times out;
            // the fault tests kill consumers on purpose and shorten the session below the broker's
            // 6 s default minimum. Production brokers (deploy/k8s) keep their defaults.
            "group.min.session.timeout.ms=1000",
            // Services create their topics with explicit partitions and retention; typos must not
            // create others.
            "auto.create.topics.enable=false",
            ""));
    Files.writeString(
        dataDir.resolve("log4j2.properties"),
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
    if (!Files.exists(dataDir.resolve("logs/meta.properties"))) {
      Process format =
          java(
                  "kafka.tools.StorageTool",
                  List.of(
                      "format",
                      "-t",
                      "registry-local-cluster0",
                      "-c",
                      properties.toString(),
                      "--ignore-formatted"))
              .start();
      if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
        throw new IllegalStateException("Formatting Kafka storage failed; see " + log);
      }
    }
  }

  private ProcessBuilder java(String mainClass, List<String> args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + dataDir.resolve("log4j2.properties"),
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
    command.addAll(args);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
  }

  private void awaitPort(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Kafka exited with " + process.exitValue() + "; see " + log);
      }
      try (Socket socket = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(250);
      }
    }
    throw new IllegalStateException(
        "Kafka did not open port " + port + " in " + timeout.toSeconds() + " s");
  }
}
