package org.eurasia.registry.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The shape every service keeps: domain and application code know nothing of HTTP or Kafka (resources translate
 * HTTP, consumers translate events), and the domain depends on no outer layer. A service runs it by extending it.
 */
public abstract class LayeringTest {

  /** The service's root package, e.g. {@code org.eurasia.registry.agreements}. */
  protected abstract String basePackage();

  private JavaClasses classes() {
    return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(basePackage());
  }

  @Test
  void domainAndApplicationCodeIsFreeOfHttpAndKafka() {
    noClasses()
        .that()
        .resideInAnyPackage(basePackage() + ".domain..", basePackage() + ".application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..", "org.apache.kafka..", "io.cloudevents..", "io.vertx..")
        .allowEmptyShould(true)
        .check(classes());
  }

  @Test
  void theDomainDependsOnNoOuterLayer() {
    noClasses()
        .that()
        .resideInAPackage(basePackage() + ".domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(basePackage() + ".api..", basePackage() + ".application..", basePackage() + ".events..")
        .allowEmptyShould(true)
        .check(classes());
  }

  @Test
  void resourcesGoThroughTheApplicationLayerForChanges() {
    noClasses()
        .that()
        .resideInAPackage(basePackage() + ".api..")
        .should()
        .callMethodWhere(
            com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching("persist|delete|flush")))
        .allowEmptyShould(true)
        .check(classes());
  }
}
