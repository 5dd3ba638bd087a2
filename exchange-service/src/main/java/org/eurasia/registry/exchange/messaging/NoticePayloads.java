package org.eurasia.registry.exchange.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.eurasia.registry.exchange.domain.MobilityNotice;
import org.eurasia.registry.exchange.domain.ParticipantErasure;
import org.eurasia.registry.exchange.domain.ProgramNotice;
import org.eurasia.registry.exchange.domain.ScholarshipApplicationNotice;
import org.eurasia.registry.exchange.domain.ScholarshipNotice;

/**
 * The wire shape of this service's notices, kept out of the domain records: the outbox writes a
 * notice's components as its JSON payload (the envelope carries the event type), and a programme's,
 * mobility's or scholarship's payload leaves out the fields that are null. A notice's audience (who
 * outside the service may learn of it) is for the change feed and webhooks, never in the payload.
 * Payloads are byte-identical to what the schemas in {@code contract/events} were written for
 * ({@code NoticePayloadsTest}); award notices have nothing to leave out and need no rule.
 */
@Singleton
public class NoticePayloads implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.addMixIn(ProgramNotice.class, StatePayload.class);
    mapper.addMixIn(MobilityNotice.class, StatePayload.class);
    mapper.addMixIn(ScholarshipNotice.class, StatePayload.class);
    mapper.addMixIn(ScholarshipApplicationNotice.class, FactPayload.class);
    mapper.addMixIn(ParticipantErasure.class, FactPayload.class);
  }

  /**
   * An aggregate's state after a change: the event type travels in the envelope, absent values are
   * left out.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties({"eventType", "audience"})
  abstract static class StatePayload {}

  /** A fact that never changes (an application): everything but its audience. */
  @JsonIgnoreProperties("audience")
  abstract static class FactPayload {}
}
