package io.github.crossarb.cli.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.crossarb.cli.TmuxServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real dashboard over a pseudo-terminal: {@code controller demo} in a detached tmux session of
 * 80×24 (its own tmux server, no user config), driven with {@code send-keys} and read with
 * {@code capture-pane}. Skipped when tmux is not installed ({@code deploy/install-tools.sh}
 * installs it). Everything stays on 127.0.0.1: the demo's venues are the in-process simulator.
 */
@Timeout(240)
class DashboardTmuxIT {
  private static final long WAIT_SECONDS = 90;

  @TempDir Path workDir;

  private final TmuxServer tmuxServer = new TmuxServer("crossarb-it");

  private static Path repoRoot() {
    Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    return moduleDir.getParent();
  }

  private static boolean tmuxInstalled() {
    try {
      Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @AfterEach
  void killServer() throws Exception {
    if (tmuxInstalled()) {
      tmux(List.of("kill-server"));
    }
  }

  @Test
  void demoShowsTheDashboardAndKStopsTrading() throws Exception {
    assumeTrue(tmuxInstalled(), "tmux is not installed (deploy/install-tools.sh installs it): skipping the dashboard"
        + " smoke test over a real terminal");
    Path root = repoRoot();
    assertThat(root.resolve("cli/target/crossarb.jar")).as("jar built by package").isRegularFile();
    String command = root.resolve("controller") + " --data-dir " + workDir.resolve("data")
        + " demo --duration 120s; echo DEMO-EXITED $?; sleep 60";
    tmux(List.of("new-session", "-d", "-s", "demo", "-x", "80", "-y", "24", command));

    String screen = awaitScreen(s -> s.contains("[Pairs 5/5") && s.contains(" TRADING "), "the live dashboard");
    List<String> lines = screen.lines().toList();
    assertThat(lines.get(0)).startsWith(" crossarb  LIVE  approval auto  TRADING  kill: off").endsWith("UTC");
    assertThat(lines.get(1)).contains("link: local");
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));

    tmux(List.of("send-keys", "-t", "demo", "k"));
    awaitScreen(s -> s.contains("kill trading?") && s.contains("y/N"), "the kill confirmation");
    tmux(List.of("send-keys", "-t", "demo", "y"));
    screen = awaitScreen(s -> s.lines().findFirst().orElse("").contains("KILLED  kill: ON since"), "trading killed");
    assertThat(screen).contains("kill switch engaged");

    tmux(List.of("send-keys", "-t", "demo", "q"));
    screen = awaitScreen(s -> s.contains("DEMO-EXITED"), "the demo to exit after q");
    assertThat(screen).contains("dashboard closed").contains("trading KILLED").contains("DEMO-EXITED 0");
  }

  private String awaitScreen(Predicate<String> condition, String what) throws Exception {
    LinkedBlockingQueue<Object> never = new LinkedBlockingQueue<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    String screen = "";
    while (System.nanoTime() < deadline) {
      screen = tmux(List.of("capture-pane", "-p", "-t", "demo"));
      if (condition.test(screen)) {
        return screen;
      }
      never.poll(250, TimeUnit.MILLISECONDS); // a bounded pause between captures
    }
    throw new AssertionError("timed out waiting for " + what + "; the screen was:\n" + screen);
  }

  private String tmux(List<String> args) throws Exception {
    return tmuxServer.run(args);
  }
}
