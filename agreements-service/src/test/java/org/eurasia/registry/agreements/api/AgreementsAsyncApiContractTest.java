package org.eurasia.registry.agreements.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eurasia.registry.agreements.domain.FrameworkNotice;
import org.eurasia.registry.agreements.domain.MilestoneNotice;
import org.eurasia.registry.agreements.domain.OrganizationNotice;
import org.eurasia.registry.agreements.domain.VentureNotice;
import org.eurasia.registry.platform.testing.AsyncApiContractTest;
import org.eurasia.registry.platform.testing.ProducerContracts;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AgreementsAsyncApiContractTest extends AsyncApiContractTest {

  /**
   * The types consumers bind to (read from this document by {@link ProducerContracts}) are exactly
   * the ones the notices are sent as: a new type (registry.organization.retired.v1) reaches every
   * consumer's contract test, and one no longer produced (removed) is not promised.
   */
  @Test
  void
      theDirectoryFrameworkVentureAndMilestoneTypesInTheContractAreExactlyTheOnesTheNoticesAreSentAs() {
    ProducerContracts contracts = ProducerContracts.ofRepository();
    assertEquals(typesOf(OrganizationNotice.class), published(contracts, "registry.organizations"));
    assertEquals(typesOf(FrameworkNotice.class), published(contracts, "registry.frameworks"));
    assertEquals(typesOf(VentureNotice.class), published(contracts, "registry.ventures"));
    assertEquals(typesOf(MilestoneNotice.class), published(contracts, "registry.milestones"));
  }

  private static Set<String> published(ProducerContracts contracts, String topic) {
    List<ProducerContracts.Published> producers = contracts.publishedOn(topic);
    assertEquals(1, producers.size(), "one producer of " + topic + ": " + producers);
    return producers.get(0).types();
  }

  /** The event types a notice declares, as its public string constants. */
  private static Set<String> typesOf(Class<?> notice) {
    Set<String> types = new TreeSet<>();
    Arrays.stream(notice.getDeclaredFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
        .map(AgreementsAsyncApiContractTest::value)
        .filter(v -> v.startsWith("registry."))
        .forEach(types::add);
    return types;
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
