package io.github.crossarb.core.model;

import java.util.Locale;

/** The venues the system trades on. */
public enum VenueId {
  KALSHI,
  POLYMARKET;

  /** Parses {@code kalshi}/{@code KALSHI}/{@code polymarket}; a clear error names the choices. */
  public static VenueId parse(String text) {
    if (text != null) {
      String upper = text.trim().toUpperCase(Locale.ROOT);
      for (VenueId venue : values()) {
        if (venue.name().equals(upper)) {
          return venue;
        }
      }
    }
    throw new IllegalArgumentException("unknown venue \"" + text + "\" (expected kalshi or polymarket)");
  }

  /** Lower-case name as used on the command line and in files. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
