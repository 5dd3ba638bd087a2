package org.eurasia.registry.platform.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import org.eurasia.registry.platform.validation.MultiLine;

/**
 * Every string read from a request body is checked for control characters: none at all in a
 * single-line field, only line feeds and tabs in a field marked {@link MultiLine} (where CR LF
 * becomes LF). Anything else — a lone CR, NUL, ESC, C1 controls, the Unicode line and paragraph
 * separators — is refused with a 400 problem naming the field, before the value reaches the domain.
 * Why: text flows into iCalendar feeds, logs and other services' events; a CR or line separator
 * there can start a new line a reader takes for structure (iCalendar property injection).
 */
@Singleton
public class TextInput implements ObjectMapperCustomizer {

  /**
   * Reader attribute for text another service already checked (its published events): read as is.
   */
  public static final String PUBLISHED_TEXT = "registry.published-text";

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.registerModule(
        new SimpleModule("registry-text-input").addDeserializer(String.class, new Text(false)));
  }

  /** The first character a field of this kind may not hold, or -1 when the text is acceptable. */
  public static int firstRefused(String text, boolean multiLine) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (multiLine
          && (c == '\n'
              || c == '\t'
              || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n'))) {
        continue;
      }
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        return i;
      }
    }
    return -1;
  }

  /** The text as stored: a multi-line field's CR LF pairs become LF. */
  public static String normalized(String text, boolean multiLine) {
    return multiLine && text.indexOf('\r') >= 0 ? text.replace("\r\n", "\n") : text;
  }

  /**
   * A text refused for a control character. A {@link MismatchedInputException}, because Quarkus
   * REST hands those to the exception mappers as they are (other mapping exceptions become a bare
   * 400): the problem then names the field.
   */
  public static final class RefusedText extends MismatchedInputException {
    RefusedText(JsonParser parser, String message) {
      super(parser, message, String.class);
    }
  }

  /** Jackson's own string reading, then the check for the field it reads. */
  static final class Text extends JsonDeserializer<String> implements ContextualDeserializer {
    private final boolean multiLine;

    Text(boolean multiLine) {
      this.multiLine = multiLine;
    }

    @Override
    public JsonDeserializer<?> createContextual(
        DeserializationContext context, BeanProperty property) {
      boolean marked = property != null && property.getAnnotation(MultiLine.class) != null;
      return marked == multiLine ? this : new Text(marked);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String text = StringDeserializer.instance.deserialize(parser, context);
      if (text == null || Boolean.TRUE.equals(context.getAttribute(PUBLISHED_TEXT))) {
        return text;
      }
      int refused = firstRefused(text, multiLine);
      if (refused >= 0) {
        throw new RefusedText(
            parser,
            String.format(
                "must not contain the control character U+%04X (at position %d)%s",
                (int) text.charAt(refused),
                refused,
                multiLine
                    ? "; line feeds and tabs are allowed here"
                    : "; this field is single-line"));
      }
      return normalized(text, multiLine);
    }
  }
}
