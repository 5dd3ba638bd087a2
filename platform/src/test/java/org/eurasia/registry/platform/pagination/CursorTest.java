package org.eurasia.registry.platform.pagination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.eurasia.registry.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/**
 * A cursor is the caller's input: whatever its bytes, reading it is a value this service made or a
 * 400 naming it.
 */
class CursorTest {

  static String raw(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  static void refused(Runnable read) {
    ProblemException problem = assertThrows(ProblemException.class, read::run);
    assertEquals(400, problem.problem().getStatus());
    assertEquals("cursor", problem.problem().getErrors().get(0).field());
  }

  @Test
  void aCursorThisServiceMadeReadsBackToItsValues() {
    UUID id = UUID.randomUUID();
    Instant at = Instant.parse("2026-11-30T10:15:30.123456Z");
    Cursor cursor =
        Cursor.decode(
            Cursor.of(at.toString(), id.toString(), "PK-BY/MOU/2021/ST-014", "42", "0.0607927")
                .encode(),
            5);
    assertEquals(at, cursor.instant(0));
    assertEquals(id, cursor.uuid(1));
    assertEquals("PK-BY/MOU/2021/ST-014", cursor.code(2));
    assertEquals(42, cursor.number(3));
    assertEquals(0.0607927f, cursor.decimal(4));
  }

  @Test
  void tokensThatAreNotCursorsAreRefusedAsTheCallersInput() {
    for (String token :
        List.of(
            "%%%",
            "not base64!",
            "a".repeat(1025),
            raw("a\u001fb\u001fc"),
            raw("only-one"),
            Base64.getUrlEncoder().encodeToString(new byte[] {(byte) 0xC3, 0x28, 0x1f, 0x41}),
            raw("a\u0000b\u001fc"),
            raw("line\nbreak\u001fx"),
            raw("\u0085\u001fx"))) {
      refused(() -> Cursor.decode(token, 2));
    }
  }

  @Test
  void everyTypedValueRefusesWhatItsTypeCannotBe() {
    List<String> forgeries =
        List.of(
            " ",
            "'; DROP TABLE agreement; --",
            "2026-13-45T99:99:99Z",
            "+999999999-12-31T23:59:59Z",
            "NaN",
            "Infinity",
            "-1",
            "1e400",
            "9223372036854775808",
            "00000000-0000-0000-0000-00000000000g",
            "0-0-0-0-0",
            "../../etc/passwd",
            "ＰＫ",
            "code with spaces",
            "x".repeat(300),
            "\u202Eevil");
    // What each reader may take from that list: values that really are of its type. Everything else
    // is a 400.
    Map<String, Consumer<Cursor>> readers = new LinkedHashMap<>();
    readers.put("instant", c -> c.instant(0));
    readers.put("uuid", c -> c.uuid(0));
    readers.put("number", c -> c.number(0));
    readers.put("decimal", c -> c.decimal(0));
    readers.put("code", c -> c.code(0));
    Map<String, Set<String>> genuine =
        Map.of(
            "decimal", Set.of("-1", "9223372036854775808"),
            "code",
                Set.of(
                    "NaN",
                    "Infinity",
                    "1e400",
                    "9223372036854775808",
                    "00000000-0000-0000-0000-00000000000g",
                    "0-0-0-0-0"));
    for (String forged : forgeries) {
      Cursor cursor = Cursor.decode(raw(forged), 1);
      readers.forEach(
          (type, reader) -> {
            if (genuine.getOrDefault(type, Set.of()).contains(forged)) {
              reader.accept(cursor);
            } else {
              refused(() -> reader.accept(cursor));
            }
          });
    }
  }

  @Test
  void aCursorOfAnotherOrderIsRefused() {
    Cursor cursor = Cursor.decode(Cursor.of("UPDATED", "x").encode(), 2);
    refused(() -> cursor.require(0, "CODE"));
  }

  @Test
  void aTokenInAnotherParameterIsRefusedUnderThatParametersName() {
    ProblemException malformed =
        assertThrows(ProblemException.class, () -> Cursor.decode("%%%", 2, "after"));
    assertEquals("after", malformed.problem().getErrors().get(0).field());
    Cursor wrongShape = Cursor.decode(raw("x\u001f1"), 2, "after");
    ProblemException value = assertThrows(ProblemException.class, () -> wrongShape.number(0));
    assertEquals("after", value.problem().getErrors().get(0).field());
  }
}
