package io.github.crossarb.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.cli.CliRunner;
import io.github.crossarb.cli.CliRunner.Result;
import io.github.crossarb.cli.ExitCodes;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code status} and {@code stop} without a daemon, in this process (DaemonProcessIT runs them against one). */
class DaemonCommandsTest {
  @TempDir Path dataDir;

  private Result controller(String... args) {
    return CliRunner.controller(CliRunner.environment(dataDir), args);
  }

  private String dir() {
    return dataDir.toAbsolutePath().normalize().toString();
  }

  @Test
  void statusWithoutAnEngineReadsTheFilesAndSaysSo() {
    Result text = controller("status");
    assertThat(text.exitCode()).as(text.err()).isEqualTo(ExitCodes.OK);
    assertThat(text.out()).startsWith("no engine running on " + dir() + "; from the files\n")
        .contains("pairs: none registered").contains("link: no link-status.json").contains("P&L (positions.json)")
        .contains("events: none");
    Result json = controller("status", "--json");
    assertThat(json.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(json.out()).contains("\"engine\" : \"none\"").contains("\"source\" : \"files\"")
        .contains("\"pairs\" : [ ]");
  }

  @Test
  void staleControlFilesAreIgnoredByStatusAndStop() throws Exception {
    ControlFiles.write(dataDir, new ControlInfo(999_999, 4321, Instant.parse("2026-11-27T09:00:00Z"), 1),
        ControlFiles.newToken());
    assertThat(controller("status").out()).startsWith("no engine running on " + dir());
    Result stop = controller("stop");
    assertThat(stop.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(stop.err()).isEqualTo("controller: no daemon is running on " + dir() + "\n");
  }

  @Test
  void anEngineWithoutAControlEndpointIsNamedButCannotBeStoppedFromHere() {
    try (EngineLock lock = EngineLock.acquire(dataDir)) {
      long pid = ProcessHandle.current().pid();
      Result status = controller("status");
      assertThat(status.exitCode()).isEqualTo(ExitCodes.OK);
      assertThat(status.out()).startsWith("an engine runs on " + dir() + " (pid " + pid
          + ") without a control endpoint (not a daemon); from the files");
      assertThat(controller("status", "--json").out()).contains("\"engine\" : \"in-process\"")
          .contains("\"pid\" : " + pid);
      Result stop = controller("stop");
      assertThat(stop.exitCode()).isEqualTo(ExitCodes.FAILURE);
      assertThat(stop.errLines()).containsExactly("controller: the engine on " + dir() + " (pid " + pid
          + ") has no control endpoint that answers (not a daemon?); stop it where it runs (q or Ctrl-C)");
      Result second = controller("run", "--headless");
      assertThat(second.exitCode()).isEqualTo(ExitCodes.CONFIG);
      assertThat(second.errLines()).containsExactly("controller: another engine is running on " + dir() + " (pid "
          + pid + "); 'controller status' shows it, 'controller stop' stops a daemon");
    }
  }

  @Test
  void theHelpListsTheExitCodes() {
    for (String command : new String[] {"daemon", "stop", "status"}) {
      Result help = controller(command, "--help");
      assertThat(help.exitCode()).isEqualTo(ExitCodes.OK);
      assertThat(help.out()).as(command).contains("Exit codes:").contains("3   configuration error");
    }
  }
}
