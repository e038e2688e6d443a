package io.github.crossarb.core.venue;

/**
 * A filter for {@link Venue#markets}.
 *
 * @param search words that must all appear in the market's title or ticker (case-insensitive), or null
 * @param openOnly whether only markets open for trading are wanted
 * @param limit the most markets to return, at least 1
 */
public record MarketQuery(String search, boolean openOnly, int limit) {
  public MarketQuery {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    if (search != null && search.isBlank()) {
      search = null;
    }
  }
}
