package org.eurasia.registry.platform.domain;

/**
 * A change names a record this service does not know (or may not show the caller: the two are
 * answered alike), by the term that names it.
 */
public final class UnknownReference extends DomainException {

  private final String term;

  public UnknownReference(String term, String detail) {
    super(detail);
    this.term = term;
  }

  public String term() {
    return term;
  }
}
