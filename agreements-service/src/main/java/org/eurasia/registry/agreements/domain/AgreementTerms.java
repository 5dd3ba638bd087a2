package org.eurasia.registry.agreements.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The terms of an agreement: what its parties negotiate, proposed in a draft and replaced by each
 * revision. The one record of them: a request maps onto it, the aggregate takes it ({@link
 * Agreement#draft}, {@link Agreement#revise}) and gives it back ({@link Agreement#terms}), and the
 * signed text ({@link AgreementSnapshot}), the API's view and the notice derive from it. A new term
 * added here enters the signed text by itself.
 *
 * <p>Defaults are applied here: PUBLIC visibility, no summary, no fields, codes, frameworks,
 * languages or documents. Derived answers ({@link #partyCodes()}) have no getter prefix, so they
 * are not part of the text.
 *
 * @param parties the organizations named, by code, each with its role; the agreement copies in each
 *     one's id and country from the directory
 * @param expiresOn an explicit expiry date; once in force, the date the agreement runs until
 *     (computed from the duration, extended by each renewal)
 */
public record AgreementTerms(
    AgreementKind kind,
    Visibility visibility,
    Map<String, String> title,
    Map<String, String> summary,
    List<NamedParty> parties,
    List<CooperationField> fields,
    List<String> iscedCodes,
    List<String> frameworks,
    List<String> languages,
    List<Agreement.Document> documents,
    Integer durationMonths,
    LocalDate expiresOn,
    boolean autoRenewal) {

  public AgreementTerms {
    visibility = visibility == null ? Visibility.PUBLIC : visibility;
    summary = summary == null ? Map.of() : summary;
    parties = listOf(parties);
    fields = listOf(fields);
    iscedCodes = listOf(iscedCodes);
    frameworks = listOf(frameworks);
    languages = listOf(languages);
    documents = listOf(documents);
  }

  /**
   * A party as the terms name it: which organization, in which role, and whether it must ratify
   * after signing.
   */
  public record NamedParty(String organizationCode, PartyRole role, boolean ratificationRequired) {

    public boolean signatory() {
      return role == PartyRole.SIGNATORY;
    }
  }

  /** The codes of the organizations named, in order. */
  public List<String> partyCodes() {
    return parties.stream().map(NamedParty::organizationCode).toList();
  }

  private static <T> List<T> listOf(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
