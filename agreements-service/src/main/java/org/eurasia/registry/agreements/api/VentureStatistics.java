package org.eurasia.registry.agreements.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eurasia.registry.agreements.domain.CooperationField;
import org.eurasia.registry.agreements.domain.VentureDimension;
import org.eurasia.registry.agreements.domain.VentureFilter;
import org.eurasia.registry.agreements.domain.VentureKind;
import org.eurasia.registry.agreements.domain.VentureStatus;
import org.eurasia.registry.platform.csv.CsvTable;
import org.eurasia.registry.platform.validation.CountryCode;
import org.eurasia.registry.platform.validation.SchacCode;

/** Venture counts by one dimension; bounded by the dimension's values, so not paged. */
@Schema(name = "VentureStatistics")
public record VentureStatistics(VentureDimension groupBy, List<AgreementStatistics.Count> counts)
    implements CsvTable {

  @Override
  public Iterable<?> csvRows() {
    return counts;
  }

  /** The query: {@code @Valid @BeanParam VentureStatistics.Query query}, the search's filters. */
  public record Query(
      @QueryParam("groupBy")
          @NotNull
          @Parameter(description = "The dimension to count by.", example = "KIND")
          VentureDimension groupBy,
      @QueryParam("status") VentureStatus status,
      @QueryParam("kind") VentureKind kind,
      @QueryParam("organization")
          @SchacCode
          @Parameter(description = "Organization code of a partner that accepted.")
          String organization,
      @QueryParam("country")
          @Size(max = 5)
          @Parameter(description = "Country of an accepting partner; repeat for several.")
          List<@CountryCode String> country,
      @QueryParam("countryPair")
          @Pattern(
              regexp = "^[A-Z]{2}-[A-Z]{2}$",
              message = "must be two country codes such as PK-BY")
          @Parameter(description = "Ventures between accepting partners of both countries.")
          String countryPair,
      @QueryParam("field") CooperationField field,
      @QueryParam("from") @Parameter(description = "Established (or proposed) on or after.")
          LocalDate from,
      @QueryParam("to") @Parameter(description = "Established (or proposed) on or before.")
          LocalDate to) {

    VentureFilter filter() {
      return new VentureFilter(
          status,
          kind,
          organization,
          AgreementStatisticsQuery.countries(country, countryPair),
          field,
          from,
          to,
          null);
    }
  }
}
