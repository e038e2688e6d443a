package io.github.crossarb.simulator.process;

import io.vertx.core.Vertx;
import java.util.Objects;

/** Steps a {@link PriceProcess} on a Vert.x periodic timer; tests call {@code step()} instead. */
public final class ProcessTimer implements AutoCloseable {
  private final Vertx vertx;
  private final long timerId;

  private ProcessTimer(Vertx vertx, long timerId) {
    this.vertx = vertx;
    this.timerId = timerId;
  }

  /** Starts stepping {@code process} every {@code intervalMillis}. */
  public static ProcessTimer start(Vertx vertx, PriceProcess process, long intervalMillis) {
    Objects.requireNonNull(process, "process");
    if (intervalMillis <= 0) {
      throw new IllegalArgumentException("process interval must be positive");
    }
    long id = vertx.setPeriodic(intervalMillis, t -> process.step());
    return new ProcessTimer(vertx, id);
  }

  @Override
  public void close() {
    vertx.cancelTimer(timerId);
  }
}
