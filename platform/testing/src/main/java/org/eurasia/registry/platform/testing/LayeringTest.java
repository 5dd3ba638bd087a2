package org.eurasia.registry.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eurasia.registry.platform.api.CarriesIdempotencyKey;
import org.eurasia.registry.platform.api.IdempotencyInterceptor;
import org.eurasia.registry.platform.api.Idempotent;
import org.eurasia.registry.platform.persistence.JsonColumnCopy;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.Test;

/**
 * The shape every service keeps: domain and application code know nothing of HTTP or Kafka
 * (resources translate HTTP, consumers translate events), the domain depends on no outer layer and
 * speaks no HTTP (no problem types, no JSON annotations), and no two packages depend on each other
 * in a circle. No rule may match nothing: a mistyped package fails instead of passing silently. A
 * service runs it by extending it.
 */
public abstract class LayeringTest {

  /** The service's root package, e.g. {@code org.eurasia.registry.agreements}. */
  protected abstract String basePackage();

  private JavaClasses classes() {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(basePackage());
  }

  @Test
  void domainAndApplicationCodeIsFreeOfHttpAndKafka() {
    noClasses()
        .that()
        .resideInAnyPackage(basePackage() + ".domain..", basePackage() + ".application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta.ws.rs..",
            "org.jboss.resteasy..",
            "org.apache.kafka..",
            "io.cloudevents..",
            "io.vertx..")
        .check(classes());
  }

  @Test
  void theDomainDependsOnNoOuterLayer() {
    noClasses()
        .that()
        .resideInAPackage(basePackage() + ".domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            basePackage() + ".api..",
            basePackage() + ".application..",
            basePackage() + ".messaging..")
        .check(classes());
  }

  @Test
  void theDomainSpeaksNoHttpAndNoWireFormat() {
    // Rules are refused with the domain's own exceptions (platform.domain); the edge maps them to
    // problems and statuses.
    // JSON shapes belong to the api (requests, views) and events (payloads) packages.
    noClasses()
        .that()
        .resideInAPackage(basePackage() + ".domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.eurasia.registry.platform.problem..",
            "..api..",
            "com.fasterxml.jackson.annotation..")
        .check(classes());
  }

  @Test
  void packagesDoNotDependOnEachOtherInCircles() {
    slices().matching(basePackage() + ".(*)..").should().beFreeOfCycles().check(classes());
  }

  @Test
  void idempotentOperationsAreDeclaredCompletely() throws ClassNotFoundException {
    // A key header the interceptor does not apply would be documented and ignored; an @Idempotent
    // method it cannot read would fail on its first request instead of here.
    int idempotent = 0;
    for (var javaClass : classes()) {
      if (!javaClass.getPackageName().startsWith(basePackage() + ".api")) {
        continue;
      }
      for (Method method : Class.forName(javaClass.getName()).getDeclaredMethods()) {
        boolean takesKey =
            Arrays.stream(method.getParameterTypes())
                .anyMatch(CarriesIdempotencyKey.class::isAssignableFrom);
        if (method.isAnnotationPresent(Idempotent.class)) {
          IdempotencyInterceptor.verify(method);
          idempotent++;
        } else {
          assertFalse(
              takesKey,
              javaClass.getSimpleName()
                  + "."
                  + method.getName()
                  + " takes an Idempotency-Key but is not @Idempotent");
        }
      }
    }
    assertTrue(idempotent > 0, "no @Idempotent operation found under " + basePackage() + ".api");
  }

  @Test
  void resourcesGoThroughTheApplicationLayerForChanges() {
    noClasses()
        .that()
        .resideInAPackage(basePackage() + ".api..")
        .should()
        .callMethodWhere(
            com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching(
                    "persist|delete|flush")))
        .check(classes());
  }

  @Test
  void jsonColumnsAreCopiedAsTheValuesTheyHold() throws ClassNotFoundException {
    // Hibernate's own copy of a JSON column for the dirty check is a JSON round trip;
    // JsonColumnCopy copies the container, which is a deep copy only of values that cannot change.
    int columns = 0;
    for (var javaClass : classes()) {
      for (Field field : Class.forName(javaClass.getName()).getDeclaredFields()) {
        JdbcTypeCode code = field.getAnnotation(JdbcTypeCode.class);
        if (code == null || code.value() != SqlTypes.JSON) {
          continue;
        }
        columns++;
        String column = javaClass.getSimpleName() + "." + field.getName();
        Mutability mutability = field.getAnnotation(Mutability.class);
        assertTrue(
            mutability != null && mutability.value() == JsonColumnCopy.class,
            column + " is a JSON column without @Mutability(JsonColumnCopy.class)");
        assertTrue(
            isValue(field.getGenericType()),
            column
                + " holds "
                + field.getGenericType().getTypeName()
                + ": a JSON column holds lists, sets and maps of strings, numbers, UUIDs, enums,"
                + " java.time values and records of those, which cannot change in place");
      }
    }
    assertTrue(columns > 0, "no JSON column found under " + basePackage());
  }

  private static final Set<Class<?>> VALUES =
      Set.of(
          String.class,
          Boolean.class,
          Integer.class,
          Long.class,
          Short.class,
          Double.class,
          BigDecimal.class,
          BigInteger.class,
          UUID.class,
          java.net.URI.class);

  private static boolean isValue(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      Type raw = parameterized.getRawType();
      return (raw == List.class || raw == Set.class || raw == Map.class)
          && Arrays.stream(parameterized.getActualTypeArguments()).allMatch(LayeringTest::isValue);
    }
    if (!(type instanceof Class<?> c)) {
      return false;
    }
    if (c.isRecord()) {
      return Arrays.stream(c.getRecordComponents()).allMatch(r -> isValue(r.getGenericType()));
    }
    return c.isPrimitive()
        || c.isEnum()
        || VALUES.contains(c)
        || c.getPackageName().equals("java.time");
  }
}
