package io.github.crossarb.cli.tui;

import io.github.crossarb.core.engine.EngineMode;
import java.util.Objects;

/** What a key asks of the engine (or of the dashboard itself, for {@link Quit}). */
public sealed interface DashboardAction {
  /** Pause trading (opportunities are still logged). */
  record Pause(String reason) implements DashboardAction {
    public Pause {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Resume after a pause. */
  record Resume() implements DashboardAction {}

  /** Engage the kill switch (cancels open orders; trading stops until a restart). */
  record Kill(String reason) implements DashboardAction {
    public Kill {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Execute the opportunity waiting under {@code executionId}. */
  record Approve(String executionId) implements DashboardAction {
    public Approve {
      Objects.requireNonNull(executionId, "executionId");
    }
  }

  /** Drop the opportunity waiting under {@code executionId}, blacklisting its pair for a while if asked. */
  record Reject(String executionId, boolean blacklist) implements DashboardAction {
    public Reject {
      Objects.requireNonNull(executionId, "executionId");
    }
  }

  /** Switch the engine's mode. */
  record SetMode(EngineMode mode) implements DashboardAction {
    public SetMode {
      Objects.requireNonNull(mode, "mode");
    }
  }

  /** Leave the dashboard. */
  record Quit() implements DashboardAction {}
}
