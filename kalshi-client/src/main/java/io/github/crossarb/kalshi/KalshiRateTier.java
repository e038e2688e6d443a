package io.github.crossarb.kalshi;

import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.VenueConfigException;
import java.util.Locale;

/**
 * Kalshi's API usage tiers: token budgets per second for reads and writes (reference §6, since
 * 23 Apr 2026). Above Basic the write bucket holds two seconds of budget, allowing bursts.
 */
public enum KalshiRateTier {
  BASIC(200, 100),
  ADVANCED(300, 300),
  EXPERT(600, 600),
  PREMIER(1000, 1000),
  PARAGON(2000, 2000),
  PRIME(4000, 4000),
  PRESTIGE(10000, 8000);

  /** What most requests cost. */
  public static final int DEFAULT_COST = 10;
  /** A V2 cancel (and each cancel of a batch), and {@code GET /portfolio/orders/{id}}. */
  public static final int CANCEL_COST = 2;

  private final int readPerSecond;
  private final int writePerSecond;

  KalshiRateTier(int readPerSecond, int writePerSecond) {
    this.readPerSecond = readPerSecond;
    this.writePerSecond = writePerSecond;
  }

  public int readPerSecond() {
    return readPerSecond;
  }

  public int writePerSecond() {
    return writePerSecond;
  }

  public int readCapacity() {
    return readPerSecond;
  }

  public int writeCapacity() {
    return this == BASIC ? writePerSecond : 2 * writePerSecond;
  }

  public static KalshiRateTier parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new VenueConfigException(VenueId.KALSHI, "unknown Kalshi rate tier \"" + text
          + "\" (basic, advanced, expert, premier, paragon, prime, prestige)");
    }
  }
}
