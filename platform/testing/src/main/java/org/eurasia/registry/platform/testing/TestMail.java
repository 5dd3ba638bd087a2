package org.eurasia.registry.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eurasia.registry.local.MailServer;

/**
 * Gives a test JVM a real SMTP server (GreenMail, embedded) and points Quarkus Mailer at it, off
 * its test-mode mock: a service under test sends mail over SMTP as in production. A test reads a
 * recipient's mailbox with {@link #inbox}, over POP3 (the test runs in another class loader than
 * this resource, so the server is reached as a service would be, by its port).
 *
 * <p>Register it beside {@link TestInfrastructure} with {@code @WithTestResource(value =
 * TestMail.class, scope = TestResourceScope.GLOBAL)}.
 */
public class TestMail implements QuarkusTestResourceLifecycleManager {

  /** Where a test finds the POP3 port: set by {@link #start}. */
  public static final String POP3_PORT = "registry.test.mail.pop3-port";

  private MailServer server;

  @Override
  public Map<String, String> start() {
    server = MailServer.start(0, 0);
    return Map.of(
        "quarkus.mailer.mock",
        "false",
        "quarkus.mailer.host",
        server.host(),
        "quarkus.mailer.port",
        String.valueOf(server.port()),
        "quarkus.mailer.tls",
        "false",
        "quarkus.mailer.start-tls",
        "DISABLED",
        POP3_PORT,
        String.valueOf(server.pop3Port()));
  }

  @Override
  public void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** The mails {@code address} received so far, oldest first. */
  public static List<MailServer.Received> inbox(String address) {
    int port = ConfigProvider.getConfig().getValue(POP3_PORT, Integer.class);
    return MailServer.inbox("127.0.0.1", port, address);
  }
}
