package org.eurasia.registry.platform.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import jakarta.inject.Inject;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eurasia.registry.platform.pagination.Page;

/**
 * Writes any list or statistics answer as a spreadsheet opens it: UTF-8 with a byte-order mark, one
 * header row, RFC 4180 quoting, CRLF line ends. A row is the item's JSON form flattened: nested
 * members become dotted columns ({@code title.en}, {@code title.ru} — one column per language of a
 * multilingual text), lists of values are joined with {@code ;}, and a list of objects gives one
 * column per member holding the elements' values joined with {@code ;} ({@code
 * parties.organizationCode}). A member written as raw JSON (a history entry's {@code change}) is
 * one cell holding that JSON. The columns are those the answer's rows have, in first-seen order.
 * Rows are written one by one as they are flattened; the document is never held whole. A text cell
 * a spreadsheet would take for a formula ({@code = + - @}, tab, carriage return) is prefixed with
 * {@code '}.
 */
@Provider
@Produces(CsvExport.TEXT_CSV)
public class CsvWriter implements MessageBodyWriter<Object> {

  static final String BOM = "\uFEFF";

  @Inject ObjectMapper mapper;

  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return mediaType.isCompatible(MediaType.valueOf(CsvExport.TEXT_CSV));
  }

  @Override
  public void writeTo(
      Object body,
      Class<?> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, Object> headers,
      OutputStream out)
      throws IOException {
    headers.putSingle("Content-Type", CsvExport.TEXT_CSV + "; charset=UTF-8; header=present");
    String next =
        body instanceof Page<?> page
            ? page.next()
            : body instanceof CsvTable table ? table.csvNext() : null;
    if (next != null) {
      headers.add("Link", "<" + next + ">; rel=\"next\"");
    }
    Iterable<?> rows = rows(body);
    // Two passes over the rows already in memory: the first only collects the column names, so the
    // header comes first without building the document.
    Set<String> columns = new LinkedHashSet<>();
    for (Object row : rows) {
      columns.addAll(flatten(row).keySet());
    }
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    writer.write(BOM);
    writeLine(writer, new ArrayList<>(columns));
    for (Object row : rows) {
      Map<String, Cell> cells = flatten(row);
      List<String> line = new ArrayList<>(columns.size());
      for (String column : columns) {
        Cell cell = cells.get(column);
        line.add(cell == null ? "" : cell.guarded());
      }
      writeLine(writer, line);
    }
    writer.flush();
  }

  private static Iterable<?> rows(Object body) {
    if (body instanceof Page<?> page) {
      return page.items();
    }
    if (body instanceof CsvTable table) {
      return table.csvRows();
    }
    if (body instanceof Collection<?> collection) {
      return collection;
    }
    return body == null ? List.of() : List.of(body);
  }

  private Map<String, Cell> flatten(Object row) {
    Map<String, Cell> cells = new LinkedHashMap<>();
    JsonNode node = mapper.valueToTree(row);
    if (node.isObject()) {
      flatten("", node, cells);
    } else {
      cells.put("value", Cell.of(node));
    }
    return cells;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, Cell> cells) {
    if (node.isPojo() && ((POJONode) node).getPojo() instanceof RawValue raw) {
      // A member written as raw JSON (a history entry's `change`, whose shape differs with each
      // event type) stays one cell holding its JSON, so the columns do not vary from row to row.
      cells.put(prefix, new Cell(String.valueOf(raw.rawValue()), true));
    } else if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e ->
                  flatten(
                      prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                      e.getValue(),
                      cells));
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        Map<String, Cell> inner = new LinkedHashMap<>();
        flatten(prefix, element, inner);
        inner.forEach((column, cell) -> cells.merge(column, cell, Cell::join));
      }
      if (node.isEmpty()) {
        cells.putIfAbsent(prefix, new Cell("", false));
      }
    } else {
      cells.put(prefix, Cell.of(node));
    }
  }

  private static void writeLine(Writer writer, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        writer.write(',');
      }
      writer.write(quote(cells.get(i)));
    }
    writer.write("\r\n");
  }

  /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
  static String quote(String value) {
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  /** One cell's text; numbers and booleans are never taken for formulas, texts may be. */
  record Cell(String text, boolean textual) {

    static Cell of(JsonNode node) {
      if (node == null || node.isNull() || node.isMissingNode()) {
        return new Cell("", false);
      }
      return new Cell(node.asText(), node.isTextual());
    }

    Cell join(Cell next) {
      return new Cell(text + ";" + next.text, textual || next.textual);
    }

    String guarded() {
      if (textual && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
        return "'" + text;
      }
      return text;
    }
  }
}
