package org.eurasia.registry.exchange.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eurasia.registry.platform.domain.InvalidValue;

/**
 * The negotiable terms of a programme: what its creator proposes and its institutions revise and
 * accept, the one record the request maps onto and the view and notice are derived from. Checked
 * for consistency here (field by field by the API); absent lists are empty. The agreement,
 * institutions and kind are fixed at creation and are no terms.
 *
 * @param quotas places per year and direction; a direction without a quota takes no mobilities
 */
public record ProgramTerms(
    Map<String, String> title,
    List<String> academicYears,
    List<QuotaPlan> quotas,
    StayDuration duration,
    List<String> iscedCodes,
    List<Integer> eqfLevels,
    String language,
    CefrLevel minimumCefr,
    LocalDate applicationsOpenOn,
    LocalDate applicationsCloseOn) {

  public ProgramTerms {
    title = title == null ? Map.of() : title;
    academicYears = academicYears == null ? List.of() : academicYears;
    quotas = quotas == null ? List.of() : quotas;
    iscedCodes = iscedCodes == null ? List.of() : iscedCodes;
    eqfLevels = eqfLevels == null ? List.of() : eqfLevels;
    for (String year : academicYears) {
      if (!AcademicYear.isValid(year)) {
        throw new InvalidValue(
            "academicYears", "'" + year + "' is not an academic year such as 2025/2026");
      }
    }
    if (new HashSet<>(academicYears).size() != academicYears.size()) {
      throw new InvalidValue("academicYears", "lists a year twice");
    }
    Set<String> seen = new HashSet<>();
    for (QuotaPlan q : quotas) {
      if (!academicYears.contains(q.academicYear())) {
        throw new InvalidValue(
            "quotas", "quota for " + q.academicYear() + ", which is not one of academicYears");
      }
      if (!seen.add(q.academicYear() + " " + q.direction())) {
        throw new InvalidValue(
            "quotas", "two quotas for " + q.academicYear() + " " + q.direction());
      }
    }
    if (applicationsOpenOn != null
        && applicationsCloseOn != null
        && applicationsCloseOn.isBefore(applicationsOpenOn)) {
      throw new InvalidValue("applicationsCloseOn", "must not be before applicationsOpenOn");
    }
    if ((language == null) != (minimumCefr == null)) {
      throw new InvalidValue(
          "minimumCefr", "language and minimumCefr are given together or not at all");
    }
    title = Map.copyOf(title);
    academicYears = new ArrayList<>(academicYears).stream().sorted().toList();
    quotas = List.copyOf(quotas);
    iscedCodes = List.copyOf(iscedCodes);
    eqfLevels = eqfLevels.stream().distinct().sorted().toList();
  }

  /** Places for one academic year and direction, null for "not yet defined" (no limit). */
  public record QuotaPlan(String academicYear, Direction direction, Integer places) {}
}
