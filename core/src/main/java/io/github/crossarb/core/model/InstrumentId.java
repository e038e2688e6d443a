package io.github.crossarb.core.model;

import java.util.Objects;

/**
 * What an order book and an order refer to: a Kalshi market ({@code KALSHI:<ticker>}, whose book
 * carries both outcomes) or a Polymarket outcome token ({@code POLYMARKET:<tokenId>}).
 */
public record InstrumentId(VenueId venue, String symbol) {
  public InstrumentId {
    Objects.requireNonNull(venue, "venue");
    if (symbol == null || symbol.isBlank() || symbol.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("instrument symbol must be non-blank without spaces: \"" + symbol + "\"");
    }
  }

  public static InstrumentId kalshi(String ticker) {
    return new InstrumentId(VenueId.KALSHI, ticker);
  }

  public static InstrumentId polymarket(String tokenId) {
    return new InstrumentId(VenueId.POLYMARKET, tokenId);
  }

  /** Parses the {@link #toString()} form, e.g. {@code KALSHI:KXFED-26DEC-T4.25}. */
  public static InstrumentId parse(String text) {
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("instrument id must look like VENUE:SYMBOL: \"" + text + "\"");
    }
    return new InstrumentId(VenueId.parse(text.substring(0, colon)), text.substring(colon + 1));
  }

  @Override
  public String toString() {
    return venue.name() + ":" + symbol;
  }
}
