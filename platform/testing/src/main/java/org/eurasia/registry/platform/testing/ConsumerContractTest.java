package org.eurasia.registry.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eurasia.registry.platform.events.EventHandler;
import org.eurasia.registry.platform.events.EventTypes;
import org.eurasia.registry.platform.events.IgnoredEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Binds a consumer to its producers' committed contracts: for every topic in the service's {@code
 * registry.messaging.subscriptions}, every event type the producer's AsyncAPI document lists
 * ({@link ProducerContracts}) is applied by one of the service's {@link EventHandler}s or named by
 * one of its {@link IgnoredEvents}, never both; and every type they declare is one a producer
 * publishes, so a misspelt type cannot pass for handled. A producer that adds a type fails this
 * test in every consumer until each decides. Handlers and ignore lists are found under {@link
 * #basePackage()} and read from plain instances (their types are fixed at construction). A service
 * runs it by extending it; no application starts.
 */
public abstract class ConsumerContractTest {

  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

  /** The service's root package, e.g. {@code org.eurasia.registry.exchange}. */
  protected abstract String basePackage();

  private Map<String, Set<String>> handled;
  private Map<String, Set<String>> ignored;
  private List<String> topics;
  private ProducerContracts contracts;

  @BeforeEach
  void readTheServiceAndTheContracts() throws IOException {
    handled = new LinkedHashMap<>();
    ignored = new LinkedHashMap<>();
    var classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(basePackage());
    for (JavaClass javaClass : classes) {
      if (javaClass.isAssignableTo(EventHandler.class) && concrete(javaClass)) {
        handled.put(
            javaClass.getSimpleName(), instance(javaClass, EventHandler.class).eventTypes());
      } else if (javaClass.isAssignableTo(IgnoredEvents.class) && concrete(javaClass)) {
        ignored.put(
            javaClass.getSimpleName(), instance(javaClass, IgnoredEvents.class).eventTypes());
      }
    }
    topics = subscriptions();
    contracts = ProducerContracts.ofRepository();
  }

  @Test
  void everySubscribedTopicHasOneProducerWhoseContractListsItsTypes() {
    assertFalse(topics.isEmpty(), "registry.messaging.subscriptions names no topic");
    assertFalse(handled.isEmpty(), "no EventHandler under " + basePackage());
    for (String topic : topics) {
      var producers = contracts.publishedOn(topic);
      assertEquals(
          1,
          producers.size(),
          "exactly one contract should have a send operation on " + topic + ": " + producers);
      var published = producers.get(0);
      assertFalse(
          published.types().isEmpty() && published.families().isEmpty(),
          published.document() + " lists no event type on " + topic);
    }
  }

  @Test
  void everyTypeAProducerPublishesOnASubscribedTopicIsHandledOrIgnored() {
    List<String> undecided = new ArrayList<>();
    List<String> contradictory = new ArrayList<>();
    for (String topic : topics) {
      for (var published : contracts.publishedOn(topic)) {
        for (String type : published.types()) {
          boolean isHandled = anyMatches(handled, type);
          boolean isIgnored = anyMatches(ignored, type);
          if (!isHandled && !isIgnored) {
            undecided.add(type + " on " + topic);
          } else if (isHandled && isIgnored) {
            contradictory.add(type + " on " + topic);
          }
        }
        // A family whose members the document does not spell out can only be decided whole.
        for (String family : published.families()) {
          boolean membersListed =
              published.types().stream().anyMatch(type -> EventTypes.matches(family, type));
          if (!membersListed && !declares(handled, family) && !declares(ignored, family)) {
            undecided.add(family + " on " + topic);
          }
        }
      }
    }
    assertTrue(
        undecided.isEmpty(),
        "types the producers' contracts list that no handler applies and no IgnoredEvents names"
            + " (handle them, or ignore them with a reason): "
            + undecided
            + "; handlers: "
            + handled
            + "; ignored: "
            + ignored);
    assertTrue(contradictory.isEmpty(), "both handled and ignored: " + contradictory);
  }

  @Test
  void everyDeclaredTypeIsOneAProducerPublishesOnASubscribedTopic() {
    Set<String> published = new TreeSet<>();
    Set<String> families = new TreeSet<>();
    for (String topic : topics) {
      for (var contract : contracts.publishedOn(topic)) {
        published.addAll(contract.types());
        families.addAll(contract.families());
      }
    }
    List<String> unknown = new ArrayList<>();
    for (var declarations : List.of(handled, ignored)) {
      declarations.forEach(
          (owner, types) -> {
            for (String declared : types) {
              boolean known =
                  families.contains(declared)
                      || published.stream().anyMatch(type -> EventTypes.matches(declared, type));
              if (!known) {
                unknown.add(owner + ": " + declared);
              }
            }
          });
    }
    assertTrue(
        unknown.isEmpty(),
        "declared types no producer publishes on " + topics + " (misspelt, or gone): " + unknown);
  }

  private static boolean anyMatches(Map<String, Set<String>> declarations, String type) {
    return declarations.values().stream().anyMatch(types -> EventTypes.matchesAny(types, type));
  }

  private static boolean declares(Map<String, Set<String>> declarations, String family) {
    return declarations.values().stream().anyMatch(types -> types.contains(family));
  }

  private static boolean concrete(JavaClass javaClass) {
    return !javaClass.isInterface() && !javaClass.getModifiers().contains(JavaModifier.ABSTRACT);
  }

  private static <T> T instance(JavaClass javaClass, Class<T> type) {
    try {
      Class<?> loaded = Class.forName(javaClass.getName());
      Constructor<?> constructor = loaded.getDeclaredConstructor();
      constructor.setAccessible(true);
      return type.cast(constructor.newInstance());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          javaClass.getName()
              + " needs a constructor without parameters that fixes its event types",
          e);
    }
  }

  /** The subscribed topics, as the service's application.properties sets them outside profiles. */
  private static List<String> subscriptions() throws IOException {
    Properties properties = new Properties();
    try (Reader in =
        Files.newBufferedReader(Path.of("src", "main", "resources", "application.properties"))) {
      properties.load(in);
    }
    String value =
        expand(properties, properties.getProperty("registry.messaging.subscriptions", ""));
    return Arrays.stream(value.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
  }

  private static String expand(Properties properties, String value) {
    String current = value;
    for (int depth = 0; depth < 10 && current.contains("${"); depth++) {
      Matcher m = EXPRESSION.matcher(current);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String replacement =
            properties.getProperty(m.group(1), m.group(2) == null ? "" : m.group(2));
        m.appendReplacement(out, Matcher.quoteReplacement(replacement));
      }
      m.appendTail(out);
      current = out.toString();
    }
    return current;
  }
}
