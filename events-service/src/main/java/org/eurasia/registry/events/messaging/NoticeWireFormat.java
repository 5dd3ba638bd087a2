package org.eurasia.registry.events.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.eurasia.registry.events.domain.AwarenessProgrammeNotice;
import org.eurasia.registry.events.domain.EventNotice;
import org.eurasia.registry.events.domain.PublicationNotice;
import org.eurasia.registry.events.domain.RegistrantErasure;
import org.eurasia.registry.events.domain.RegistrationNotice;

/**
 * The JSON payload of this service's notices, as the outbox writes them (schemas in {@code
 * contract/events}): the domain's records as they are, less what the schemas leave out. An absent
 * value (an online event's venue, a cancellation reason, unlimited capacity, a session's room) is
 * no property at all, never {@code null}; the event type travels in the CloudEvents envelope
 * ({@code ce_type}), not in the payload, and a registration's audience (who may follow it in the
 * change feed) is not in it either. Kept here, as Jackson mix-ins, so the domain's records carry no
 * wire format.
 */
@Singleton
public class NoticeWireFormat implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.addMixIn(EventNotice.class, NoticePayload.class);
    mapper.addMixIn(EventNotice.AgendaSession.class, NoticePayload.class);
    mapper.addMixIn(RegistrationNotice.class, NoticePayload.class);
    mapper.addMixIn(AwarenessProgrammeNotice.class, NoticePayload.class);
    mapper.addMixIn(PublicationNotice.class, NoticePayload.class);
    mapper.addMixIn(RegistrantErasure.class, NoticePayload.class);
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties({"eventType", "audience"})
  interface NoticePayload {}
}
