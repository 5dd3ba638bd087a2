package org.eurasia.registry.platform.testing;

/**
 * Asks Testcontainers, once per JVM, whether a Docker engine answers. It returns false, without
 * throwing, when not.
 */
final class DockerProbe {

  private static Boolean available;

  private DockerProbe() {}

  static synchronized boolean available() {
    if (available == null) {
      try {
        available = org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
      } catch (RuntimeException | LinkageError e) {
        available = false;
      }
    }
    return available;
  }
}
