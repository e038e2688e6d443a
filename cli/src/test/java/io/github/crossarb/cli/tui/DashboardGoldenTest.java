package io.github.crossarb.cli.tui;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.cli.tui.ViewState.Prompt;
import io.github.crossarb.core.engine.EngineSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Golden screens: fixed snapshots rendered at 80×24 and 160×48 compared with
 * {@code src/test/resources/tui/*.txt}, line for line.
 *
 * <p>To regenerate them after a deliberate change of the layout, run with
 * {@code -Dtui.golden.update=true} (or the environment variable {@code TUI_GOLDEN_UPDATE=true}):
 * {@code ./mvnw -q -pl cli -am verify -Dtest=DashboardGoldenTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtui.golden.update=true}, then review the diff of the text files before committing them.
 */
class DashboardGoldenTest {
  private static final Path DIR = Path.of("src", "test", "resources", "tui");
  private static final Pattern SGR = Pattern.compile("\u001b\\[[0-9;]*m");

  private static boolean updating() {
    return Boolean.getBoolean("tui.golden.update") || "true".equalsIgnoreCase(System.getenv("TUI_GOLDEN_UPDATE"));
  }

  private static ViewState view() {
    return ViewState.initial(DashboardFixtures.T);
  }

  @Test
  void dashboardAt80x24() throws IOException {
    golden("dashboard-80x24.txt", DashboardFixtures.busy(), view(), 80, 24);
  }

  @Test
  void dashboardAt160x48() throws IOException {
    golden("dashboard-160x48.txt", DashboardFixtures.busy(), view(), 160, 48);
  }

  @Test
  void helpAt80x24() throws IOException {
    golden("help-80x24.txt", DashboardFixtures.busy(), view().withHelp(true), 80, 24);
  }

  @Test
  void helpAt160x48() throws IOException {
    golden("help-160x48.txt", DashboardFixtures.busy(), view().withHelp(true), 160, 48);
  }

  @Test
  void killConfirmationAt80x24() throws IOException {
    golden("kill-confirm-80x24.txt", DashboardFixtures.busy(), view().withPrompt(Prompt.KILL, ""), 80, 24);
  }

  @Test
  void killConfirmationAt160x48() throws IOException {
    golden("kill-confirm-160x48.txt", DashboardFixtures.busy(), view().withPrompt(Prompt.KILL, ""), 160, 48);
  }

  @Test
  void killedWithAFeedDownFilteredAndSortedAt80x24() throws IOException {
    ViewState v = view().withSort(ViewState.SortKey.EDGE).withFilter("c", false);
    golden("killed-filtered-80x24.txt", DashboardFixtures.killed(), v, 80, 24);
  }

  @Test
  void liveConfirmationAndTypedTextAt80x24() throws IOException {
    golden("live-confirm-80x24.txt", DashboardFixtures.busy(), view().withPrompt(Prompt.LIVE, "LI"), 80, 24);
  }

  @Test
  void colourIsOnlyAddedCodes() {
    EngineSnapshot s = DashboardFixtures.busy();
    for (int[] size : new int[][] {{80, 24}, {160, 48}}) {
      List<String> plain = DashboardRenderer.render(s, view(), size[0], size[1], false);
      List<String> colour = DashboardRenderer.render(s, view(), size[0], size[1], true);
      assertThat(colour).hasSize(plain.size());
      assertThat(String.join("\n", colour)).contains("\u001b[");
      for (int i = 0; i < plain.size(); i++) {
        assertThat(SGR.matcher(colour.get(i)).replaceAll("").stripTrailing()).isEqualTo(plain.get(i));
      }
      assertThat(String.join("\n", plain)).doesNotContain("\u001b");
    }
  }

  private static void golden(String name, EngineSnapshot snapshot, ViewState view, int width, int height)
      throws IOException {
    List<String> lines = DashboardRenderer.render(snapshot, view, width, height, false);
    assertThat(lines).hasSize(height);
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(width));
    String text = String.join("\n", lines) + "\n";
    Path file = DIR.resolve(name);
    if (updating()) {
      Files.createDirectories(DIR);
      Files.writeString(file, text, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(file)).as(file + " exists (regenerate with -Dtui.golden.update=true)").isTrue();
    assertThat(text).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
