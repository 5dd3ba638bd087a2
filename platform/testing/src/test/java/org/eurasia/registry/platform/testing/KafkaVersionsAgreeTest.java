package org.eurasia.registry.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

/**
 * Kafka's test kit is an internal API compiled against one exact broker and client version. When
 * the Quarkus BOM moves kafka-clients and {@code kafka.version} in the root POM stays behind (or
 * the reverse), the embedded broker fails with missing classes at run time; this test fails the
 * build first, naming both versions.
 */
class KafkaVersionsAgreeTest {

  @Test
  void embeddedBrokerTestKitHasTheSameVersionAsTheKafkaClientsTheBomPins() throws IOException {
    String clients = AppInfoParser.getVersion();
    String testKit =
        mavenVersion(KafkaClusterTestKit.class, "org.apache.kafka", "kafka-test-common-runtime");
    assertEquals(
        clients,
        testKit,
        "kafka-test-common-runtime must equal kafka-clients; set <kafka.version> in the root pom.xml to "
            + clients);
  }

  private static String mavenVersion(Class<?> inJar, String group, String artifact)
      throws IOException {
    String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = inJar.getResourceAsStream(resource)) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        return properties.getProperty("version");
      }
    }
    // Kafka's jars are built with Gradle and carry no pom.properties: the jar's file name holds the
    // version.
    String location = inJar.getProtectionDomain().getCodeSource().getLocation().getPath();
    String file = location.substring(location.lastIndexOf('/') + 1);
    return file.replace(artifact + "-", "").replace(".jar", "");
  }
}
