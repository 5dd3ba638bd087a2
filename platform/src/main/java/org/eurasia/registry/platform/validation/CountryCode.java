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
 * An ISO 3166-1 alpha-2 country code in upper case, checked against the JDK's list rather than a
 * hand-kept one.
 */
@Documented
@Constraint(validatedBy = CountryCode.Validator.class)
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT,
  ElementType.TYPE_USE,
  ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
public @interface CountryCode {

  String message() default "must be an ISO 3166-1 alpha-2 country code such as PK";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Accepts null (use {@code @NotNull} to require a value). */
  class Validator implements ConstraintValidator<CountryCode, String> {
    private static final Set<String> COUNTRIES =
        Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || COUNTRIES.contains(value);
    }

    public static boolean isCountry(String value) {
      return value != null && COUNTRIES.contains(value);
    }
  }
}
