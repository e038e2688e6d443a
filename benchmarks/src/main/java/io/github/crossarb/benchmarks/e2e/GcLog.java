package io.github.crossarb.benchmarks.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stop-the-world pauses in a unified JVM GC log written with
 * {@code -Xlog:gc*:file=F:uptime,timenanos,level,tags} (HotSpot 17, any collector that logs
 * "Pause ..." summary lines under the {@code gc} tag). {@code timenanos} is the JVM's
 * {@code System.nanoTime()}, so pauses can be lined up with the harness's own timestamps on the
 * same machine.
 */
public final class GcLog {
  /** {@code [0.382s][34484090226388ns][info][gc          ] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 6M->3M(64M) 8.000ms}. */
  private static final Pattern PAUSE = Pattern.compile(
      "^\\[[^\\]]*\\]\\[(\\d+)ns\\]\\[[^\\]]*\\]\\[gc\\s*\\]\\s+GC\\((\\d+)\\)\\s+Pause\\s+(.+?)\\s+\\S+->\\S+\\s+([0-9.]+)ms\\s*$");

  private GcLog() {}

  /** What kind of pause: a young collection, a full collection, or another (G1 remark, cleanup). */
  public enum Kind { YOUNG, FULL, OTHER }

  /**
   * One pause.
   *
   * @param endNanos when the pause ended, on the logging JVM's {@code System.nanoTime()}
   * @param description e.g. {@code Young (Normal) (G1 Evacuation Pause)}
   */
  public record Pause(long gcId, Kind kind, String description, long endNanos, long durationNanos) {
    public long startNanos() {
      return endNanos - durationNanos;
    }

    /** Whether allocation caused it (the young generation filled up), not a metadata or explicit GC. */
    public boolean allocationDriven() {
      return description.contains("G1 Evacuation Pause") || description.contains("Allocation Failure")
          || description.contains("G1 Humongous Allocation");
    }
  }

  /** The pauses of a whole log, in order. Lines that are not pause summaries are skipped. */
  public static List<Pause> parse(String text) {
    List<Pause> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher m = PAUSE.matcher(line);
      if (!m.matches()) {
        continue;
      }
      String description = m.group(3);
      Kind kind = description.startsWith("Young") ? Kind.YOUNG
          : description.startsWith("Full") ? Kind.FULL : Kind.OTHER;
      long duration = Math.round(Double.parseDouble(m.group(4)) * 1_000_000);
      out.add(new Pause(Long.parseLong(m.group(2)), kind, description, Long.parseLong(m.group(1)), duration));
    }
    return out;
  }

  /** Totals over pauses. */
  public record Summary(int count, int young, int full, int other, int allocationDriven, long maxNanos,
      long totalNanos) {
    public static Summary of(List<Pause> pauses) {
      int young = 0;
      int full = 0;
      int other = 0;
      int alloc = 0;
      long max = 0;
      long total = 0;
      for (Pause p : pauses) {
        switch (p.kind()) {
          case YOUNG -> young++;
          case FULL -> full++;
          default -> other++;
        }
        if (p.allocationDriven()) {
          alloc++;
        }
        max = Math.max(max, p.durationNanos());
        total += p.durationNanos();
      }
      return new Summary(pauses.size(), young, full, other, alloc, max, total);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d pauses (%d young, %d full, %d other; %d allocation-driven), max %.3f ms,"
          + " total %.3f ms", count, young, full, other, allocationDriven, maxNanos / 1e6, totalNanos / 1e6);
    }
  }

  /** The pauses within [{@code fromNanos}, {@code toNanos}] (overlapping it at all). */
  public static List<Pause> between(List<Pause> pauses, long fromNanos, long toNanos) {
    List<Pause> out = new ArrayList<>();
    for (Pause p : pauses) {
      if (p.endNanos() >= fromNanos && p.startNanos() <= toNanos) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * How many of the intervals {@code [starts[i], ends[i]]} (e.g. each window, from the update's
   * send to its later order's arrival) overlap a pause.
   */
  public static int overlapping(List<Pause> pauses, long[] starts, long[] ends) {
    int hits = 0;
    for (int i = 0; i < starts.length; i++) {
      for (Pause p : pauses) {
        if (p.endNanos() >= starts[i] && p.startNanos() <= ends[i]) {
          hits++;
          break;
        }
      }
    }
    return hits;
  }
}
