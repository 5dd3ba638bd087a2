package org.eurasia.registry.platform.csv;

/**
 * A response body whose CSV form is a table of {@link #csvRows()}: a page's items, a statistics
 * answer's counts. Other members of the body (the cursor, the dimension counted by) are left out or
 * travel in headers.
 */
public interface CsvTable {

  Iterable<?> csvRows();

  /** Where the rows continue ({@code Link: rel="next"}); null on the last part. */
  default String csvNext() {
    return null;
  }
}
