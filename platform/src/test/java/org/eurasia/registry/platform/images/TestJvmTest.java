package org.eurasia.registry.platform.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The tests run on the JVM the build names ({@code registry.test.java} in the root pom: Java 25,
 * the runtime the services ship on, where the profile tests-on-java-25 finds it), not silently on
 * whatever JDK Maven itself runs on.
 */
class TestJvmTest {

  @Test
  void the_tests_run_on_the_jvm_the_build_names() throws IOException {
    String configured = System.getProperty("registry.test.java");
    // Run from an IDE, nothing names a JVM: there is nothing to compare.
    assumeTrue(configured != null && !configured.isBlank(), "registry.test.java is not set");

    Path running = Path.of(System.getProperty("java.home"), "bin", "java").toRealPath();
    assertEquals(Path.of(configured).toRealPath(), running);
  }
}
