package org.eurasia.registry.agreements.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
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
 */
public record AgreementSnapshot(
    String code,
    AgreementKind kind,
    AgreementStatus status,
    Visibility visibility,
    Map<String, String> title,
    Map<String, String> summary,
    List<Party> parties,
    List<CooperationField> fields,
    List<String> iscedCodes,
    List<String> frameworks,
    List<String> languages,
    List<Agreement.Document> documents,
    UUID amendsId,
    LocalDate entryIntoForce,
    Integer durationMonths,
    LocalDate expiresOn,
    boolean autoRenewal,
    LocalDate endedOn,
    String endReason,
    List<UUID> amendedBy) {

  private static final ObjectMapper CANONICAL =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(new PartialDate.TextForm())
          .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
          .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
          .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
          .build();

  public static AgreementSnapshot of(Agreement a) {
    return new AgreementSnapshot(
        a.code(),
        a.kind(),
        a.status(),
        a.visibility(),
        a.title(),
        a.summary(),
        a.parties(),
        a.fields(),
        a.iscedCodes(),
        a.frameworks(),
        a.languages(),
        a.documents(),
        a.amendsId(),
        a.entryIntoForce(),
        a.durationMonths(),
        a.expiresOn(),
        a.autoRenewal(),
        a.endedOn(),
        a.endReason(),
        a.amendedBy());
  }

  public String canonicalJson() {
    try {
      return CANONICAL.writeValueAsString(this);
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
