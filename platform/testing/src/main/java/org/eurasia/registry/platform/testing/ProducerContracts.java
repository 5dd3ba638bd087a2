package org.eurasia.registry.platform.testing;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The event types the services' committed AsyncAPI documents ({@code
 * <service>/contract/asyncapi.yaml}) say are published on a topic. The producer of a topic is the
 * document with a {@code send} operation on the channel whose address is the topic. Its types are
 * read from the channel's messages' names and from the descriptions, titles and summaries of the
 * channel and its messages, in any of the forms the documents use: one type ({@code
 * registry.scholarship.awarded.v1}), a braced list ({@code
 * registry.agreement.{drafted,updated}.v1}), or a family ({@code registry.agreement.*.v1}, one
 * message shape whose {@code ce_type} varies).
 */
public final class ProducerContracts {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** A type, a braced list of types, or a family, as the documents write them. */
  private static final Pattern TYPE =
      Pattern.compile("registry\\.([a-z0-9-]+)\\.(\\{[a-z0-9,\\s-]+}|\\*|[a-z0-9-]+)\\.(v[0-9]+)");

  private final List<Document> documents;

  private ProducerContracts(List<Document> documents) {
    this.documents = documents;
  }

  /** Every service's committed AsyncAPI document in this repository. */
  public static ProducerContracts ofRepository() {
    Path root = EventSchemas.file("");
    try (Stream<Path> modules = Files.list(root)) {
      return of(
          modules
              .map(module -> module.resolve("contract").resolve("asyncapi.yaml"))
              .filter(Files::isRegularFile)
              .sorted()
              .toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The given AsyncAPI documents. */
  public static ProducerContracts of(List<Path> files) {
    List<Document> documents = new ArrayList<>();
    for (Path file : files) {
      try {
        documents.add(new Document(file, YAML.readTree(file.toFile())));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ProducerContracts(documents);
  }

  /** What one producer's document says is published on a topic. */
  public record Published(Path document, Set<String> types, Set<String> families) {}

  /** The documents that publish on {@code topic} (exactly one, when the contracts are sound). */
  public List<Published> publishedOn(String topic) {
    List<Published> found = new ArrayList<>();
    for (Document document : documents) {
      document.channelSentTo(topic).ifPresent(channel -> found.add(document.published(channel)));
    }
    return found;
  }

  private record Document(Path file, JsonNode root) {

    java.util.Optional<String> channelSentTo(String topic) {
      var channels = root.path("channels").fields();
      while (channels.hasNext()) {
        var channel = channels.next();
        if (!topic.equals(channel.getValue().path("address").asText())) {
          continue;
        }
        String ref = "#/channels/" + channel.getKey();
        for (JsonNode operation : root.path("operations")) {
          if ("send".equals(operation.path("action").asText())
              && ref.equals(operation.path("channel").path("$ref").asText())) {
            return java.util.Optional.of(channel.getKey());
          }
        }
      }
      return java.util.Optional.empty();
    }

    Published published(String channelKey) {
      JsonNode channel = root.path("channels").path(channelKey);
      Set<String> types = new TreeSet<>();
      Set<String> families = new TreeSet<>();
      collect(channel, types, families);
      for (JsonNode message : channel.path("messages")) {
        JsonNode resolved = resolve(message);
        collect(resolved, types, families);
        read(resolved.path("name").asText(), types, families);
      }
      return new Published(file, types, families);
    }

    private static void collect(JsonNode node, Set<String> types, Set<String> families) {
      for (String field : List.of("description", "title", "summary")) {
        read(node.path(field).asText(), types, families);
      }
    }

    private static void read(String text, Set<String> types, Set<String> families) {
      Matcher m = TYPE.matcher(text);
      while (m.find()) {
        String aggregate = m.group(1);
        String change = m.group(2);
        String version = m.group(3);
        if (change.equals("*")) {
          families.add("registry." + aggregate + ".*." + version);
        } else if (change.startsWith("{")) {
          for (String one : change.substring(1, change.length() - 1).split(",")) {
            types.add("registry." + aggregate + "." + one.strip() + "." + version);
          }
        } else {
          types.add("registry." + aggregate + "." + change + "." + version);
        }
      }
    }

    /** A message, or what its local {@code $ref} ({@code #/components/messages/...}) names. */
    private JsonNode resolve(JsonNode node) {
      JsonNode current = node;
      for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
        String ref = current.get("$ref").asText();
        if (!ref.startsWith("#/")) {
          return current;
        }
        JsonNode target = root;
        for (String part : ref.substring(2).split("/")) {
          target = target.path(part);
        }
        current = target;
      }
      return current;
    }
  }
}
