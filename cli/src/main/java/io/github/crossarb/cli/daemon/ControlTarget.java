package io.github.crossarb.cli.daemon;

import io.github.crossarb.cli.tui.DashboardAction;
import io.github.crossarb.core.engine.EngineSnapshot;
import io.vertx.core.Future;
import java.util.List;

/** What the control endpoint serves and commands: the daemon's engine (tests give a fake). */
public interface ControlTarget {
  /** The snapshot the engine published last (cheap; for the health check's mode). */
  EngineSnapshot published();

  /** The engine's state now, reflecting every event it emitted. */
  Future<EngineSnapshot> snapshot();

  /** The trader link's state, one line each ({@code link: local} without a link). */
  List<String> linkLines();

  /** The recent events. */
  EventBuffer events();

  /** Runs an operator command on the engine ({@link DashboardAction.Quit} is not one). */
  Future<?> perform(DashboardAction action);

  /** Asks the daemon to stop gracefully (the engine's own stop: open orders cancelled, state persisted). */
  void stop();
}
