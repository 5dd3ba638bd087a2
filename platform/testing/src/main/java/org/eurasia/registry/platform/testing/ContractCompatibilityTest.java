package org.eurasia.registry.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fails on a change to the service's committed contracts that would break a partner built against
 * the last release, unless the release says so. The release is the committed baseline ({@code
 * contract/baseline/openapi.yaml} and {@code contract/baseline/events/}); the rules are {@link
 * ContractCompatibility}'s. An OpenAPI break needs a new major {@code info.version}; an event
 * schema never breaks (a breaking change is a new type, {@code registry.x.v2}), and a released one
 * may only go away in a new major version. A deliberate break inside a major version (a fix of a
 * contract that misdescribed the service) is accepted by copying its finding line into {@code
 * contract/baseline/accepted-changes.txt} under a {@code #} line saying why. Plain JUnit: it reads
 * files only. A service runs it by extending it.
 */
public abstract class ContractCompatibilityTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CONTRACT = Path.of("contract");
  private static final Path BASELINE = CONTRACT.resolve("baseline");

  @Test
  void theBaselineIsAReleaseOfThisContract() {
    assertTrue(
        Files.exists(BASELINE.resolve("openapi.yaml")),
        "no baseline: copy contract/openapi.yaml and contract/events to contract/baseline");
    assertTrue(
        major(current()) >= major(baseline()),
        "info.version " + version(current()) + " is older than the release " + version(baseline()));
  }

  @Test
  void noOperationBreaksAPartnerBuiltAgainstTheRelease() {
    assumeFalse(majorBumped(), "a new major version may break the released contract");
    assertEquals(List.of(), unaccepted(openApiFindings()), breakingHelp());
  }

  @Test
  void everyReleasedEventSchemaStillAdmitsTheEventsItDescribed() {
    assertEquals(List.of(), unaccepted(eventFindings()), breakingHelp());
  }

  @Test
  void everyAcceptedChangeIsOneTheCheckStillFinds() {
    List<String> findings = new ArrayList<>(eventFindings());
    if (!majorBumped()) {
      findings.addAll(openApiFindings());
    }
    Set<String> stale = new TreeSet<>(accepted());
    stale.removeAll(findings);
    assertEquals(
        Set.of(),
        stale,
        "contract/baseline/accepted-changes.txt names changes the contract no longer has: remove them");
  }

  private List<String> openApiFindings() {
    return ContractCompatibility.openApi(baseline(), current());
  }

  private List<String> eventFindings() {
    List<String> findings = new ArrayList<>();
    for (Path released : files(BASELINE.resolve("events"))) {
      String name = released.getFileName().toString();
      Path now = CONTRACT.resolve("events").resolve(name);
      if (!Files.exists(now)) {
        if (!majorBumped()) {
          findings.add(name + ": event schema removed");
        }
        continue;
      }
      ContractCompatibility.eventSchema(json(released), json(now))
          .forEach(finding -> findings.add(name + " " + finding));
    }
    return findings;
  }

  private static List<String> unaccepted(List<String> findings) {
    Set<String> accepted = accepted();
    return findings.stream().filter(finding -> !accepted.contains(finding)).toList();
  }

  private static Set<String> accepted() {
    Path file = BASELINE.resolve("accepted-changes.txt");
    if (!Files.exists(file)) {
      return Set.of();
    }
    try (Stream<String> lines = Files.lines(file)) {
      return lines
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String breakingHelp() {
    return "breaking changes against the released contract (contract/baseline): undo them, or for an"
        + " OpenAPI break bump info.version's major, or add an event type v2 beside v1 (README,"
        + " \"Compatibility and releases\")";
  }

  private boolean majorBumped() {
    return major(current()) > major(baseline());
  }

  private static JsonNode current() {
    return yaml(CONTRACT.resolve("openapi.yaml"));
  }

  private static JsonNode baseline() {
    return yaml(BASELINE.resolve("openapi.yaml"));
  }

  private static String version(JsonNode document) {
    return document.path("info").path("version").asText("0");
  }

  private static int major(JsonNode document) {
    return Integer.parseInt(version(document).split("\\.")[0]);
  }

  private static List<Path> files(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.toString().endsWith(".schema.json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode yaml(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode json(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
