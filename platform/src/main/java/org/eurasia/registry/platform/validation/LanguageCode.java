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
import java.util.Set;

/**
 * An ISO 639-1 language code in lower case ({@code en}, {@code ur}, {@code be}), checked against
 * the JDK's list.
 */
@Documented
@Constraint(validatedBy = LanguageCode.Validator.class)
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT,
  ElementType.TYPE_USE,
  ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
public @interface LanguageCode {

  String message() default "must be an ISO 639-1 language code such as en";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Accepts null (use {@code @NotNull} to require a value). */
  class Validator implements ConstraintValidator<LanguageCode, String> {
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || LANGUAGES.contains(value);
    }
  }
}
