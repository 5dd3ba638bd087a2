package org.eurasia.registry.agreements.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * An agreement's content at one version, in canonical JSON: keys sorted, no insignificant
 * whitespace, dates as ISO strings. Its SHA-256 is what a party approves, so the same content
 * always hashes the same on every machine.
 *
 * <p>The content is the agreement's terms, member by member, with each party as it now stands (its
 * organization's id and country, and the signature, ratification or acceptance it gave) rather than
 * as the terms name it, and the lifecycle facts: so a new term enters the signed text without a
 * change here. A registrar's override of the framework rule is part of the text when there is one.
 */
public record AgreementSnapshot(
    String code,
    AgreementStatus status,
    AgreementTerms terms,
    List<Party> parties,
    UUID amendsId,
    LocalDate entryIntoForce,
    LocalDate endedOn,
    String endReason,
    List<UUID> amendedBy,
    FrameworkOverride frameworkOverride) {

  private static final ObjectMapper CANONICAL =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(new PartialDate.TextForm())
          .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
          .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
          .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
          .build();

  private static final TypeReference<Map<String, Object>> MEMBERS = new TypeReference<>() {};

  public static AgreementSnapshot of(Agreement a) {
    return new AgreementSnapshot(
        a.code(),
        a.status(),
        a.terms(),
        a.parties(),
        a.amendsId(),
        a.entryIntoForce(),
        a.endedOn(),
        a.endReason(),
        a.amendedBy(),
        a.frameworkOverride());
  }

  public String canonicalJson() {
    // Every term under its name; maps, like objects, are written with their keys sorted.
    Map<String, Object> content = CANONICAL.convertValue(terms, MEMBERS);
    content.put("parties", parties);
    content.put("code", code);
    content.put("status", status);
    content.put("amendsId", amendsId);
    content.put("entryIntoForce", entryIntoForce);
    content.put("endedOn", endedOn);
    content.put("endReason", endReason);
    content.put("amendedBy", amendedBy);
    // Present only in the versions of an agreement a registrar let through the framework rule:
    // every
    // other text, and every version recorded before the rule existed, hashes as it did.
    if (frameworkOverride != null) {
      content.put("frameworkOverride", frameworkOverride);
    }
    try {
      return CANONICAL.writeValueAsString(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String sha256(String canonicalJson) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonicalJson.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * What changed between two snapshots, as JSON paths with the old and new values (null where
   * absent).
   */
  public static List<Difference> diff(String fromJson, String toJson) {
    try {
      List<Difference> differences = new ArrayList<>();
      compare("", CANONICAL.readTree(fromJson), CANONICAL.readTree(toJson), differences);
      return differences;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void compare(String path, JsonNode from, JsonNode to, List<Difference> out) {
    if (from != null && to != null && from.equals(to)) {
      return;
    }
    if (nullIfMissing(from) == null && nullIfMissing(to) == null) {
      // A member added to the content later (e.g. a party's acceptance) is null in newer versions
      // and absent in older.
      return;
    }
    if (from != null && to != null && from.isObject() && to.isObject()) {
      TreeSet<String> names = new TreeSet<>();
      from.fieldNames().forEachRemaining(names::add);
      to.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        compare(path.isEmpty() ? name : path + "." + name, from.get(name), to.get(name), out);
      }
      return;
    }
    if (from != null && to != null && from.isArray() && to.isArray() && from.size() == to.size()) {
      Iterator<JsonNode> a = from.elements();
      Iterator<JsonNode> b = to.elements();
      for (int i = 0; a.hasNext(); i++) {
        compare(path + "[" + i + "]", a.next(), b.next(), out);
      }
      return;
    }
    out.add(new Difference(path, nullIfMissing(from), nullIfMissing(to)));
  }

  private static JsonNode nullIfMissing(JsonNode node) {
    return node == null || node.isNull() ? null : node;
  }

  /** One changed value. */
  public record Difference(String path, JsonNode from, JsonNode to) {}
}
