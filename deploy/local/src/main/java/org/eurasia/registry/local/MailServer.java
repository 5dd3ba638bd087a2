package org.eurasia.registry.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A real SMTP server inside this JVM (GreenMail), for the local stack and the tests: the services
 * send to it over SMTP exactly as to a production relay, and everything it receives can be read
 * back, over POP3 (each recipient's mailbox, the address as user and password) or by {@link
 * #received()} in the same class loader. It accepts any sender and recipient and delivers nothing
 * further.
 */
public final class MailServer implements AutoCloseable {

  private final GreenMail greenMail;

  private MailServer(GreenMail greenMail) {
    this.greenMail = greenMail;
  }

  /** Starts SMTP and POP3 on 127.0.0.1 at the given ports (0: any free port). */
  public static MailServer start(int smtpPort, int pop3Port) {
    ServerSetup smtp = on(smtpPort, ServerSetup.PROTOCOL_SMTP);
    ServerSetup pop3 = on(pop3Port, ServerSetup.PROTOCOL_POP3);
    GreenMail greenMail = new GreenMail(new ServerSetup[] {smtp, pop3});
    greenMail.start();
    return new MailServer(greenMail);
  }

  private static ServerSetup on(int port, String protocol) {
    ServerSetup setup = new ServerSetup(port, "127.0.0.1", protocol);
    return port == 0 ? setup.dynamicPort() : setup;
  }

  public int pop3Port() {
    return greenMail.getPop3().getPort();
  }

  /**
   * The mails in {@code address}'s mailbox, read over POP3 from a {@link MailServer} on {@code
   * host}: what a test in another class loader than the server's reads.
   */
  public static List<Received> inbox(String host, int pop3Port, String address) {
    java.util.Properties properties = new java.util.Properties();
    properties.put("mail.pop3.host", host);
    properties.put("mail.pop3.port", String.valueOf(pop3Port));
    jakarta.mail.Session session = jakarta.mail.Session.getInstance(properties);
    try (jakarta.mail.Store store = session.getStore("pop3")) {
      store.connect(host, pop3Port, address, address);
      jakarta.mail.Folder inbox = store.getFolder("INBOX");
      inbox.open(jakarta.mail.Folder.READ_ONLY);
      try {
        List<Received> all = new ArrayList<>();
        for (jakarta.mail.Message message : inbox.getMessages()) {
          all.add(read((MimeMessage) message));
        }
        return all;
      } finally {
        inbox.close(false);
      }
    } catch (jakarta.mail.AuthenticationFailedException e) {
      // GreenMail makes a mailbox on the first mail to an address: none yet.
      return List.of();
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("Cannot read the mailbox of " + address, e);
    }
  }

  public String host() {
    return "127.0.0.1";
  }

  public int port() {
    return greenMail.getSmtp().getPort();
  }

  /** Every mail received so far, oldest first. */
  public List<Received> received() {
    List<Received> all = new ArrayList<>();
    for (MimeMessage message : greenMail.getReceivedMessages()) {
      try {
        all.add(read(message));
      } catch (MessagingException | IOException e) {
        throw new IllegalStateException("Cannot read a received mail", e);
      }
    }
    return all;
  }

  private static Received read(MimeMessage message) throws MessagingException, IOException {
    return new Received(
        message.getAllRecipients() == null
            ? List.of()
            : java.util.Arrays.stream(message.getAllRecipients()).map(Object::toString).toList(),
        message.getSubject(),
        text(message.getContent()));
  }

  private static String text(Object content) throws MessagingException, IOException {
    if (content instanceof String s) {
      return s;
    }
    if (content instanceof jakarta.mail.Multipart multipart) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        text.append(text(multipart.getBodyPart(i).getContent()));
      }
      return text.toString();
    }
    return String.valueOf(content);
  }

  @Override
  public void close() {
    greenMail.stop();
  }

  /** One received mail: its recipients, subject and text. */
  public record Received(List<String> to, String subject, String text) {}
}
