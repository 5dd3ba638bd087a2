package org.eurasia.registry.platform.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Keeps a service's AsyncAPI document ({@code contract/asyncapi.yaml}) true to its configuration:
 * every topic the service publishes to, and its dead-letter topic, is a documented channel. A
 * service runs it by extending it with {@code @QuarkusTest}; CI validates the document itself with
 * the AsyncAPI CLI.
 */
public abstract class AsyncApiContractTest {

  @Test
  void everyTopicThisServicePublishesToIsADocumentedChannel() throws IOException {
    JsonNode document =
        new ObjectMapper(new YAMLFactory()).readTree(Path.of("contract", "asyncapi.yaml").toFile());
    Set<String> documented = new HashSet<>();
    document.path("channels").forEach(channel -> documented.add(channel.path("address").asText()));
    Set<String> published = new HashSet<>();
    var config = ConfigProvider.getConfig();
    for (String name : config.getPropertyNames()) {
      if (name.startsWith("registry.messaging.topics.")) {
        published.add(config.getValue(name, String.class));
      }
    }
    published.add(config.getValue("registry.messaging.dead-letter-topic", String.class));
    published.removeIf(topic -> topic.startsWith("registry.test."));
    assertTrue(
        documented.containsAll(published),
        "Undocumented topics: " + difference(published, documented));
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> result = new HashSet<>(a);
    result.removeAll(b);
    return result;
  }
}
