package io.github.crossarb.cli.tui;

import io.github.crossarb.cli.tui.ViewState.Prompt;
import io.github.crossarb.core.engine.EngineMode;
import io.github.crossarb.core.engine.EngineSnapshot;
import io.github.crossarb.core.engine.EngineSnapshot.PendingApproval;
import java.util.Objects;
import java.util.Optional;

/**
 * The dashboard's keys as a pure state machine: (view, key, what the engine shows) → (new view,
 * maybe an action for the engine). Nothing here touches the engine or the terminal.
 *
 * <p>Keys: {@code ?} help, {@code p} pause/resume, {@code k} kill (asks {@code kill trading? y/N}),
 * {@code a} approve / {@code r} reject / {@code R} reject and blacklist the oldest pending
 * opportunity, {@code m} mode ({@code d}, {@code p}, or {@code l} then {@code LIVE} typed and
 * Enter), {@code /} filter pairs (Enter keeps it, Escape clears it), {@code s} sort, Tab the pane
 * the arrows scroll, {@code q} quit.
 */
public final class DashboardKeys {
  /** Why the dashboard pauses or kills, as the engine logs it. */
  public static final String REASON = "operator (dashboard)";
  static final int PAGE = 10;
  private static final int MAX_FILTER = 40;

  private DashboardKeys() {}

  /** The new view, and what to ask of the engine if anything. */
  public record Transition(ViewState view, Optional<DashboardAction> action) {
    public Transition {
      Objects.requireNonNull(view, "view");
      Objects.requireNonNull(action, "action");
    }

    static Transition stay(ViewState view) {
      return new Transition(view, Optional.empty());
    }

    static Transition act(ViewState view, DashboardAction action) {
      return new Transition(view, Optional.of(action));
    }
  }

  /** Handles one key. */
  public static Transition handle(ViewState current, Key key, EngineSnapshot snapshot) {
    ViewState view = current.withMessage("");
    switch (view.prompt()) {
      case KILL:
        return kill(view, key);
      case MODE:
        return mode(view, key);
      case LIVE:
        return live(view, key);
      default:
        break;
    }
    if (view.editingFilter()) {
      return filter(view, key);
    }
    if (view.help()) {
      return key.is('q') ? Transition.act(view.withHelp(false), new DashboardAction.Quit())
          : Transition.stay(view.withHelp(false));
    }
    if (key.kind() != Key.Kind.CHAR) {
      return navigate(view, key, snapshot);
    }
    switch (key.ch()) {
      case '?':
        return Transition.stay(view.withHelp(true));
      case 'p':
        return snapshot.trading() == EngineSnapshot.TradingState.PAUSED
            ? Transition.act(view, new DashboardAction.Resume())
            : Transition.act(view, new DashboardAction.Pause(REASON));
      case 'k':
        return snapshot.kill().engaged()
            ? Transition.stay(view.withMessage("the kill switch is already engaged: " + snapshot.kill().reason()))
            : Transition.stay(view.withPrompt(Prompt.KILL, ""));
      case 'a':
      case 'r':
      case 'R': {
        PendingApproval pending = snapshot.pendingApprovals().isEmpty() ? null : snapshot.pendingApprovals().get(0);
        if (pending == null) {
          return Transition.stay(view.withMessage("nothing awaits approval"));
        }
        DashboardAction action = key.ch() == 'a' ? new DashboardAction.Approve(pending.executionId())
            : new DashboardAction.Reject(pending.executionId(), key.ch() == 'R');
        return Transition.act(view, action);
      }
      case 'm':
        return Transition.stay(view.withPrompt(Prompt.MODE, ""));
      case '/':
        return Transition.stay(view.withFilter(view.filter(), true));
      case 's':
        return Transition.stay(view.withSort(view.sort().next()));
      case 'q':
        return Transition.act(view, new DashboardAction.Quit());
      default:
        return Transition.stay(view);
    }
  }

  private static Transition kill(ViewState view, Key key) {
    ViewState closed = view.withPrompt(Prompt.NONE, "");
    if (key.is('y') || key.is('Y')) {
      return Transition.act(closed, new DashboardAction.Kill(REASON));
    }
    return Transition.stay(closed.withMessage("kill cancelled"));
  }

  private static Transition mode(ViewState view, Key key) {
    ViewState closed = view.withPrompt(Prompt.NONE, "");
    if (key.is('d')) {
      return Transition.act(closed, new DashboardAction.SetMode(EngineMode.DRY_RUN));
    }
    if (key.is('p')) {
      return Transition.act(closed, new DashboardAction.SetMode(EngineMode.PAPER));
    }
    if (key.is('l')) {
      return Transition.stay(view.withPrompt(Prompt.LIVE, ""));
    }
    return Transition.stay(closed.withMessage("mode unchanged"));
  }

  private static Transition live(ViewState view, Key key) {
    switch (key.kind()) {
      case CHAR:
        return Transition.stay(view.typed().length() >= 8 ? view : view.withPrompt(Prompt.LIVE, view.typed() + key.ch()));
      case BACKSPACE:
        String t = view.typed();
        return Transition.stay(view.withPrompt(Prompt.LIVE, t.isEmpty() ? t : t.substring(0, t.length() - 1)));
      case ENTER:
        ViewState closed = view.withPrompt(Prompt.NONE, "");
        return "LIVE".equals(view.typed())
            ? Transition.act(closed, new DashboardAction.SetMode(EngineMode.LIVE))
            : Transition.stay(closed.withMessage("live not confirmed: type LIVE exactly"));
      default:
        return Transition.stay(view.withPrompt(Prompt.NONE, "").withMessage("mode unchanged"));
    }
  }

  private static Transition filter(ViewState view, Key key) {
    switch (key.kind()) {
      case CHAR:
        return Transition.stay(view.filter().length() >= MAX_FILTER ? view
            : view.withFilter(view.filter() + key.ch(), true));
      case BACKSPACE:
        String f = view.filter();
        return Transition.stay(view.withFilter(f.isEmpty() ? f : f.substring(0, f.length() - 1), true));
      case ENTER:
        return Transition.stay(view.withFilter(view.filter(), false));
      case ESCAPE:
        return Transition.stay(view.withFilter("", false));
      default:
        return Transition.stay(view);
    }
  }

  private static Transition navigate(ViewState view, Key key, EngineSnapshot snapshot) {
    int last = Math.max(0, rows(view, snapshot) - 1);
    switch (key.kind()) {
      case TAB:
        return Transition.stay(view.withPane(view.pane().next(), 0));
      case UP:
        return Transition.stay(view.withPane(view.pane(), view.scroll() - 1));
      case DOWN:
        return Transition.stay(view.withPane(view.pane(), Math.min(last, view.scroll() + 1)));
      case PAGE_UP:
        return Transition.stay(view.withPane(view.pane(), view.scroll() - PAGE));
      case PAGE_DOWN:
        return Transition.stay(view.withPane(view.pane(), Math.min(last, view.scroll() + PAGE)));
      case HOME:
        return Transition.stay(view.withPane(view.pane(), 0));
      case END:
        return Transition.stay(view.withPane(view.pane(), last));
      case ESCAPE:
        return Transition.stay(view.withFilter("", false));
      default:
        return Transition.stay(view);
    }
  }

  /** How many rows the scrolled pane has. */
  private static int rows(ViewState view, EngineSnapshot snapshot) {
    switch (view.pane()) {
      case PAIRS:
        return DashboardRenderer.visiblePairs(snapshot, view).size();
      case ACTIVITY:
        return snapshot.pendingApprovals().size() + snapshot.recentExecutions().size();
      default:
        return snapshot.log().size();
    }
  }
}
