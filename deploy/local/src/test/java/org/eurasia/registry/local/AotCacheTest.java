package org.eurasia.registry.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a service's AOT cache is used and when it is made again: a cache belongs to one set of JVM
 * options and one build of the application.
 */
class AotCacheTest {

  private static final List<String> OPTIONS = List.of("-Xmx176m", "-XX:+UseSerialGC");

  @TempDir Path app;

  @Test
  void eachSetOfJvmOptionsHasItsOwnCache() {
    assertEquals(AotCache.file(OPTIONS), AotCache.file(List.copyOf(OPTIONS)));
    assertNotEquals(AotCache.file(OPTIONS), AotCache.file(List.of("-Xmx256m", "-XX:+UseSerialGC")));
    assertTrue(AotCache.file(OPTIONS).matches("app-[0-9a-f-]+\\.aot"), AotCache.file(OPTIONS));
  }

  @Test
  void aMissingCacheIsNotFresh() throws IOException {
    Path jar = packaged(Instant.parse("2026-12-01T10:00:00Z"));
    assertFalse(AotCache.isFresh(jar, OPTIONS));
  }

  @Test
  void aCacheMadeAfterTheBuildIsFreshAndOneMadeBeforeARebuildIsNot() throws IOException {
    Path jar = packaged(Instant.parse("2026-12-01T10:00:00Z"));
    Path cache = jar.resolveSibling(AotCache.file(OPTIONS));
    Files.writeString(cache, "cache");
    at(cache, Instant.parse("2026-12-01T10:05:00Z"));
    // Class-data files beside it, however new, are not the application.
    at(Files.writeString(jar.resolveSibling("app-cds.jsa"), "cds"), Instant.now());
    assertTrue(AotCache.isFresh(jar, OPTIONS));
    assertFalse(AotCache.isFresh(jar, List.of("-Xmx64m")), "another option set's cache is missing");

    // A rebuild touches a library deep in the layout: the cache is stale.
    at(app.resolve("lib/main/some-library.jar"), Instant.parse("2026-12-01T10:06:00Z"));
    assertFalse(AotCache.isFresh(jar, OPTIONS));
  }

  /** A packaged application's layout, every file written at {@code built}; returns its jar. */
  private Path packaged(Instant built) throws IOException {
    Files.createDirectories(app.resolve("lib/main"));
    Files.createDirectories(app.resolve("app"));
    Path jar = Files.writeString(app.resolve("quarkus-run.jar"), "jar");
    at(jar, built);
    at(Files.writeString(app.resolve("lib/main/some-library.jar"), "lib"), built);
    at(Files.writeString(app.resolve("app/service.jar"), "app"), built);
    return jar;
  }

  private static Path at(Path file, Instant when) throws IOException {
    return Files.setLastModifiedTime(file, FileTime.from(when));
  }
}
