package org.eurasia.registry.platform.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a list answer that is not a {@code Page} (the change feed, a history) becomes CSV. */
class CsvWriterTest {

  record Entry(String operation, @JsonRawValue String change) {}

  record Feed(List<Entry> items, String next) implements CsvTable {
    @Override
    public Iterable<?> csvRows() {
      return items;
    }

    @Override
    public String csvNext() {
      return next;
    }
  }

  @Test
  void aRawJsonMemberIsOneQuotedCellHoldingItsJson() throws IOException {
    MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
    String csv =
        write(
            new Feed(
                List.of(
                    new Entry("signAgreement", "{\"party\":\"bsu.by\",\"version\":2}"),
                    new Entry("draftAgreement", "{\"code\":\"PK-BY/1\"}")),
                null),
            headers);
    assertEquals(
        "\uFEFFoperation,change\r\n"
            + "signAgreement,\"{\"\"party\"\":\"\"bsu.by\"\",\"\"version\"\":2}\"\r\n"
            + "draftAgreement,\"{\"\"code\"\":\"\"PK-BY/1\"\"}\"\r\n",
        csv);
    assertNull(headers.getFirst("Link"));
  }

  @Test
  void aTableThatContinuesLinksItsNextPart() throws IOException {
    MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
    write(new Feed(List.of(), "/api/v1/changes?after=abc"), headers);
    assertEquals("</api/v1/changes?after=abc>; rel=\"next\"", headers.getFirst("Link"));
  }

  private static String write(Object body, MultivaluedMap<String, Object> headers)
      throws IOException {
    CsvWriter writer = new CsvWriter();
    writer.mapper = new ObjectMapper();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.writeTo(
        body,
        body.getClass(),
        body.getClass(),
        new java.lang.annotation.Annotation[0],
        MediaType.valueOf(CsvExport.TEXT_CSV),
        headers,
        out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
