package org.eurasia.registry.agreements.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.eurasia.registry.client.agreements.ApiClient;
import org.eurasia.registry.client.agreements.ApiResponse;
import org.eurasia.registry.client.agreements.api.OrganizationsApi;
import org.eurasia.registry.client.agreements.model.Organization;
import org.eurasia.registry.client.agreements.model.OrganizationKind;
import org.eurasia.registry.client.agreements.model.OrganizationRequest;
import org.eurasia.registry.client.agreements.model.OrganizationStatus;
import org.eurasia.registry.platform.testing.TestInfrastructure;
import org.eurasia.registry.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A partner's view of the API: the Java client openapi-generator makes from the committed contract
 * ({@code java}, library {@code native}; generated into {@code target/generated-client} by the
 * build) writes a record and reads it back from the running service. A path, a field or a type that
 * the contract and the service disagree on fails here: the service refuses a body it does not know
 * (unknown JSON fields are rejected), and the client here refuses a response member the contract
 * does not declare.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class GeneratedClientTest {

  @TestHTTPResource("/")
  URI service;

  private OrganizationsApi organizations(String token) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(service.toString().replaceAll("/$", ""));
    client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    // Generated clients ignore unknown members by default; a partner's strict client would not.
    client.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    return new OrganizationsApi(client);
  }

  @Test
  void anOrganizationRegisteredThroughTheGeneratedClientReadsBackThroughIt() throws Exception {
    String code = "client-" + UUID.randomUUID().toString().substring(0, 8) + ".edu.pk";
    OrganizationsApi api = organizations(TestTokens.registrar());

    ApiResponse<Organization> created =
        api.registerOrganizationWithHttpInfo(
            new OrganizationRequest()
                .code(code)
                .kind(OrganizationKind.UNIVERSITY)
                .names(Map.of("en", "Generated Client University"))
                .country("PK"),
            UUID.randomUUID().toString());

    assertEquals(201, created.getStatusCode());
    Organization registered = created.getData();
    assertNotNull(registered.getId());
    assertTrue(
        created.getHeaders().get("location").get(0).endsWith("/" + registered.getId()),
        created.getHeaders().toString());

    Organization read = api.getOrganization(registered.getId());
    assertEquals(code, read.getCode());
    assertEquals(OrganizationKind.UNIVERSITY, read.getKind());
    assertEquals(Map.of("en", "Generated Client University"), read.getNames());
    assertEquals("PK", read.getCountry());
    assertEquals(OrganizationStatus.ACTIVE, read.getStatus());
    assertEquals(registered.getVersion(), read.getVersion());
    assertNotNull(read.getCreatedAt());
  }
}
