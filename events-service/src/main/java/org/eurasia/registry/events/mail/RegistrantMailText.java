package org.eurasia.registry.events.mail;

import io.quarkus.mailer.Mail;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.eurasia.registry.events.domain.Event;
import org.eurasia.registry.events.domain.Registration;

/**
 * The mail a person registered by their organization's delegation receives: who registered them,
 * for what and when, where the registration stands, and the link to see and cancel it. Plain text,
 * in English (the registry's working language); the event's title in English when it has one.
 */
final class RegistrantMailText {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm", Locale.ENGLISH);

  private RegistrantMailText() {}

  static Mail compose(Registration registration, Event event, String link) {
    String title = oneLine(title(event.terms().title()));
    ZonedDateTime start = event.startsAt().atZone(event.zone());
    String body =
        "Dear "
            + registration.name()
            + ",\n\n"
            + "The delegation of "
            + registration.organization()
            + " has registered you for \""
            + title
            + "\" ("
            + event.code()
            + "), starting "
            + WHEN.format(start)
            + " ("
            + event.zone().getId()
            + " time).\n"
            + "Your registration is "
            + registration.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
            + ".\n\n"
            + "See your registration, or cancel it if you will not attend or did not expect it:\n"
            + link
            + "\n\n"
            + "This link is yours alone: whoever holds it can see and cancel this registration.\n"
            + "Your name and address are kept for the event and erased a set time after it ends;\n"
            + "the organizers or "
            + registration.organization()
            + " can have them erased earlier.\n\n"
            + "Eurasian Cooperation Registry\n";
    return Mail.withText(registration.email(), "You are registered for " + title, body);
  }

  private static String title(Map<String, String> title) {
    if (title.containsKey("en")) {
      return title.get("en");
    }
    return title.values().stream().findFirst().orElse("an event");
  }

  /** A title is one line in a subject: no header may be started from it. */
  private static String oneLine(String text) {
    return text.replaceAll("[\\r\\n\\t]+", " ").strip();
  }
}
