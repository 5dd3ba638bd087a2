package org.eurasia.registry.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.eurasia.registry.platform.validation.MultiLine;
import org.junit.jupiter.api.Test;

/**
 * Text in a request body carries no control characters; multi-line fields may carry line feeds and
 * tabs only.
 */
class TextInputTest {

  record Body(
      String title,
      @MultiLine String description,
      Map<String, String> names,
      @MultiLine Map<String, String> summary,
      List<String> tags) {}

  static final ObjectMapper JSON = new ObjectMapper();

  static {
    new TextInput().customize(JSON);
  }

  static Body read(String json) throws Exception {
    return JSON.readValue(json, Body.class);
  }

  static String refusedField(String json) {
    JsonMappingException e = assertThrows(JsonMappingException.class, () -> read(json));
    assertTrue(
        e.getOriginalMessage().startsWith("must not contain the control character"),
        e.getOriginalMessage());
    return e.getPath().get(0).getFieldName();
  }

  @Test
  void singleLineFieldsRefuseEveryControlCharacter() {
    for (String c :
        List.of(
            "\\r", "\\n", "\\t", "\\u0000", "\\u001b", "\\u007f", "\\u0085", "\\u2028",
            "\\u2029")) {
      assertEquals("title", refusedField("{\"title\": \"Summit" + c + "ATTENDEE:mailto:x@evil\"}"));
      assertEquals("names", refusedField("{\"names\": {\"en\": \"a" + c + "b\"}}"));
      assertEquals("tags", refusedField("{\"tags\": [\"ok\", \"a" + c + "b\"]}"));
    }
  }

  @Test
  void multiLineFieldsTakeLineFeedsAndTabsAndStoreCrLfAsLf() throws Exception {
    Body body =
        read(
            "{\"description\": \"line one\\r\\nline two\\n\\tindented\", \"summary\": {\"en\": \"a\\r\\nb\"}}");
    assertEquals("line one\nline two\n\tindented", body.description());
    assertEquals("a\nb", body.summary().get("en"));
  }

  @Test
  void multiLineFieldsStillRefuseALoneCarriageReturnAndOtherControls() {
    assertEquals("description", refusedField("{\"description\": \"one\\rDTSTART:19700101\"}"));
    assertEquals("description", refusedField("{\"description\": \"bell\\u0007\"}"));
    assertEquals("summary", refusedField("{\"summary\": {\"en\": \"a\\u2028b\"}}"));
  }

  @Test
  void textAnotherServiceAlreadyCheckedIsReadAsPublished() throws Exception {
    Body body =
        JSON.readerFor(Body.class)
            .withAttribute(TextInput.PUBLISHED_TEXT, true)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .readValue("{\"title\": \"old\\ntitle\"}");
    assertEquals("old\ntitle", body.title());
  }
}
