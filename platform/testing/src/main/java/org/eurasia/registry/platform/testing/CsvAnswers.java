package org.eurasia.registry.platform.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads a {@code text/csv} answer as a spreadsheet would: BOM, one header row, RFC 4180. */
public final class CsvAnswers {

  private CsvAnswers() {}

  /** The header row's columns, after checking the answer is CSV that starts with a BOM. */
  public static List<String> header(Response csv) {
    assertEquals(200, csv.statusCode(), csv.asString());
    assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
    byte[] bytes = csv.asByteArray();
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
    return cells(records(csv).get(0));
  }

  /** One column's values, unquoted, one per record after the header. */
  public static List<String> column(Response csv, String name) {
    List<String> header = header(csv);
    int index = header.indexOf(name);
    assertTrue(index >= 0, "column " + name + " in " + header);
    List<String> records = records(csv);
    return records.subList(1, records.size()).stream().map(r -> cells(r).get(index)).toList();
  }

  /** The records, without the BOM (a quoted line break stays inside its record). */
  public static List<String> records(Response csv) {
    String body = new String(csv.asByteArray(), StandardCharsets.UTF_8).substring(1);
    List<String> records = new ArrayList<>();
    StringBuilder record = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      }
      if (!quoted && c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
        records.add(record.toString());
        record.setLength(0);
        i++;
      } else {
        record.append(c);
      }
    }
    if (record.length() > 0) {
      records.add(record.toString());
    }
    return records;
  }

  /** RFC 4180 fields of one record. */
  public static List<String> cells(String record) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < record.length(); i++) {
      char c = record.charAt(i);
      if (quoted && c == '"' && i + 1 < record.length() && record.charAt(i + 1) == '"') {
        cell.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
