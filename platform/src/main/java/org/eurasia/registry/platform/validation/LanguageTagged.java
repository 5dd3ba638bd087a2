package org.eurasia.registry.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A multilingual text: keys are ISO 639-1 language codes (checked against the JDK's list), values
 * are non-blank texts of at most {@link #maxLength()} characters, and the languages in {@link
 * #required()} must be present.
 */
@Documented
@Constraint(validatedBy = LanguageTagged.Validator.class)
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT,
  ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
public @interface LanguageTagged {

  String message() default "must map ISO 639-1 language codes to non-blank texts";

  String[] required() default {"en"};

  int maxLength() default 500;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Accepts null (use {@code @NotNull} to require a value). */
  class Validator implements ConstraintValidator<LanguageTagged, Map<String, String>> {
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private String[] required;
    private int maxLength;

    @Override
    public void initialize(LanguageTagged annotation) {
      required = annotation.required();
      maxLength = annotation.maxLength();
    }

    @Override
    public boolean isValid(Map<String, String> texts, ConstraintValidatorContext context) {
      if (texts == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      boolean valid = true;
      for (String language : required) {
        if (!texts.containsKey(language)) {
          context
              .buildConstraintViolationWithTemplate("must have a text in '" + language + "'")
              .addConstraintViolation();
          valid = false;
        }
      }
      for (Map.Entry<String, String> text : texts.entrySet()) {
        if (text.getKey() == null || !LANGUAGES.contains(text.getKey())) {
          context
              .buildConstraintViolationWithTemplate(
                  "'" + text.getKey() + "' is not an ISO 639-1 language code")
              .addConstraintViolation();
          valid = false;
        } else if (text.getValue() == null
            || text.getValue().isBlank()
            || text.getValue().length() > maxLength) {
          context
              .buildConstraintViolationWithTemplate(
                  "text in '" + text.getKey() + "' must be 1 to " + maxLength + " characters")
              .addConstraintViolation();
          valid = false;
        }
      }
      return valid;
    }
  }
}
