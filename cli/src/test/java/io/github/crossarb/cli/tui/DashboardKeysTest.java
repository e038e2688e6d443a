package io.github.crossarb.cli.tui;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.cli.tui.DashboardKeys.Transition;
import io.github.crossarb.cli.tui.ViewState.Pane;
import io.github.crossarb.cli.tui.ViewState.Prompt;
import io.github.crossarb.cli.tui.ViewState.SortKey;
import io.github.crossarb.core.engine.EngineMode;
import io.github.crossarb.core.engine.EngineSnapshot;
import io.github.crossarb.core.engine.EngineSnapshot.TradingState;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DashboardKeysTest {
  private final EngineSnapshot busy = DashboardFixtures.busy();
  private final ViewState start = ViewState.initial(DashboardFixtures.T);

  private Transition press(ViewState view, Key key) {
    return DashboardKeys.handle(view, key, busy);
  }

  private ViewState typeAll(ViewState view, String text) {
    ViewState v = view;
    for (char c : text.toCharArray()) {
      Transition t = press(v, Key.of(c));
      assertThat(t.action()).isEmpty();
      v = t.view();
    }
    return v;
  }

  @Test
  void questionMarkTogglesHelpAndAnyKeyClosesIt() {
    Transition open = press(start, Key.of('?'));
    assertThat(open.view().help()).isTrue();
    assertThat(open.action()).isEmpty();
    Transition close = press(open.view(), Key.of('x'));
    assertThat(close.view().help()).isFalse();
    assertThat(close.action()).isEmpty();
    assertThat(press(open.view(), Key.of('q')).action()).contains(new DashboardAction.Quit());
  }

  @Test
  void pPausesWhenTradingAndResumesWhenPaused() {
    assertThat(press(start, Key.of('p')).action()).contains(new DashboardAction.Pause(DashboardKeys.REASON));
    EngineSnapshot paused = DashboardFixtures.withTrading(busy, TradingState.PAUSED);
    assertThat(DashboardKeys.handle(start, Key.of('p'), paused).action()).contains(new DashboardAction.Resume());
  }

  @Test
  void kAsksFirstAndOnlyYKills() {
    Transition ask = press(start, Key.of('k'));
    assertThat(ask.action()).isEmpty();
    assertThat(ask.view().prompt()).isEqualTo(Prompt.KILL);
    assertThat(DashboardRenderer.render(busy, ask.view(), 80, 24, false).get(2)).contains("kill trading?").contains("y/N");

    Transition yes = press(ask.view(), Key.of('y'));
    assertThat(yes.action()).contains(new DashboardAction.Kill(DashboardKeys.REASON));
    assertThat(yes.view().prompt()).isEqualTo(Prompt.NONE);

    for (Key other : List.of(Key.of('n'), Key.ENTER, Key.ESCAPE, Key.of('k'))) {
      Transition no = press(ask.view(), other);
      assertThat(no.action()).as("after %s", other).isEmpty();
      assertThat(no.view().prompt()).isEqualTo(Prompt.NONE);
      assertThat(no.view().message()).isEqualTo("kill cancelled");
    }
  }

  @Test
  void kWhenAlreadyKilledOnlySaysSo() {
    Transition t = DashboardKeys.handle(start, Key.of('k'), DashboardFixtures.killed());
    assertThat(t.action()).isEmpty();
    assertThat(t.view().prompt()).isEqualTo(Prompt.NONE);
    assertThat(t.view().message()).startsWith("the kill switch is already engaged");
  }

  @Test
  void aAndRAnswerTheOldestPendingApproval() {
    assertThat(press(start, Key.of('a')).action()).contains(new DashboardAction.Approve("arb-mh3k2x-17"));
    assertThat(press(start, Key.of('r')).action()).contains(new DashboardAction.Reject("arb-mh3k2x-17", false));
    assertThat(press(start, Key.of('R')).action()).contains(new DashboardAction.Reject("arb-mh3k2x-17", true));
    EngineSnapshot none = DashboardFixtures.killed(); // no pending approval
    Transition t = DashboardKeys.handle(start, Key.of('a'), none);
    assertThat(t.action()).isEmpty();
    assertThat(t.view().message()).isEqualTo("nothing awaits approval");
  }

  @Test
  void mChoosesDryRunOrPaperAtOnceButLiveNeedsLiveTyped() {
    Transition menu = press(start, Key.of('m'));
    assertThat(menu.view().prompt()).isEqualTo(Prompt.MODE);
    assertThat(menu.action()).isEmpty();
    assertThat(press(menu.view(), Key.of('d')).action()).contains(new DashboardAction.SetMode(EngineMode.DRY_RUN));
    assertThat(press(menu.view(), Key.of('p')).action()).contains(new DashboardAction.SetMode(EngineMode.PAPER));
    Transition cancelled = press(menu.view(), Key.ESCAPE);
    assertThat(cancelled.action()).isEmpty();
    assertThat(cancelled.view().prompt()).isEqualTo(Prompt.NONE);

    ViewState live = press(menu.view(), Key.of('l')).view();
    assertThat(live.prompt()).isEqualTo(Prompt.LIVE);
    // "y" or Enter alone never switches to live
    Transition enterOnly = press(live, Key.ENTER);
    assertThat(enterOnly.action()).isEmpty();
    assertThat(enterOnly.view().message()).contains("type LIVE");

    ViewState typed = typeAll(live, "LIVX");
    assertThat(typed.typed()).isEqualTo("LIVX");
    typed = press(typed, Key.BACKSPACE).view();
    typed = typeAll(typed, "E");
    Transition go = press(typed, Key.ENTER);
    assertThat(go.action()).contains(new DashboardAction.SetMode(EngineMode.LIVE));
    assertThat(go.view().prompt()).isEqualTo(Prompt.NONE);
    assertThat(go.view().typed()).isEmpty();

    Transition lower = press(typeAll(live, "live"), Key.ENTER);
    assertThat(lower.action()).as("LIVE must be typed exactly").isEmpty();
    assertThat(press(typeAll(live, "LI"), Key.ESCAPE).view().prompt()).isEqualTo(Prompt.NONE);
  }

  @Test
  void slashEditsTheFilterUntilEnterAndEscapeClearsIt() {
    ViewState editing = press(start, Key.of('/')).view();
    assertThat(editing.editingFilter()).isTrue();
    // while typing, command keys are text
    ViewState typed = typeAll(editing, "fedq");
    assertThat(typed.filter()).isEqualTo("fedq");
    typed = press(typed, Key.BACKSPACE).view();
    ViewState kept = press(typed, Key.ENTER).view();
    assertThat(kept.editingFilter()).isFalse();
    assertThat(kept.filter()).isEqualTo("fed");
    assertThat(DashboardRenderer.visiblePairs(busy, kept)).extracting(p -> p.pairId()).containsExactly("fed-dec-425");
    ViewState cleared = press(press(kept, Key.of('/')).view(), Key.ESCAPE).view();
    assertThat(cleared.filter()).isEmpty();
    assertThat(cleared.editingFilter()).isFalse();
  }

  @Test
  void sCyclesTheSortKey() {
    ViewState v = start;
    for (SortKey expected : List.of(SortKey.EDGE, SortKey.SIZE, SortKey.STATUS, SortKey.PAIR)) {
      v = press(v, Key.of('s')).view();
      assertThat(v.sort()).isEqualTo(expected);
    }
    ViewState byEdge = start.withSort(SortKey.EDGE);
    assertThat(DashboardRenderer.visiblePairs(busy, byEdge)).extracting(p -> p.pairId()).startsWith("fed-dec-425",
        "gdp-q4-2pct", "cpi-jan-3pct");
  }

  @Test
  void qQuits() {
    assertThat(press(start, Key.of('q')).action()).contains(new DashboardAction.Quit());
  }

  @Test
  void tabAndArrowsScrollTheSelectedPaneWithinItsRows() {
    ViewState v = press(start, Key.TAB).view();
    assertThat(v.pane()).isEqualTo(Pane.ACTIVITY);
    v = press(v, Key.DOWN).view();
    assertThat(v.scroll()).isEqualTo(1);
    v = press(v, Key.PAGE_DOWN).view();
    assertThat(v.scroll()).isEqualTo(3); // 1 pending + 3 executions: the last row is 3
    v = press(v, Key.UP).view();
    assertThat(v.scroll()).isEqualTo(2);
    v = press(v, Key.HOME).view();
    assertThat(v.scroll()).isZero();
    assertThat(press(v, Key.UP).view().scroll()).isZero();
    v = press(press(v, Key.TAB).view(), Key.END).view();
    assertThat(v.pane()).isEqualTo(Pane.LOG);
    assertThat(v.scroll()).isEqualTo(busy.log().size() - 1);
  }

  @Test
  void aKeyClearsTheLastMessageAndUnknownKeysDoNothing() {
    ViewState withMessage = start.withMessage("approve failed: gone");
    Transition t = press(withMessage, Key.of('z'));
    assertThat(t.view().message()).isEmpty();
    assertThat(t.action()).isEqualTo(Optional.empty());
    assertThat(t.view().withMessage("")).isEqualTo(start);
  }
}
