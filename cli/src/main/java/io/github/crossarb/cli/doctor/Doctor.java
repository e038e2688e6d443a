package io.github.crossarb.cli.doctor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs checks concurrently, each on its own daemon thread and each bounded by the same deadline,
 * so one slow venue does not hold up the others; results come back in the checks' order.
 */
public final class Doctor {
  /** How long each check may take before it is reported as a FAIL. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private Doctor() {}

  public static List<CheckResult> run(List<DoctorCheck> checks, Duration timeout) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, checks.size()), runnable -> {
      Thread thread = new Thread(runnable, "doctor-check");
      thread.setDaemon(true); // a check stuck past its deadline must not keep the process alive
      return thread;
    });
    try {
      List<Future<CheckResult>> futures = new ArrayList<>();
      for (DoctorCheck check : checks) {
        futures.add(pool.submit(() -> safely(check)));
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      List<CheckResult> results = new ArrayList<>();
      for (int i = 0; i < checks.size(); i++) {
        results.add(await(checks.get(i), futures.get(i), deadline, timeout));
      }
      return List.copyOf(results);
    } finally {
      pool.shutdownNow();
    }
  }

  private static CheckResult safely(DoctorCheck check) {
    try {
      return check.run();
    } catch (Exception | LinkageError e) {
      return CheckResult.fail(check.name(), "check failed: " + Checks.describe(e),
          "'controller config' shows the settings the check used");
    }
  }

  private static CheckResult await(DoctorCheck check, Future<CheckResult> future, long deadline, Duration timeout) {
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return CheckResult.fail(check.name(), "no result within " + timeout.toSeconds() + " s",
          "check the network path to the venue URLs ('controller config' shows them)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CheckResult.fail(check.name(), "interrupted", null);
    } catch (ExecutionException e) {
      return CheckResult.fail(check.name(), "check failed: " + Checks.describe(e.getCause()), null);
    }
  }
}
