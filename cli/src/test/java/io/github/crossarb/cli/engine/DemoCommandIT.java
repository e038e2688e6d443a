package io.github.crossarb.cli.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.cli.CliRunner;
import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.store.EventLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine issue's acceptance as commands: {@code demo} trades the simulated venues and leaves
 * {@code positions.json} and {@code events.jsonl} that {@code positions} reads back; {@code run}
 * refuses what it must refuse with one line and a documented exit code.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DemoCommandIT {
  @TempDir Path dataDir;

  @Test
  void demoTradesTheSimulatedVenuesAndPositionsReadsTheLedgerBack() throws Exception {
    Path scenario = Path.of(DemoCommandIT.class.getResource("/scenarios/engine-window.yaml").toURI());
    Map<String, String> env = CliRunner.environment(dataDir);

    CliRunner.Result demo = CliRunner.controller(env, "demo", "--headless", "--duration", "8s",
        "--scenario", scenario.toString());

    assertThat(demo.exitCode()).as(demo.err()).isEqualTo(ExitCodes.OK);
    assertThat(demo.out()).contains("OPPORTUNITY fed", "EXECUTED fed", "HEDGED", "demo summary:",
        "fed: hedged 20, residual 0");
    assertThat(dataDir.resolve("positions.json")).exists();
    assertThat(EventLog.read(dataDir.resolve("events.jsonl")))
        .anySatisfy(e -> assertThat(e).isInstanceOf(EngineEvent.ExecutionFinished.class));

    CliRunner.Result positions = CliRunner.controller(env, "positions");
    assertThat(positions.exitCode()).as(positions.err()).isEqualTo(ExitCodes.OK);
    assertThat(positions.out()).contains("fed", "20");

    // A second demo clears its own state first (the simulator starts from scratch).
    CliRunner.Result again = CliRunner.controller(env, "demo", "--duration", "1s", "--scenario", scenario.toString());
    assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void demoRefusesADataDirectoryWithARealControllersState() throws Exception {
    Files.writeString(dataDir.resolve("positions.json"), "{}");
    CliRunner.Result demo = CliRunner.controller(CliRunner.environment(dataDir), "demo", "--duration", "1s");
    assertThat(demo.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(demo.err().strip()).doesNotContain("\n").contains("holds a controller's state");
  }

  @Test
  void runRefusesLiveModeUnlessAllowedAndAnEmptyRegistry() {
    Map<String, String> env = CliRunner.environment(dataDir);
    CliRunner.Result live = CliRunner.controller(env, "run", "--headless", "--mode", "live");
    assertThat(live.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(live.err()).contains("ARB_ALLOW_LIVE=true");

    CliRunner.Result noPairs = CliRunner.controller(env, "run", "--headless");
    assertThat(noPairs.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(noPairs.err().strip()).doesNotContain("\n").contains("no approved pairs");

    CliRunner.Result badMode = CliRunner.controller(env, "run", "--headless", "--mode", "yolo");
    assertThat(badMode.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(badMode.err()).contains("--mode must be dry-run, paper or live");

    CliRunner.Result badDuration = CliRunner.controller(env, "demo", "--duration", "soon");
    assertThat(badDuration.exitCode()).isEqualTo(ExitCodes.USAGE);
  }
}
