package org.eurasia.registry.platform.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a text field of a request body (or a map of language-tagged texts) as multi-line: it may
 * contain line feeds and tabs, and a CR LF pair is stored as a line feed. Every other text field is
 * single-line. No field may hold any other control character, nor a lone CR, so no text can smuggle
 * structure into what is built from it (an iCalendar line, a log line, a CSV row). Enforced while
 * the body is read, by {@link org.eurasia.registry.platform.api.TextInput}.
 */
@Documented
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT,
  ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
public @interface MultiLine {}
