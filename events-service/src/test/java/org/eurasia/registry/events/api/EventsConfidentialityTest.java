package org.eurasia.registry.events.api;

import static org.awaitility.Awaitility.await;
import static org.eurasia.registry.events.api.EventsApi.ORGANIZER;
import static org.eurasia.registry.events.api.EventsApi.ORGANIZER_TOKEN;
import static org.eurasia.registry.events.api.EventsApi.Y;
import static org.eurasia.registry.events.api.EventsApi.as;
import static org.eurasia.registry.events.api.EventsApi.create;
import static org.eurasia.registry.events.api.EventsApi.details;
import static org.eurasia.registry.events.api.EventsApi.local;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eurasia.registry.platform.testing.ConfidentialitySweepTest;
import org.eurasia.registry.platform.testing.ForeignEvents;
import org.eurasia.registry.platform.testing.KafkaProbe;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;

/**
 * A public webinar linked to the two ministries' confidential memorandum: the link is public (the
 * organizer published it), the memorandum's code and status are not. When the memorandum enters
 * into force, nothing changes on any read operation — lists, statistics, every calendar feed — for
 * callers without a token or an unrelated university; the Pakistani ministry, a party, sees the new
 * status.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EventsConfidentialityTest extends ConfidentialitySweepTest {

  static final ForeignEvents AGREEMENTS =
      new ForeignEvents(
          "registry.agreements",
          "/agreements-service",
          "agreement",
          "agreements-service/contract/events/registry.agreement.v1.schema.json",
          "/fixtures/agreement-event.json");
  static final String INSIDER = TestTokens.partner("most.gov.pk");

  private UUID agreement;
  private String event;

  @BeforeAll
  static void theAgreementsTopicExists() {
    KafkaProbe.createTopic(AGREEMENTS.topic(), 3);
  }

  private void announce(String type, String status, long version) {
    AGREEMENTS.publish(
        agreement,
        "registry.agreement." + type + ".v1",
        version,
        p -> {
          p.put("agreementId", agreement.toString())
              .put("status", status)
              .put("version", version)
              .put("visibility", "CONFIDENTIAL")
              .put("code", code());
          p.remove("title");
          p.putArray("fields");
          p.putArray("iscedCodes");
        });
  }

  private String code() {
    return "C/" + agreement.toString().substring(0, 8).toUpperCase();
  }

  @Override
  protected Map<String, String> prepare() {
    agreement = UUID.randomUUID();
    announce("signed", "SIGNED", 2);
    Map<String, Object> details =
        details(
            "WEBINAR",
            local("Asia/Karachi", Y + "-03-12T10:00:00", Y + "-03-12T12:00:00"),
            50,
            false);
    details.put("linkedAgreements", List.of(agreement.toString()));
    // The registrar links it (the organizer, not a party, may not even read it) and names the
    // organizer, bound.
    Response created =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> create(TestTokens.registrar(), details), r -> r.statusCode() == 201);
    event = created.path("id");
    as(ORGANIZER_TOKEN).post("/api/v1/events/" + event + "/publication").then().statusCode(200);
    return Map.of(
        "id",
        event,
        "eventId",
        event,
        "agreementId",
        agreement.toString(),
        "organizer",
        ORGANIZER,
        "code",
        ORGANIZER,
        "limit",
        "100",
        "country",
        "PK");
  }

  @Override
  protected Set<String> secretParameters() {
    return Set.of();
  }

  @Override
  protected Secret reveal() {
    announce("entered-into-force", "IN_FORCE", 3);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "IN_FORCE"
                    .equals(
                        as(INSIDER)
                            .get("/api/v1/events/" + event)
                            .path("linkedAgreements[0].status")));
    return new Secret(Map.of(), List.of(code()));
  }

  @Override
  protected String value(String template, String parameter, Map<String, String> values) {
    if ("id".equals(parameter)) {
      return template.startsWith("/api/v1/calendars/agreements/")
          ? agreement.toString()
          : template.startsWith("/api/v1/registrations/") ? null : values.get("id");
    }
    return values.get(parameter);
  }

  @Override
  protected List<String> outsiders() {
    return Arrays.asList(null, TestTokens.partner("cuc.edu.cn"), ORGANIZER_TOKEN);
  }

  @Override
  protected String insider() {
    return INSIDER;
  }
}
