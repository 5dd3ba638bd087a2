package org.eurasia.registry.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole suite on one machine with nothing but a JDK: an embedded PostgreSQL whose data survives
 * restarts, a single-node KRaft Kafka broker in a child JVM, and the three services as child JVMs
 * pointed at both, with their demo data. It stays in the foreground; on Ctrl-C or SIGTERM it stops
 * everything it started, services first.
 *
 * <p>Ports come from the environment (see deploy/local/README.md); a port already in use is refused
 * up front with its variable's name, rather than failing half-way.
 */
public final class LocalStack {

  private final Path root;
  private final Path home;
  private final Map<String, Integer> ports = new LinkedHashMap<>();
  private final List<ServiceProcess> services = new ArrayList<>();
  private PostgresServer postgres;
  private KafkaBroker kafka;
  private MailServer mail;
  private volatile boolean stopping;

  private LocalStack(Path root) {
    this.root = root;
    this.home = root.resolve("deploy/local");
    ports.put("REGISTRY_PG_PORT", intEnv("REGISTRY_PG_PORT", 5433));
    ports.put("REGISTRY_KAFKA_PORT", intEnv("REGISTRY_KAFKA_PORT", 9092));
    ports.put("REGISTRY_KAFKA_CONTROLLER_PORT", intEnv("REGISTRY_KAFKA_CONTROLLER_PORT", 9093));
    ports.put("REGISTRY_AGREEMENTS_PORT", intEnv("REGISTRY_AGREEMENTS_PORT", 8081));
    ports.put("REGISTRY_EXCHANGE_PORT", intEnv("REGISTRY_EXCHANGE_PORT", 8082));
    ports.put("REGISTRY_EVENTS_PORT", intEnv("REGISTRY_EVENTS_PORT", 8083));
    // Health and metrics: each service's management interface, on a port of its own.
    ports.put(
        "REGISTRY_AGREEMENTS_MANAGEMENT_PORT", intEnv("REGISTRY_AGREEMENTS_MANAGEMENT_PORT", 9081));
    ports.put(
        "REGISTRY_EXCHANGE_MANAGEMENT_PORT", intEnv("REGISTRY_EXCHANGE_MANAGEMENT_PORT", 9082));
    ports.put("REGISTRY_EVENTS_MANAGEMENT_PORT", intEnv("REGISTRY_EVENTS_MANAGEMENT_PORT", 9083));
    // The mail events-service sends (to delegation members): SMTP in, POP3 to read it back.
    ports.put("REGISTRY_SMTP_PORT", intEnv("REGISTRY_SMTP_PORT", 3025));
    ports.put("REGISTRY_POP3_PORT", intEnv("REGISTRY_POP3_PORT", 3110));
  }

  public static void main(String[] args) throws Exception {
    LocalStack stack =
        new LocalStack(Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize());
    Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-stop"));
    try {
      stack.start();
    } catch (Exception e) {
      System.err.println("[local-stack] Failed to start: " + e.getMessage());
      System.exit(1);
    }
    // Foreground until a signal runs the shutdown hook, or until a child dies unexpectedly.
    while (!stack.stopping) {
      for (Process child : stack.children()) {
        if (!child.isAlive() && !stack.stopping) {
          System.err.println(
              "[local-stack] A child process exited with "
                  + child.exitValue()
                  + "; see deploy/local/.logs. Stopping.");
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

    postgres = PostgresServer.start(data.resolve("postgres"), ports.get("REGISTRY_PG_PORT"));
    say(
        "PostgreSQL 17 ready on 127.0.0.1:%d (data in deploy/local/.data/postgres)",
        postgres.port());

    kafka =
        KafkaBroker.start(
            data.resolve("kafka"),
            ports.get("REGISTRY_KAFKA_PORT"),
            ports.get("REGISTRY_KAFKA_CONTROLLER_PORT"),
            logs.resolve("kafka.log"));
    say("Kafka ready on %s", kafka.bootstrapServers());

    mail = MailServer.start(ports.get("REGISTRY_SMTP_PORT"), ports.get("REGISTRY_POP3_PORT"));
    say(
        "Mail server (GreenMail) ready: SMTP on 127.0.0.1:%d, POP3 on 127.0.0.1:%d; mails are shown here",
        mail.port(), mail.pop3Port());
    showMails();

    Path publicKey = home.resolve(".keys/public.pem");
    if (!Files.exists(publicKey)) {
      throw new IllegalStateException(
          "No signing key at " + publicKey + "; run deploy/local/token.sh --keys-only");
    }
    for (String service : List.of("agreements", "exchange", "events")) {
      String prefix = "REGISTRY_" + service.toUpperCase(Locale.ROOT);
      services.add(
          ServiceProcess.start(
              service + "-service",
              root.resolve(service + "-service"),
              ports.get(prefix + "_PORT"),
              ports.get(prefix + "_MANAGEMENT_PORT"),
              postgres.jdbcUrl(),
              kafka.bootstrapServers(),
              publicKey,
              logs.resolve(service + "-service.log"),
              service.equals("events") ? mailSettings(ports.get(prefix + "_PORT")) : Map.of(),
              ServiceProcess.LAPTOP_JVM_OPTIONS));
    }
    for (ServiceProcess service : services) {
      service.awaitReady(Duration.ofSeconds(180));
      say(
          "%s ready on %s (health and metrics on %s)",
          service.name(), service.baseUrl(), service.managementUrl());
    }
    say(
        "All services ready in %d s. Swagger UI:",
        Duration.between(began, Instant.now()).toSeconds());
    services.forEach(s -> say("  %-20s %s/q/swagger-ui", s.name(), s.baseUrl()));
    say("Get a token: deploy/local/token.sh qau.edu.pk partner   (or: registry.local registrar)");
    say("Logs in deploy/local/.logs; Ctrl-C stops everything.");
  }

  /** Where events-service sends its mail, and the address its mailed links name. */
  private Map<String, String> mailSettings(int eventsPort) {
    return Map.of(
        "QUARKUS_MAILER_HOST",
        mail.host(),
        "QUARKUS_MAILER_PORT",
        Integer.toString(mail.port()),
        "QUARKUS_MAILER_START_TLS",
        "DISABLED",
        "REGISTRY_REGISTRANT_MAIL_PUBLIC_BASE_URL",
        "http://127.0.0.1:" + eventsPort);
  }

  /**
   * Prints each mail as it arrives (recipient, subject, and its text): on a laptop the mailbox is
   * this console.
   */
  private void showMails() {
    Thread shower =
        new Thread(
            () -> {
              int shown = 0;
              while (!stopping) {
                try {
                  List<MailServer.Received> all = mail.received();
                  for (; shown < all.size(); shown++) {
                    MailServer.Received m = all.get(shown);
                    say("Mail to %s: %s%n%s", String.join(", ", m.to()), m.subject(), m.text());
                  }
                  Thread.sleep(1000);
                } catch (InterruptedException e) {
                  return;
                } catch (RuntimeException e) {
                  say("Cannot show a mail: %s", e.getMessage());
                }
              }
            },
            "local-stack-mail");
    shower.setDaemon(true);
    shower.start();
  }

  private List<Process> children() {
    List<Process> children = new ArrayList<>();
    if (kafka != null && kafka.process() != null) {
      children.add(kafka.process());
    }
    services.forEach(s -> children.add(s.process()));
    return children;
  }

  /** Stops services first (they finish their outbox batch), then Kafka, then PostgreSQL. */
  private synchronized void stop() {
    if (stopping) {
      return;
    }
    stopping = true;
    say("Stopping...");
    List<ServiceProcess> reversed = new ArrayList<>(services);
    Collections.reverse(reversed);
    reversed.forEach(s -> s.process().destroy());
    for (ServiceProcess service : reversed) {
      try {
        service.stop();
      } catch (InterruptedException e) {
        service.process().destroyForcibly();
      }
    }
    try {
      if (kafka != null) {
        kafka.stop();
      }
      if (postgres != null) {
        postgres.close();
      }
      if (mail != null) {
        mail.close();
      }
    } catch (IOException | InterruptedException e) {
      System.err.println("[local-stack] Stopping failed: " + e.getMessage());
    }
    say("Stopped.");
  }

  private void refuseTakenPorts() {
    List<String> taken = new ArrayList<>();
    ports.forEach(
        (variable, port) -> {
          try (ServerSocket socket =
              new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            socket.setReuseAddress(true);
          } catch (IOException e) {
            taken.add(port + " (" + variable + ")");
          }
        });
    if (!taken.isEmpty()) {
      throw new IllegalStateException(
          "Ports already in use: "
              + String.join(", ", taken)
              + ". Stop what uses them, or choose others with the variables named.");
    }
  }

  private static int intEnv(String name, int fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }

  private static void say(String format, Object... args) {
    System.out.printf("[local-stack] " + format + "%n", args);
  }
}
