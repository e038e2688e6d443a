package io.github.crossarb.core.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The prices an instrument accepts. Polymarket has one fixed tick per market (0.1 down to
 * 0.0001); Kalshi publishes {@code price_ranges}, bands with their own step (e.g. $0.001 below
 * $0.10 and above $0.90, $0.01 between). A price is on the grid when some band contains it and it
 * lies a whole number of steps from that band's start. Bounds are inclusive, so a band edge
 * shared by two bands belongs to both.
 */
public final class TickGrid {

  /** One band: prices {@code start + k * step} within {@code [start, end]}. */
  public record Band(Price start, Price end, long stepMicros) {
    public Band {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      if (stepMicros <= 0) {
        throw new IllegalArgumentException("tick step must be positive");
      }
      if (end.isBelow(start)) {
        throw new IllegalArgumentException("tick band end " + end + " below start " + start);
      }
    }

    boolean contains(long micros) {
      return micros >= start.micros() && micros <= end.micros();
    }

    boolean isOnTick(long micros) {
      return contains(micros) && (micros - start.micros()) % stepMicros == 0;
    }
  }

  private final List<Band> bands;

  private TickGrid(List<Band> bands) {
    this.bands = bands;
  }

  /** One tick over the whole [0, 1] range, e.g. {@code fixed(Price.parse("0.01"))}. */
  public static TickGrid fixed(Price tick) {
    return banded(List.of(new Band(Price.ZERO, Price.ONE, tick.micros())));
  }

  /** Kalshi-style bands; they must not leave gaps inside their overall range. */
  public static TickGrid banded(List<Band> bands) {
    if (bands == null || bands.isEmpty()) {
      throw new IllegalArgumentException("a tick grid needs at least one band");
    }
    List<Band> sorted = new ArrayList<>(bands);
    sorted.sort(Comparator.comparingLong(b -> b.start().micros()));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).start().micros() > sorted.get(i - 1).end().micros()) {
        throw new IllegalArgumentException("tick bands leave a gap between "
            + sorted.get(i - 1).end() + " and " + sorted.get(i).start());
      }
    }
    return new TickGrid(List.copyOf(sorted));
  }

  public List<Band> bands() {
    return bands;
  }

  public boolean isOnTick(Price price) {
    long p = price.micros();
    for (Band band : bands) {
      if (band.isOnTick(p)) {
        return true;
      }
    }
    return false;
  }

  /** The step in force at {@code price}: the finest of the bands that contain it. */
  public long stepAt(Price price) {
    long step = Long.MAX_VALUE;
    for (Band band : bands) {
      if (band.contains(price.micros())) {
        step = Math.min(step, band.stepMicros());
      }
    }
    if (step == Long.MAX_VALUE) {
      throw new IllegalArgumentException("price " + price + " outside the tick grid");
    }
    return step;
  }

  /** The highest on-grid price at or below {@code price}, or empty if there is none. */
  public java.util.Optional<Price> floor(Price price) {
    long p = price.micros();
    long best = -1;
    for (Band band : bands) {
      long s = band.start().micros();
      if (p < s) {
        continue;
      }
      long candidate = Math.min(s + Fixed.floorTo(p - s, band.stepMicros()), lastTick(band));
      best = Math.max(best, candidate);
    }
    return best < 0 ? java.util.Optional.empty() : java.util.Optional.of(new Price(best));
  }

  /** The lowest on-grid price at or above {@code price}, or empty if there is none. */
  public java.util.Optional<Price> ceil(Price price) {
    long p = price.micros();
    long best = Long.MAX_VALUE;
    for (Band band : bands) {
      long last = lastTick(band);
      if (p > last) {
        continue;
      }
      long s = band.start().micros();
      long candidate = p <= s ? s : s + Fixed.ceilTo(p - s, band.stepMicros());
      best = Math.min(best, candidate);
    }
    return best == Long.MAX_VALUE ? java.util.Optional.empty() : java.util.Optional.of(new Price(best));
  }

  private static long lastTick(Band band) {
    long s = band.start().micros();
    return s + Fixed.floorTo(band.end().micros() - s, band.stepMicros());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TickGrid other && bands.equals(other.bands);
  }

  @Override
  public int hashCode() {
    return bands.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("TickGrid[");
    for (int i = 0; i < bands.size(); i++) {
      Band b = bands.get(i);
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(b.start()).append('-').append(b.end()).append(" step ").append(Fixed.format(b.stepMicros()));
    }
    return sb.append(']').toString();
  }
}
