package org.eurasia.registry.agreements.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eurasia.registry.agreements.domain.AgreementFilter;
import org.eurasia.registry.agreements.domain.AgreementKind;
import org.eurasia.registry.agreements.domain.AgreementStatus;
import org.eurasia.registry.agreements.domain.CooperationField;
import org.eurasia.registry.agreements.domain.Dimension;
import org.eurasia.registry.platform.api.InvalidParameterException;
import org.eurasia.registry.platform.api.RenamedParameter;
import org.eurasia.registry.platform.validation.CountryCode;
import org.eurasia.registry.platform.validation.SchacCode;

/**
 * The query of agreement statistics: {@code @Valid @BeanParam AgreementStatisticsQuery query}.
 * Declared once because two paths answer it until the old one is retired.
 */
public record AgreementStatisticsQuery(
    @QueryParam("groupBy")
        @NotNull
        @Parameter(description = "The dimension to count by.", example = "FIELD")
        Dimension groupBy,
    @QueryParam("status") AgreementStatus status,
    @QueryParam("kind") AgreementKind kind,
    @QueryParam("organization")
        @SchacCode
        @Parameter(description = "Organization code of a party that consented.")
        String organization,
    @QueryParam("party")
        @SchacCode
        @Parameter(
            deprecated = true,
            description =
                "Organization code of a party that consented."
                    + RenamedParameter.DEPRECATED
                    + "`organization`.")
        String party,
    @QueryParam("country")
        @Size(max = 5)
        @Parameter(
            description =
                "Country of a consenting party; repeat for several (all must be present).")
        List<@CountryCode String> country,
    @QueryParam("countryPair")
        @Pattern(
            regexp = "^[A-Z]{2}-[A-Z]{2}$",
            message = "must be two country codes such as PK-BY")
        @Parameter(
            description = "Agreements between consenting parties of both countries, e.g. `PK-BY`.")
        String countryPair,
    @QueryParam("field") CooperationField field,
    @QueryParam("framework")
        @Pattern(
            regexp = "^[A-Z0-9][A-Z0-9-]{1,19}$",
            message = "must be a framework code such as CPEC")
        String framework,
    @QueryParam("invitedOrganization")
        @SchacCode
        @Parameter(description = "Organization code of a party named but not yet consenting.")
        String invitedOrganization,
    @QueryParam("from") @Parameter(description = AgreementStatisticsQuery.FROM_HELP) LocalDate from,
    @QueryParam("to") @Parameter(description = AgreementStatisticsQuery.TO_HELP) LocalDate to,
    @QueryParam("q") @Size(max = 200) @Parameter(description = "Full-text query, as in the search.")
        String q) {

  /*
   * The shared date window (`from`/`to`, as on events: the days a record runs) applied to an
   * agreement's time in force. The old `inForceFrom`/`inForceTo` bounded the entry-into-force day
   * instead — another question — so they became `entryIntoForceFrom`/`entryIntoForceTo`.
   */
  static final String FROM_HELP =
      "First day of the window: agreements in force on at least one day of it (not ended before"
          + " this day).";
  static final String TO_HELP =
      "Last day of the window: agreements that entered into force on or before this day.";

  /** The search filter these parameters select. */
  AgreementFilter filter() {
    return new AgreementFilter(
        status,
        kind,
        RenamedParameter.either("organization", organization, "party", party),
        invitedOrganization,
        countries(country, countryPair),
        field,
        null,
        framework,
        null,
        q,
        null,
        checkedFrom(from, to),
        to,
        null,
        null,
        null);
  }

  /** {@code from}, once it is known not to lie after {@code to} (else a 400 naming {@code to}). */
  static LocalDate checkedFrom(LocalDate from, LocalDate to) {
    if (from != null && to != null && to.isBefore(from)) {
      throw new InvalidParameterException("to", "must not be before `from`");
    }
    return from;
  }

  /**
   * `countryPair=PK-BY` is `country=PK&country=BY`: both countries among the consenting parties.
   */
  static List<String> countries(List<String> country, String countryPair) {
    if (countryPair == null) {
      return country;
    }
    List<String> all = new ArrayList<>(country == null ? List.of() : country);
    for (String code : countryPair.split("-")) {
      if (!all.contains(code)) {
        all.add(code);
      }
    }
    return all;
  }
}
