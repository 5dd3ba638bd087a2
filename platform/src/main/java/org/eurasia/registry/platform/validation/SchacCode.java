package org.eurasia.registry.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An organisation code as the European student-mobility network (EWP) writes it: the organisation's
 * internet domain in lower case, for example {@code qau.edu.pk} or {@code bsu.by}. The same code
 * names a partner in the token's {@code org} claim.
 */
@Documented
@Constraint(validatedBy = {})
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT,
  ElementType.TYPE_USE,
  ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
@Size(min = 3, max = 253)
@Pattern(
    regexp = SchacCode.REGEX,
    message = "must be a lower-case internet domain such as qau.edu.pk")
public @interface SchacCode {

  String REGEX = "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$";

  String message() default "must be a lower-case internet domain such as qau.edu.pk";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
