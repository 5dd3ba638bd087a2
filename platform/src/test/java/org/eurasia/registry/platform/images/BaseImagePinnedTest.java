package org.eurasia.registry.platform.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every service image is built on the base image the platform's configuration names; a moving tag
 * ({@code :1.24}, {@code :latest}) would give two builds of one commit different JDK and OS layers.
 */
class BaseImagePinnedTest {

  /** A digest, or Red Hat's exact build tag {@code <version>-<release>.<build timestamp>}. */
  static final Pattern PINNED =
      Pattern.compile(".+(@sha256:[0-9a-f]{64}|:\\d+\\.\\d+-\\d+\\.\\d{10})");

  /** Red Hat's runtime image of one JDK feature release: {@code …/openjdk-25-runtime:…}. */
  static final Pattern RUNTIME = Pattern.compile("/openjdk-(\\d+)-runtime[:@]");

  @Test
  void the_services_build_on_a_base_image_pinned_to_an_exact_build() throws IOException {
    String image = baseImage();
    assertTrue(
        image != null && PINNED.matcher(image).matches(), "quarkus.jib.base-jvm-image=" + image);
  }

  /**
   * The images run on the JDK the local stack and the benchmark measure (Java 25, issue 23), not on
   * an older one that nothing here exercises.
   */
  @Test
  void the_images_run_on_java_25_or_later() throws IOException {
    Matcher runtime = RUNTIME.matcher(baseImage());
    assertTrue(runtime.find(), "not a UBI OpenJDK runtime image: " + baseImage());
    assertTrue(Integer.parseInt(runtime.group(1)) >= 25, "Java " + runtime.group(1));
  }

  @Test
  void a_moving_tag_is_not_taken_for_a_pinned_one() {
    assertFalse(
        PINNED.matcher("registry.access.redhat.com/ubi9/openjdk-25-runtime:1.24").matches());
    assertFalse(
        PINNED.matcher("registry.access.redhat.com/ubi9/openjdk-25-runtime:latest").matches());
    assertTrue(
        PINNED
            .matcher("registry.access.redhat.com/ubi9/openjdk-25-runtime:1.24-2.1781533370")
            .matches());
    assertTrue(
        PINNED
            .matcher("registry.access.redhat.com/ubi9/openjdk-25-runtime@sha256:" + "a".repeat(64))
            .matches());
  }

  @Test
  void an_older_runtime_is_told_apart() {
    Matcher runtime =
        RUNTIME.matcher("registry.access.redhat.com/ubi9/openjdk-17-runtime:1.24-3.1787219885");
    assertTrue(runtime.find());
    assertEquals("17", runtime.group(1));
  }

  private String baseImage() throws IOException {
    Properties config = new Properties();
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
      config.load(in);
    }
    return config.getProperty("quarkus.jib.base-jvm-image");
  }
}
