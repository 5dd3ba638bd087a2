package org.eurasia.registry.events.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/**
 * Mails to people a delegation registered ({@code registry.registrant-mail.*}). The SMTP server is
 * Quarkus Mailer's ({@code quarkus.mailer.host}, {@code port}, {@code username}, {@code password},
 * {@code start-tls}, {@code from}), set per deployment.
 */
@ConfigMapping(prefix = "registry.registrant-mail")
public interface RegistrantMailConfig {

  /** How often the mails due are sent ({@code off} to stop sending; they wait in the table). */
  @WithDefault("10s")
  String every();

  /**
   * The address people reach this service at from their mail; the link is {@code
   * <public-base-url>/api/v1/self-service/registrations/<id>?token=<secret>}.
   */
  String publicBaseUrl();

  /**
   * Attempts before a mail is given up on (kept in {@code registrant_mail}, counted by the {@code
   * registry.registrant.mail.given.up} gauge); the waits between them grow from 1 minute to 6
   * hours.
   */
  @WithDefault("12")
  @Min(1)
  int maxAttempts();

  /** Mails claimed at once by a run of the job (each is then sent on its own). */
  @WithDefault("20")
  @Min(1)
  int batch();
}
