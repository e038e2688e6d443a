package io.github.crossarb.cli.tui;

import io.github.crossarb.core.engine.ArbEngine;
import io.github.crossarb.core.engine.EngineSnapshot;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where the dashboard gets what it shows and sends what the keys ask: the engine in this process,
 * or a daemon's control endpoint (attach). Called from the dashboard's thread, once a frame.
 */
public interface DashboardSource {
  /** The engine's state to draw now. */
  EngineSnapshot snapshot();

  /** The trader link's state lines for the header. */
  List<String> linkLines();

  /** Sends an action to the engine; the future ends when it is done or refused. */
  Future<?> perform(DashboardAction action);

  /** The engine in this process. */
  static DashboardSource inProcess(ArbEngine engine, Supplier<List<String>> linkLines) {
    return new DashboardSource() {
      @Override
      public EngineSnapshot snapshot() {
        return engine.snapshot();
      }

      @Override
      public List<String> linkLines() {
        return linkLines.get();
      }

      @Override
      public Future<?> perform(DashboardAction action) {
        return TuiLoop.perform(engine, action);
      }
    };
  }
}
