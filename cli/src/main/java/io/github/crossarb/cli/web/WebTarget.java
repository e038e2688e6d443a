package io.github.crossarb.cli.web;

import io.github.crossarb.cli.daemon.EventBuffer;
import io.github.crossarb.cli.tui.DashboardAction;
import io.github.crossarb.core.engine.EngineSnapshot;
import io.github.crossarb.link.controller.LinkStatus;
import io.vertx.core.Future;
import java.util.Optional;

/** What the web server serves and commands: the running engine (tests give a fake). */
public interface WebTarget {
  /** The snapshot the engine published last (cheap, any thread). */
  EngineSnapshot published();

  /** The engine's state now, taken on its context. */
  Future<EngineSnapshot> snapshot();

  /** Completes once a no-op has run on the engine's context: the engine's event loop answers. */
  Future<Void> ping();

  /**
   * The trader link's state when orders go through it ({@code ARB_EXECUTE_REMOTE} set), else
   * empty: readiness then does not depend on a trader.
   */
  Future<Optional<LinkStatus>> remoteLink();

  /** The recent engine events as numbered lines. */
  EventBuffer events();

  /** Runs an operator command on the engine. */
  Future<?> perform(DashboardAction action);
}
