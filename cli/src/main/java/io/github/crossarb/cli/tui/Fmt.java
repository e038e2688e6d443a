package io.github.crossarb.cli.tui;

import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Short texts for prices, money, sizes, times and ages; exact (fixed-point), never rounded up. */
final class Fmt {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private Fmt() {}

  /** {@code 0.4} → {@code 0.40}; {@code 0.405} stays; null → {@code -}. */
  static String price(Price p) {
    return p == null ? "-" : twoPlaces(p.micros());
  }

  static String money(Money m) {
    return m == null ? "-" : twoPlaces(m.micros());
  }

  /** With a sign: {@code +0.10}, {@code -0.05}. */
  static String signed(Money m) {
    if (m == null) {
      return "-";
    }
    return (m.micros() > 0 ? "+" : "") + twoPlaces(m.micros());
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

  /** At least two decimals, more only when the value has them. */
  private static String twoPlaces(long micros) {
    String exact = Fixed.format(micros);
    int dot = exact.indexOf('.');
    if (dot < 0) {
      return exact + ".00";
    }
    int decimals = exact.length() - dot - 1;
    return decimals >= 2 ? exact : exact + "0";
  }
}
