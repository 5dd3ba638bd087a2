package org.eurasia.registry.agreements.domain;

/**
 * Orders a search of agreements can return; each ends with the code and the id, so pages never
 * overlap.
 */
public enum SearchSort {
  CODE,
  UPDATED,
  RELEVANCE
}
