package org.eurasia.registry.events.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eurasia.registry.events.application.RegistrationService;
import org.eurasia.registry.events.domain.Registration;
import org.eurasia.registry.platform.api.ApiPaths;

/**
 * The pages a person registered by their organization's delegation reaches from the link mailed to
 * them: their registration, and a button to cancel it. The link's token is the only right its
 * holder has (no account, no bearer token): a wrong or missing token is answered as an unknown id.
 * A browser gets HTML, anything else the JSON registration.
 *
 * <p>Not in the partner contract (hidden from OpenAPI): partner systems never call these, and a
 * generated client could not use them (the token exists only in one person's mailbox). The README
 * documents them.
 */
@Path(ApiPaths.V1 + "/self-service/registrations/{id}")
@PermitAll
public class SelfServiceResource {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(java.time.ZoneOffset.UTC);

  @Inject RegistrationService registrationService;

  @GET
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
  @Operation(operationId = "getRegistrationThroughLink", hidden = true)
  public Response view(
      @PathParam("id") UUID id, @QueryParam("token") String token, @Context HttpHeaders headers) {
    return answer(registrationService.openedByLink(id, token), token, headers, null);
  }

  @POST
  @Path("/cancellation")
  @Consumes(MediaType.WILDCARD)
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
  @Operation(operationId = "cancelRegistrationThroughLink", hidden = true)
  public Response cancel(
      @PathParam("id") UUID id, @QueryParam("token") String token, @Context HttpHeaders headers) {
    return answer(
        registrationService.cancelThroughLink(id, token),
        token,
        headers,
        "Your registration is cancelled.");
  }

  /**
   * JSON or a page, as the caller accepts; never cached or passed on in a Referer (the address
   * holds the token, the answer the person).
   */
  private static Response answer(Registration r, String token, HttpHeaders headers, String notice) {
    boolean html =
        headers.getAcceptableMediaTypes().stream()
            .filter(
                t ->
                    t.isCompatible(MediaType.TEXT_HTML_TYPE)
                        || t.isCompatible(MediaType.APPLICATION_JSON_TYPE))
            .findFirst()
            .map(t -> t.isCompatible(MediaType.TEXT_HTML_TYPE) && !t.isWildcardType())
            .orElse(false);
    Response.ResponseBuilder answer =
        html
            ? Response.ok(page(r, token, notice), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(
                    "Content-Security-Policy",
                    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self';"
                        + " frame-ancestors 'none'")
            : Response.ok(RegistrationView.of(r), MediaType.APPLICATION_JSON_TYPE);
    return answer
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .build();
  }

  private static String page(Registration r, String token, String notice) {
    StringBuilder page = new StringBuilder();
    page.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width\">")
        .append("<title>Your registration</title>")
        .append("<style>body{font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em}")
        .append("dt{font-weight:bold}</style></head><body><h1>Your registration</h1>");
    if (notice != null) {
      page.append("<p><strong>").append(escape(notice)).append("</strong></p>");
    }
    page.append("<dl>")
        .append(item("Name", r.name()))
        .append(item("Registered by", r.organization() == null ? "" : r.organization()))
        .append(item("Status", r.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')))
        .append(item("Registered", WHEN.format(r.createdAt())))
        .append("</dl>");
    if (r.allowedTransitions().contains("cancel")) {
      page.append("<form method=\"post\" action=\"")
          .append(
              escape(
                  ApiPaths.V1
                      + "/self-service/registrations/"
                      + r.id()
                      + "/cancellation?token="
                      + token))
          .append("\"><button type=\"submit\">Cancel my registration</button></form>");
    }
    return page.append("</body></html>").toString();
  }

  private static String item(String term, String value) {
    return "<dt>" + escape(term) + "</dt><dd>" + escape(value) + "</dd>";
  }

  /** Everything shown is escaped: a name is the registrant's own text. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
