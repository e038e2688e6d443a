package io.github.crossarb.benchmarks.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's CPU time and memory from Linux's {@code /proc/<pid>/stat} and {@code /proc/<pid>/status}.
 */
public final class ProcStats {
  /** Clock ticks per second of {@code utime}/{@code stime} ({@code sysconf(_SC_CLK_TCK)}, 100 on Linux). */
  public static final long CLOCK_TICKS = clockTicks();

  private ProcStats() {}

  /** CPU time used so far: user and system, in clock ticks. */
  public record Cpu(long userTicks, long systemTicks) {
    public long totalTicks() {
      return userTicks + systemTicks;
    }
  }

  /** Resident memory now and its peak, in kB. */
  public record Memory(long rssKb, long hwmKb) {}

  public static Cpu cpu(long pid) throws IOException {
    return parseStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
  }

  public static Memory memory(long pid) throws IOException {
    return parseStatus(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
  }

  /**
   * Fields 14 (utime) and 15 (stime) of a {@code stat} line. Field 2, the command name, is in
   * parentheses and may itself hold spaces and parentheses: counting starts after its last ')'.
   */
  static Cpu parseStat(String line) {
    int close = line.lastIndexOf(')');
    if (close < 0) {
      throw new IllegalArgumentException("not a /proc/<pid>/stat line");
    }
    String[] rest = line.substring(close + 1).trim().split("\\s+");
    // rest[0] is field 3 (state): field n is rest[n - 3].
    if (rest.length < 13) {
      throw new IllegalArgumentException("a /proc/<pid>/stat line with too few fields");
    }
    return new Cpu(Long.parseLong(rest[14 - 3]), Long.parseLong(rest[15 - 3]));
  }

  /** {@code VmRSS} and {@code VmHWM} of a {@code status} file (kB). */
  static Memory parseStatus(String text) {
    long rss = -1;
    long hwm = -1;
    for (String line : text.split("\n")) {
      if (line.startsWith("VmRSS:")) {
        rss = kb(line);
      } else if (line.startsWith("VmHWM:")) {
        hwm = kb(line);
      }
    }
    if (rss < 0 || hwm < 0) {
      throw new IllegalArgumentException("a /proc/<pid>/status without VmRSS and VmHWM");
    }
    return new Memory(rss, hwm);
  }

  private static long kb(String line) {
    String[] parts = line.substring(line.indexOf(':') + 1).trim().split("\\s+");
    return Long.parseLong(parts[0]);
  }

  /** CPU use between two readings over {@code nanos} of wall time, as a fraction of one core. */
  public static double cores(Cpu before, Cpu after, long nanos) {
    double seconds = (after.totalTicks() - before.totalTicks()) / (double) CLOCK_TICKS;
    return seconds / (nanos / 1e9);
  }

  private static long clockTicks() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim();
      if (p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0 && out.matches("[0-9]+")) {
        return Long.parseLong(out);
      }
    } catch (IOException e) {
      // fall through to Linux's fixed value
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 100;
  }
}
