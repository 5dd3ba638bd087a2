package org.eurasia.registry.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A service's ahead-of-time cache on Java 25 (JEP 483, 514 and 515: classes loaded and linked, and
 * method profiles, kept from a training run), {@code app-<hash of the JVM options>.aot} beside its
 * jar. A start on Java 25 without a cache at least as new as every file of the packaged application
 * first runs the service once with {@code -XX:AOTCacheOutput}, sends it real requests (anonymous
 * reads of its data, its OpenAPI document) and stops it; the JVM writes the cache as it exits. The
 * cache belongs to one JDK and one class path, so a rebuild makes the next start train again; a
 * cache the JVM finds stale it ignores, with a warning in the service's log, and the service starts
 * without it.
 */
final class AotCache {

  /** The first JDK whose AOT cache the launcher builds (24 has it too, without the profiles). */
  static final int FIRST_JDK = 25;

  /**
   * The cache's name for these JVM options, relative to the jar's directory (the service runs from
   * there). A cache made with other options (heap, collector, compiler) may not be usable with
   * these: each set has its own.
   */
  static String file(List<String> jvmOptions) {
    return "app-" + Integer.toHexString(String.join(" ", jvmOptions).hashCode()) + ".aot";
  }

  /**
   * What a training run reads of each service, besides its OpenAPI document: lists that cross HTTP,
   * security, Hibernate, PostgreSQL and Jackson, as most requests do.
   */
  private static final Map<String, List<String>> READS =
      Map.of(
          "agreements-service",
          List.of(
              "/api/v1/agreements?limit=20",
              "/api/v1/organizations?limit=20",
              "/api/v1/frameworks?limit=20",
              "/api/v1/ventures?limit=20"),
          "exchange-service",
          List.of("/api/v1/programs?limit=20", "/api/v1/scholarships?limit=20"),
          "events-service",
          List.of("/api/v1/events?limit=20", "/api/v1/publications?limit=20"),
          // The benchmark's bare peer (bench/peer), trained the same way.
          "bench-peer",
          List.of("/api/v1/items?limit=20"));

  /** Each read this many times: enough for the profiles of the hot paths. */
  private static final int ROUNDS = 40;

  private AotCache() {}

  /** Whether the cache beside this jar was made after every file of the packaged application. */
  static boolean isFresh(Path jar, List<String> jvmOptions) throws IOException {
    Path cache = jar.resolveSibling(file(jvmOptions));
    if (!Files.exists(cache)) {
      return false;
    }
    FileTime made = Files.getLastModifiedTime(cache);
    try (Stream<Path> files = Files.walk(jar.getParent())) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> !isClassData(f.getFileName().toString()))
          .allMatch(f -> lastModified(f).compareTo(made) <= 0);
    }
  }

  /** Runs the service once to make its cache; the service starts without one if this fails. */
  static void train(ServiceProcess.Launch launch) throws IOException, InterruptedException {
    String file = file(launch.jvmOptions());
    Path cache = launch.jar().resolveSibling(file);
    Files.deleteIfExists(cache);
    System.out.printf(
        "[aot] %s: training run for its AOT cache (Java %d; the first start after a build)%n",
        launch.name(), Runtime.version().feature());
    long began = System.nanoTime();
    ServiceProcess training = launch.onFreePorts().start(List.of("-XX:AOTCacheOutput=" + file));
    // Stopped with the launcher if the launcher is stopped (Ctrl-C, SIGTERM) during the training.
    Thread orphanGuard = new Thread(() -> training.process().destroyForcibly());
    Runtime.getRuntime().addShutdownHook(orphanGuard);
    int answered = 0;
    try {
      training.awaitReady(Duration.ofSeconds(180));
      answered = exercise(training, launch.name());
    } finally {
      // The JVM assembles the cache as it exits: give it time before any SIGKILL.
      training.stop(Duration.ofMinutes(3));
      try {
        Runtime.getRuntime().removeShutdownHook(orphanGuard);
      } catch (IllegalStateException shuttingDown) {
        // The hook runs anyway; the process has exited.
      }
    }
    System.out.printf(
        "[aot] %s: %s after %d answered requests, %d s%n",
        launch.name(),
        Files.exists(cache) ? file + " written" : "no cache written (see its log)",
        answered,
        Duration.ofNanos(System.nanoTime() - began).toSeconds());
  }

  /** Sends the training requests; returns how many were answered with a 2xx. */
  private static int exercise(ServiceProcess service, String name) throws InterruptedException {
    List<String> paths = new ArrayList<>(READS.getOrDefault(name, List.of()));
    paths.add("/q/openapi");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    int answered = 0;
    for (int round = 0; round < ROUNDS; round++) {
      for (String path : paths) {
        try {
          HttpResponse<Void> response =
              http.send(
                  HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
          if (response.statusCode() / 100 == 2) {
            answered++;
          }
        } catch (IOException e) {
          // A refused request trains less; the cache is still made from what ran.
        }
      }
    }
    return answered;
  }

  /**
   * The caches and archives themselves (and a training run's leftovers) are not the application.
   */
  private static boolean isClassData(String name) {
    return name.endsWith(".aot") || name.endsWith(".jsa") || name.endsWith(".aot.config");
  }

  private static FileTime lastModified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
