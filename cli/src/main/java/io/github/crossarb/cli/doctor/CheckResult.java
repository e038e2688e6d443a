package io.github.crossarb.cli.doctor;

import java.util.Objects;

/**
 * The outcome of one doctor check: its status, its name, what it found and, unless it is OK, how
 * to fix it (which setting, which command). Never carries a secret.
 *
 * @param status OK, WARN or FAIL
 * @param check the check's name, e.g. {@code kalshi key}
 * @param found what was found, one line
 * @param hint how to fix it, one line; null for OK
 */
public record CheckResult(Status status, String check, String found, String hint) {
  /** How a check came out; only {@link #FAIL} makes {@code doctor} exit 1. */
  public enum Status { OK, WARN, FAIL }

  public CheckResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(found, "found");
    found = oneLine(found);
    hint = hint == null ? null : oneLine(hint);
  }

  public static CheckResult ok(String check, String found) {
    return new CheckResult(Status.OK, check, found, null);
  }

  public static CheckResult warn(String check, String found, String hint) {
    return new CheckResult(Status.WARN, check, found, hint);
  }

  public static CheckResult fail(String check, String found, String hint) {
    return new CheckResult(Status.FAIL, check, found, hint);
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
