package org.eurasia.registry.agreements.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eurasia.registry.agreements.domain.Dimension;
import org.eurasia.registry.platform.csv.CsvTable;

/** Agreement counts by one dimension; bounded by the dimension's values, so not paged. */
@Schema(name = "AgreementStatistics")
public record AgreementStatistics(Dimension groupBy, List<Count> counts) implements CsvTable {

  @Override
  public Iterable<?> csvRows() {
    return counts;
  }

  /** One value of the dimension and how many agreements have it. */
  @Schema(name = "AgreementCount")
  public record Count(
      @Schema(example = "SCIENCE_AND_TECHNOLOGY") String key, @Schema(example = "3") long count) {}
}
