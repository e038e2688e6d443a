package io.github.crossarb.cli.tui;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.engine.EngineMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TuiLoopTest {
  @Test
  void colourUnlessTermIsDumbOrNoColorIsSet() {
    assertThat(TuiLoop.colourWanted(Map.of("TERM", "xterm-256color"))).isTrue();
    assertThat(TuiLoop.colourWanted(Map.of())).isTrue();
    assertThat(TuiLoop.colourWanted(Map.of("TERM", "dumb"))).isFalse();
    assertThat(TuiLoop.colourWanted(Map.of("TERM", "xterm", "NO_COLOR", "1"))).isFalse();
    // no-color.org: an empty NO_COLOR does not count
    assertThat(TuiLoop.colourWanted(Map.of("TERM", "xterm", "NO_COLOR", ""))).isTrue();
  }

  @Test
  void aDumbTerminalCannotDrawTheDashboard() {
    assertThat(TuiLoop.drawable(Map.of("TERM", "dumb"))).isFalse();
    assertThat(TuiLoop.drawable(Map.of("TERM", "screen"))).isTrue();
    assertThat(TuiLoop.drawable(Map.of("TERM", "xterm", "NO_COLOR", "1"))).isTrue();
  }

  @Test
  void keysDecodeFromCharactersAndEscapeSequences() {
    assertThat(KeyDecoder.single('k')).isEqualTo(Key.of('k'));
    assertThat(KeyDecoder.single('\r')).isEqualTo(Key.ENTER);
    assertThat(KeyDecoder.single('\n')).isEqualTo(Key.ENTER);
    assertThat(KeyDecoder.single(127)).isEqualTo(Key.BACKSPACE);
    assertThat(KeyDecoder.single(8)).isEqualTo(Key.BACKSPACE);
    assertThat(KeyDecoder.single('\t')).isEqualTo(Key.TAB);
    assertThat(KeyDecoder.single(1)).isNull(); // Ctrl-A: ignored
    assertThat(KeyDecoder.sequence("[A")).isEqualTo(Key.UP);
    assertThat(KeyDecoder.sequence("OA")).isEqualTo(Key.UP);
    assertThat(KeyDecoder.sequence("[B")).isEqualTo(Key.DOWN);
    assertThat(KeyDecoder.sequence("[5~")).isEqualTo(Key.PAGE_UP);
    assertThat(KeyDecoder.sequence("[6~")).isEqualTo(Key.PAGE_DOWN);
    assertThat(KeyDecoder.sequence("[H")).isEqualTo(Key.HOME);
    assertThat(KeyDecoder.sequence("[4~")).isEqualTo(Key.END);
    assertThat(KeyDecoder.sequence("[Z")).isEqualTo(Key.TAB);
    assertThat(KeyDecoder.sequence("[C")).isNull(); // right arrow: unused
  }

  @Test
  void everyActionHasAResultLine() {
    assertThat(TuiLoop.done(new DashboardAction.Kill("x"))).startsWith("kill switch engaged");
    assertThat(TuiLoop.done(new DashboardAction.Reject("e1", true))).isEqualTo("rejected e1; pair blacklisted");
    assertThat(TuiLoop.done(new DashboardAction.SetMode(EngineMode.LIVE))).isEqualTo("mode LIVE");
    assertThat(TuiLoop.done(new DashboardAction.Pause("x"))).isEqualTo("trading paused");
    assertThat(TuiLoop.done(new DashboardAction.Resume())).isEqualTo("trading resumed");
    assertThat(TuiLoop.done(new DashboardAction.Approve("e2"))).isEqualTo("approved e2");
  }
}
