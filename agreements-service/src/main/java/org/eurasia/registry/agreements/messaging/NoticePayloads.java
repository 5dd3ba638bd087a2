package org.eurasia.registry.agreements.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.eurasia.registry.agreements.domain.AgreementNotice;
import org.eurasia.registry.agreements.domain.FrameworkNotice;
import org.eurasia.registry.agreements.domain.MilestoneNotice;
import org.eurasia.registry.agreements.domain.OrganizationNotice;
import org.eurasia.registry.agreements.domain.VentureNotice;

/**
 * The wire shape of this service's notices, the JSON the outbox publishes (schemas in {@code
 * contract/events}): the domain's records stay plain, and these mix-ins say what the payload leaves
 * out. The event type travels as the CloudEvents {@code ce_type} header, not in the payload.
 */
@Singleton
public class NoticePayloads implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.addMixIn(AgreementNotice.class, AgreementPayload.class);
    mapper.addMixIn(OrganizationNotice.class, OrganizationPayload.class);
    mapper.addMixIn(FrameworkNotice.class, FrameworkPayload.class);
    mapper.addMixIn(VentureNotice.class, VenturePayload.class);
    mapper.addMixIn(MilestoneNotice.class, MilestonePayload.class);
  }

  /**
   * Members an agreement does not have (dates not reached, a confidential agreement's title) are
   * absent, not null.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties("eventType")
  interface AgreementPayload {}

  /**
   * Every member is sent, null included (a parent-less organization has {@code "parentId": null}):
   * {@code status} ({@code ACTIVE} or {@code RETIRED}) in every event, and {@code removed}, always
   * false now, for consumers that still read events from before organizations were retired.
   */
  @JsonIgnoreProperties("eventType")
  interface OrganizationPayload {}

  /**
   * Every member is sent, null included (a membership of unknown start has {@code "since": null}).
   */
  @JsonIgnoreProperties("eventType")
  interface FrameworkPayload {}

  /** Every member is sent, null included. */
  @JsonIgnoreProperties("eventType")
  interface VenturePayload {}

  /** Every member is sent; who may learn of it ({@code restrictedTo}) is not part of it. */
  @JsonIgnoreProperties({"eventType", "restrictedTo"})
  interface MilestonePayload {}
}
