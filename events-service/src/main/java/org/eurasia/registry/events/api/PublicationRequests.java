package org.eurasia.registry.events.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eurasia.registry.events.domain.Author;
import org.eurasia.registry.events.domain.PublicationKind;
import org.eurasia.registry.events.domain.PublicationTerms;
import org.eurasia.registry.platform.validation.LanguageTagged;
import org.eurasia.registry.platform.validation.MultiLine;
import org.eurasia.registry.platform.validation.SchacCode;

/** Request bodies of the publications API. */
public final class PublicationRequests {

  /** A DOI without resolver: {@code 10.} registrant, {@code /}, suffix (Crossref's pattern). */
  static final String DOI = "^10\\.\\d{4,9}/[-._;()/:A-Za-z0-9<>\\[\\]]+$";

  private PublicationRequests() {}

  /** The body of {@code POST /publications} and {@code PUT /publications/{id}}. */
  @Schema(name = "PublicationDetails")
  public record Details(
      @NotNull @Schema(example = "ARTICLE") PublicationKind kind,
      @NotBlank
          @Size(max = 500)
          @Schema(
              description = "The title as printed; single-line.",
              example = "Exploring Grounds for Joint Ventures between Pakistan and Belarus")
          String title,
      @JsonProperty("abstract")
          @MultiLine
          @LanguageTagged(
              required = {},
              maxLength = 8000)
          @Schema(
              description = "Abstract per language; multi-line.",
              example = "{\"en\": \"Prospects of joint ventures between Pakistan and Belarus.\"}")
          Map<String, String> summary,
      @NotNull
          @Size(min = 1, max = 50)
          @Schema(
              description =
                  "The authors as the publication names them: the public byline of a published work, not personal "
                      + "data about participants. An affiliation is an organization code of the directory (not retired, "
                      + "when named anew: `unknown-reference` naming `authors[i].affiliation`).")
          List<@NotNull @Valid AuthorRequest> authors,
      @NotNull
          @SchacCode
          @Schema(
              description =
                  "The publishing organization; the caller must act for it (and for the current one when revising).",
              example = "cuc.edu.cn")
          String publisher,
      @NotNull @Min(1900) @Max(2100) @Schema(description = "Year of publication.", example = "2021")
          Integer year,
      @NotNull
          @Size(min = 1, max = 10)
          @Schema(description = "ISO 639-1 codes of its languages.", example = "[\"en\"]")
          List<
                  @NotNull @Pattern(regexp = "^[a-z]{2}$", message = "must be an ISO 639-1 code")
                  String>
              languages,
      @Size(max = 300)
          @Pattern(regexp = DOI, message = "must be a DOI such as 10.1234/abc.2021.1")
          @Schema(
              description = "DOI without resolver; a DOI or a URL (or both) is required.",
              example = "10.5555/pk-by.2021.001")
          String doi,
      @Size(max = 2000)
          @Pattern(regexp = "^https?://\\S+$", message = "must be an http or https URL")
          @Schema(example = "https://www.cuc.edu.cn/publications/pk-by-joint-ventures")
          String url,
      @Size(max = 20)
          @Schema(
              description =
                  "Events it is about (proceedings of): each one added must be a published event the caller may "
                      + "see (else `unknown-reference`).")
          List<@NotNull UUID> linkedEvents,
      @Size(max = 20)
          @Schema(
              description =
                  "Agreements it comments on: each one added must be readable by the caller (a confidential "
                      + "agreement it is not party to is `unknown-reference`, as an unknown id).")
          List<@NotNull UUID> linkedAgreements,
      @Size(max = 20)
          @Schema(
              description =
                  "Joint ventures it is about (agreements-service's `registry.venture.v1`): each one added must be known here.")
          List<@NotNull UUID> linkedVentures) {

    PublicationTerms toTerms() {
      return new PublicationTerms(
          kind,
          title,
          summary == null ? Map.of() : summary,
          authors.stream().map(a -> new Author(a.name(), a.affiliation())).toList(),
          publisher,
          year,
          languages,
          doi,
          url,
          linkedEvents == null ? List.of() : linkedEvents,
          linkedAgreements == null ? List.of() : linkedAgreements,
          linkedVentures == null ? List.of() : linkedVentures);
    }
  }

  /** An author of a publication. */
  @Schema(name = "PublicationAuthor")
  public record AuthorRequest(
      @NotBlank @Size(max = 200) @Schema(example = "Khalid Taimur Akram") String name,
      @SchacCode @Schema(example = "cuc.edu.cn") String affiliation) {}
}
