package org.eurasia.registry.agreements.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eurasia.registry.agreements.domain.CooperationField;
import org.eurasia.registry.agreements.domain.Money;
import org.eurasia.registry.agreements.domain.VentureKind;
import org.eurasia.registry.agreements.domain.VenturePartnerRole;
import org.eurasia.registry.agreements.domain.VentureTerms;
import org.eurasia.registry.platform.problem.ProblemException;
import org.eurasia.registry.platform.validation.CountryCode;
import org.eurasia.registry.platform.validation.LanguageTagged;
import org.eurasia.registry.platform.validation.MultiLine;
import org.eurasia.registry.platform.validation.SchacCode;

/** The bodies of the joint-venture operations. */
public final class VentureRequests {

  static final String CODE = "^[A-Z0-9][A-Z0-9/.-]{2,59}$";

  private VentureRequests() {}

  /** Body of {@code POST /ventures}: a proposal. */
  @Schema(name = "VentureProposal")
  public record NewVenture(
      @NotNull
          @Pattern(
              regexp = CODE,
              message = "must be 3 to 60 of A-Z, 0-9, '/', '.', '-' such as PK-BY/JL/2026/OPTICS")
          @Schema(description = "Human-readable unique code.", example = "PK-BY/JL/2026/OPTICS")
          String code,
      @NotNull @Valid @Schema(implementation = Terms.class) Terms terms) {}

  /** What is said about a venture; the body of {@code PUT /ventures/{id}}. */
  @Schema(
      name = "VentureTerms",
      description =
          "What is said about a joint venture. Naming a partner binds it to nothing: it shows as a partner "
              + "once its own partner accepts (POST /ventures/{id}/acceptances); the proposing partner's "
              + "organization has consented by proposing.")
  public record Terms(
      @NotNull @Schema(example = "JOINT_LABORATORY") VentureKind kind,
      @NotNull
          @LanguageTagged
          @Schema(
              description = "Single-line names by ISO 639-1 language; `en` required.",
              example =
                  "{\"en\": \"Pakistan-Belarus Joint Laboratory of Optics\", \"ru\": \"Пакистано-белорусская совместная лаборатория оптики\"}")
          Map<String, String> name,
      @LanguageTagged(
              required = {},
              maxLength = 4000)
          @MultiLine
          @Schema(
              description =
                  "Multi-line texts by language: line feeds and tabs allowed (CR LF is stored as LF).",
              example = "{\"en\": \"Joint research in laser optics and photonics.\"}")
          Map<String, String> description,
      @NotNull
          @Size(min = 1, max = 50)
          @Schema(
              description =
                  "One or more partners, each organization once; equity shares add up to at most 100.",
              example =
                  "[{\"organizationCode\": \"qau.edu.pk\", \"role\": \"FOUNDER\", \"inKind\": \"Laboratory premises\"}, "
                      + "{\"organizationCode\": \"bsu.by\", \"role\": \"FOUNDER\", \"inKind\": \"Laser equipment\"}]")
          List<@NotNull @Valid PartnerRequest> partners,
      @Size(max = 20)
          @Schema(
              description = "Agreements it was founded under; each one the caller may read.",
              example = "[\"5eed0000-0000-4000-8000-0000000a0002\"]")
          Set<@NotNull UUID> agreementIds,
      @Size(max = 20) @Schema(example = "[\"SCIENCE_AND_TECHNOLOGY\"]")
          Set<@NotNull CooperationField> fields,
      @Valid @Schema(nullable = true) SeatRequest seat,
      @Valid @Schema(nullable = true, description = "Investment committed.") MoneyRequest committed,
      @Valid
          @Schema(
              nullable = true,
              description =
                  "Investment disbursed so far: in the committed currency, at most the committed amount.")
          MoneyRequest disbursed) {

    VentureTerms toTerms() {
      return new VentureTerms(
          kind,
          name,
          description,
          partners.stream().map(PartnerRequest::toPartner).toList(),
          agreementIds == null ? List.of() : List.copyOf(agreementIds),
          fields == null ? List.of() : List.copyOf(fields),
          seat == null ? null : seat.country(),
          seat == null ? null : seat.city(),
          committed == null ? null : committed.toMoney("committed"),
          disbursed == null ? null : disbursed.toMoney("disbursed"));
    }
  }

  /** A partner as named: its role and its contribution. */
  @Schema(name = "VenturePartnerRef")
  public record PartnerRequest(
      @NotNull @SchacCode @Schema(example = "qau.edu.pk") String organizationCode,
      @NotNull @Schema(example = "FOUNDER") VenturePartnerRole role,
      @Pattern(
              regexp = "^\\d{1,3}(\\.\\d{1,2})?$",
              message = "must be a percentage such as 51 or 12.5")
          @Schema(
              nullable = true,
              description = "Equity share in percent, as a decimal string; or give inKind.",
              example = "51")
          String equitySharePercent,
      @Size(min = 1, max = 500)
          @Pattern(regexp = "^[^\\x00-\\x1F\\x7F]*$", message = "must be a single line")
          @Schema(
              nullable = true,
              description = "What it brings in kind.",
              example = "Laboratory premises")
          String inKind) {

    VentureTerms.NamedPartner toPartner() {
      BigDecimal share = equitySharePercent == null ? null : new BigDecimal(equitySharePercent);
      if (share != null && share.compareTo(BigDecimal.valueOf(100)) > 0) {
        throw ProblemException.invalidField("partners.equitySharePercent", "is over 100");
      }
      return new VentureTerms.NamedPartner(organizationCode, role, share, inKind);
    }
  }

  /** Where a venture has its seat. */
  @Schema(name = "VentureSeat")
  public record SeatRequest(
      @NotNull @CountryCode @Schema(example = "PK") String country,
      @Size(min = 1, max = 200)
          @Pattern(regexp = "^[^\\x00-\\x1F\\x7F]*$", message = "must be a single line")
          @Schema(example = "Islamabad")
          String city) {}

  /** An amount of money: a decimal string and an ISO 4217 currency. */
  @Schema(name = "Money")
  public record MoneyRequest(
      @NotNull
          @Pattern(
              regexp = "^\\d{1,18}(\\.\\d{1,2})?$",
              message = "must be a decimal string such as 7500000000 or 1250.50")
          @Schema(example = "1200000", description = "A decimal string, at most two decimals.")
          String amount,
      @NotNull
          @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 currency code such as USD")
          @Schema(example = "USD")
          String currency) {

    Money toMoney(String field) {
      try {
        Currency.getInstance(currency);
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalidField(
            field + ".currency", "'" + currency + "' is not an ISO 4217 currency");
      }
      return new Money(new BigDecimal(amount), currency);
    }
  }

  /** Body of {@code POST /ventures/{id}/acceptances}: a named partner's consent. */
  @Schema(name = "VentureAcceptance")
  public record AcceptanceRequest(
      @NotNull @SchacCode @Schema(description = "The accepting partner.", example = "qau.edu.pk")
          String organizationCode) {}

  /** Body of {@code POST /ventures/{id}/establishment}. */
  @Schema(name = "VentureEstablishment")
  public record EstablishmentRequest(
      @Schema(
              description = "Date it was constituted; defaults to today (UTC).",
              example = "2026-11-20")
          LocalDate date) {}

  /** Body of {@code POST .../milestones}: a new milestone of a plan. */
  @Schema(name = "NewMilestone")
  public record NewMilestone(
      @NotNull
          @LanguageTagged
          @Schema(
              description = "What was promised, by language; `en` required.",
              example = "{\"en\": \"Joint call for research proposals published\"}")
          Map<String, String> title,
      @NotNull
          @SchacCode
          @Schema(
              description =
                  "The organization responsible: one that consented to the agreement or venture.",
              example = "most.gov.pk")
          String responsibleOrganization,
      @NotNull @Schema(example = "2027-03-31") LocalDate dueOn) {}

  /** Body of {@code PUT .../milestones/{milestoneId}}: its new status, due date or evidence. */
  @Schema(name = "MilestoneUpdate")
  public record MilestoneUpdate(
      @NotNull
          @Schema(
              description =
                  "PLANNED (to change the due date or evidence), DONE, MISSED or DROPPED.",
              example = "DONE")
          org.eurasia.registry.agreements.domain.MilestoneStatus status,
      @Schema(nullable = true, description = "A new due date (absent keeps it).") LocalDate dueOn,
      @Size(max = 20)
          @Schema(
              nullable = true,
              description =
                  "Links to the evidence (http or https URLs); replaces those held, absent keeps them.",
              example = "[\"https://most.gov.pk/news/joint-call-2026\"]")
          List<
                  @NotNull @Size(max = 2000)
                  @Pattern(
                      regexp = "^https?://[^\\s/$.?#][^\\s]*$",
                      message = "must be an http or https URL")
                  String>
              evidence) {

    List<java.net.URI> evidenceLinks() {
      if (evidence == null) {
        return null;
      }
      return java.util.stream.IntStream.range(0, evidence.size())
          .mapToObj(
              i -> {
                try {
                  java.net.URI uri = new java.net.URI(evidence.get(i));
                  if (uri.getHost() == null) {
                    throw new java.net.URISyntaxException(evidence.get(i), "no host");
                  }
                  return uri;
                } catch (java.net.URISyntaxException e) {
                  throw ProblemException.invalidField(
                      "evidence[" + i + "]", "must be an http or https URL");
                }
              })
          .toList();
    }
  }
}
