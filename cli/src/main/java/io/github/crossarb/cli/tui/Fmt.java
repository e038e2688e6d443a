package io.github.crossarb.cli.tui;

import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Short texts for prices, money, sizes, times and ages, from the fixed-point values (no floating
 * point): prices and edges to at most 4 decimals, money to 2, rounded half-up for display only.
 */
final class Fmt {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private Fmt() {}

  /** {@code 0.4} → {@code 0.40}; {@code 0.405} stays; null → {@code -}. */
  static String price(Price p) {
    return p == null ? "-" : decimals(p.micros(), 4);
  }

  static String money(Money m) {
    return m == null ? "-" : decimals(m.micros(), 2);
  }

  /** With a sign, to the cent: {@code +0.10}, {@code -0.05}. */
  static String signed(Money m) {
    return signed(m, 2);
  }

  /** An edge per contract, with a sign, to at most 4 decimals: {@code +0.0056}. */
  static String edge(Money m) {
    return signed(m, 4);
  }

  private static String signed(Money m, int max) {
    if (m == null) {
      return "-";
    }
    String text = decimals(m.micros(), max);
    return (m.micros() > 0 ? "+" : "") + text;
  }

  static String size(Quantity q) {
    return q == null ? "-" : Fixed.format(q.micros());
  }

  static String time(Instant t) {
    return t == null ? "--:--:--" : TIME.format(t);
  }

  /** {@code 0.4s}, {@code 12s}, {@code 3m05s}, {@code 2h10m}, {@code 3d}; null → {@code -}. */
  static String age(Duration d) {
    if (d == null) {
      return "-";
    }
    long ms = Math.max(0, d.toMillis());
    if (ms < 10_000) {
      return (ms / 1000) + "." + (ms % 1000) / 100 + "s";
    }
    long s = ms / 1000;
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m" + String.format("%02d", s % 60) + "s";
    }
    if (s < 86_400) {
      return (s / 3600) + "h" + String.format("%02d", (s % 3600) / 60) + "m";
    }
    return (s / 86_400) + "d";
  }

  /** Rounded to {@code max} decimals, trailing zeros dropped down to two. */
  private static String decimals(long micros, int max) {
    String text = Fixed.format(micros, max);
    int keep = text.length();
    int dot = text.indexOf('.');
    while (keep > dot + 3 && text.charAt(keep - 1) == '0') {
      keep--;
    }
    text = text.substring(0, keep);
    return text.equals("-0.00") ? "0.00" : text;
  }
}
