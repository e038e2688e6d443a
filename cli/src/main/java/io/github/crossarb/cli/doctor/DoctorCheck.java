package io.github.crossarb.cli.doctor;

/**
 * One check of {@code controller doctor}. It only reads: no order, no file left behind (the data
 * directory probe is deleted), no credential created at a venue.
 */
public interface DoctorCheck {
  /** The name printed in the check's line. */
  String name();

  /**
   * Runs the check. An exception escaping it is reported as a FAIL with its message, so a check
   * throws only messages that are safe to print.
   */
  CheckResult run() throws Exception;
}
