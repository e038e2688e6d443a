package io.github.crossarb.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.TmuxServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8's acceptance over a real pseudo-terminal: in a tmux session (its own tmux server, no user
 * config, 80×24) a shell starts {@code controller demo --daemon} in the background, as an operator
 * would over SSH, and {@code controller run} attaches the dashboard to it; {@code k}, {@code y}
 * kills trading; {@code q} leaves the daemon running; bare {@code controller} in a second session
 * re-attaches and shows the same KILLED state; killing both tmux sessions (the terminal the daemon
 * was started from included: SIGHUP) leaves the daemon running and its health endpoint answering;
 * {@code controller stop} then stops it. Skipped when tmux is not installed. Loopback only.
 */
@Timeout(300)
class DaemonTmuxIT {
  private static final long WAIT_SECONDS = 90;

  @TempDir Path workDir;

  private final TmuxServer tmuxServer = new TmuxServer("crossarb-daemon-it");
  private final LinkedBlockingQueue<Object> never = new LinkedBlockingQueue<>();

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

  private Path dataDir() {
    return workDir.resolve("data");
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (tmuxInstalled()) {
      tmux(List.of("kill-server"));
    }
    // The daemon outlives tmux by design: stop it (it is this test's process) if the test did not.
    Optional<ControlInfo> info = ControlFiles.readInfo(dataDir());
    if (info.isPresent()) {
      Optional<ProcessHandle> daemon = ProcessHandle.of(info.get().pid());
      if (daemon.isPresent() && daemon.get().isAlive()) {
        daemon.get().destroyForcibly();
        daemon.get().onExit().get(30, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void theDashboardAttachesKillsQuitsReattachesAndTheDaemonOutlivesTheTerminal() throws Exception {
    assumeTrue(tmuxInstalled(), "tmux is not installed (deploy/install-tools.sh installs it): skipping the daemon"
        + " attach test over a real terminal");
    Path root = DaemonProcessIT.repoRoot();
    assertThat(root.resolve("cli/target/crossarb.jar")).as("jar built by package").isRegularFile();
    String controller = root.resolve("controller") + " --data-dir " + dataDir();
    Path control = dataDir().resolve(ControlFiles.INFO_FILE);
    String first = controller + " demo --daemon > " + workDir.resolve("daemon.log") + " 2>&1 & "
        + "for i in $(seq 1 450); do [ -f " + control + " ] && break; sleep 0.2; done; "
        + controller + " run; echo ATTACH-EXITED $?; sleep 120";
    tmux(List.of("new-session", "-d", "-s", "ssh", "-x", "80", "-y", "24", first));

    String screen = awaitScreen("ssh", s -> s.contains("[Pairs 5/5") && s.contains(" TRADING "),
        "the live dashboard attached to the daemon");
    List<String> lines = screen.lines().toList();
    assertThat(lines.get(0)).startsWith(" crossarb  LIVE  approval auto  TRADING  kill: off").endsWith("UTC");
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    ControlInfo info = ControlFiles.readInfo(dataDir()).orElseThrow();
    ProcessHandle daemon = ProcessHandle.of(info.pid()).orElseThrow();

    tmux(List.of("send-keys", "-t", "ssh", "k"));
    awaitScreen("ssh", s -> s.contains("kill trading?") && s.contains("y/N"), "the kill confirmation");
    tmux(List.of("send-keys", "-t", "ssh", "y"));
    screen = awaitScreen("ssh", s -> s.lines().findFirst().orElse("").contains("KILLED  kill: ON since"),
        "trading killed");
    assertThat(ControlClient.fromFiles(dataDir()).orElseThrow().snapshot().kill().engaged()).isTrue();

    tmux(List.of("send-keys", "-t", "ssh", "q"));
    screen = awaitScreen("ssh", s -> s.contains("ATTACH-EXITED"), "the attached dashboard to quit");
    assertThat(screen).contains("keeps running").contains("ATTACH-EXITED 0");
    assertThat(daemon.isAlive()).isTrue();

    // Re-attach with bare `controller`: the same state.
    tmux(List.of("new-session", "-d", "-s", "ssh2", "-x", "80", "-y", "24", controller + "; sleep 120"));
    screen = awaitScreen("ssh2", s -> s.lines().findFirst().orElse("").contains("KILLED  kill: ON since"),
        "the re-attached dashboard showing KILLED");
    assertThat(screen).contains("[Pairs 5/5");

    // The SSH sessions drop: both terminals go, the one the daemon was started from included.
    tmux(List.of("kill-session", "-t", "ssh2"));
    tmux(List.of("kill-session", "-t", "ssh"));
    await("the tmux sessions to end", () -> {
      try {
        return !tmux(List.of("list-sessions")).contains("ssh");
      } catch (Exception e) {
        return false;
      }
    });
    ControlClient client = ControlClient.fromFiles(dataDir()).orElseThrow();
    for (int i = 0; i < 10; i++) { // a couple of seconds of answers, not one lucky one
      assertThat(client.health().status()).isEqualTo("ok");
      assertThat(client.snapshot().trading().name()).isEqualTo("KILLED");
      never.poll(200, TimeUnit.MILLISECONDS);
    }
    assertThat(daemon.isAlive()).isTrue();

    Process stop = new ProcessBuilder(root.resolve("controller").toString(), "--data-dir", dataDir().toString(), "stop")
        .redirectErrorStream(true).redirectOutput(workDir.resolve("stop.out").toFile()).start();
    assertThat(stop.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(stop.exitValue()).as(Files.readString(workDir.resolve("stop.out"))).isEqualTo(ExitCodes.OK);
    daemon.onExit().get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(Files.readString(workDir.resolve("daemon.log"))).contains("daemon: stopped");
  }

  private void await(String what, BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      never.poll(100, TimeUnit.MILLISECONDS); // a bounded pause between checks
    }
  }

  private String awaitScreen(String session, Predicate<String> condition, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    String screen = "";
    while (System.nanoTime() < deadline) {
      screen = tmux(List.of("capture-pane", "-p", "-t", session));
      if (condition.test(screen)) {
        return screen;
      }
      never.poll(250, TimeUnit.MILLISECONDS); // a bounded pause between captures
    }
    String log = Files.exists(workDir.resolve("daemon.log")) ? Files.readString(workDir.resolve("daemon.log")) : "";
    throw new AssertionError("timed out waiting for " + what + "; the screen was:\n" + screen + "\ndaemon log:\n" + log);
  }

  private String tmux(List<String> args) throws Exception {
    return tmuxServer.run(args);
  }
}
