package io.github.crossarb.cli.engine;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a command running while the engine trades: until a duration passes or the process is
 * asked to stop (Ctrl-C, SIGTERM). On a signal the JVM's shutdown waits, bounded, until this loop
 * is closed, so open it before the engine and close it after (try-with-resources does): positions
 * and the event log are then flushed before the process exits.
 */
public final class RunLoop implements AutoCloseable {
  /** How long a shutdown waits for the command to close the engine. */
  static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread hook;

  private RunLoop() {
    hook = new Thread(() -> {
      stop.countDown();
      try {
        closed.await(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "engine-shutdown");
  }

  public static RunLoop install() {
    RunLoop loop = new RunLoop();
    Runtime.getRuntime().addShutdownHook(loop.hook);
    return loop;
  }

  /** Waits until {@code duration} passed or a shutdown began; null waits for the shutdown only. */
  public void await(Duration duration) throws InterruptedException {
    if (duration == null) {
      stop.await();
    } else {
      stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Whether a shutdown began (or {@link #stop} was called): for loops that cannot block in {@link #await}. */
  public boolean stopRequested() {
    return stop.getCount() == 0;
  }

  /** Stops waiting (as a signal would). */
  public void stop() {
    stop.countDown();
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down: the hook is running and waits for `closed`.
    }
    closed.countDown();
  }
}
