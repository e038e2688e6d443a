package io.github.crossarb.cli.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.cli.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataDirTest {
  @TempDir Path dir;

  @Test
  void refusesARealControllersState() throws Exception {
    Files.writeString(dir.resolve("positions.json"), "{}");
    assertThatThrownBy(() -> DemoDataDir.prepare(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("holds a controller's state (positions.json)");
    assertThat(dir.resolve("positions.json")).exists();
    assertThat(dir.resolve(DemoDataDir.MARKER)).doesNotExist();
  }

  @Test
  void refusesCachedPolymarketCredentialsToo() throws Exception {
    Files.writeString(dir.resolve("polymarket-api-0xabc.json"), "{}");
    assertThatThrownBy(() -> DemoDataDir.prepare(dir)).isInstanceOf(ConfigException.class);
  }

  @Test
  void clearsItsOwnPreviousRunAndKeepsOtherFiles() throws Exception {
    DemoDataDir.prepare(dir);
    Files.writeString(dir.resolve("positions.json"), "{}");
    Files.createDirectories(dir.resolve("paper"));
    Files.writeString(dir.resolve("paper").resolve("fills.jsonl"), "");
    Files.writeString(dir.resolve("notes.txt"), "mine");

    DemoDataDir.prepare(dir);

    assertThat(dir.resolve("positions.json")).doesNotExist();
    assertThat(dir.resolve("paper")).doesNotExist();
    assertThat(dir.resolve("notes.txt")).hasContent("mine");
    assertThat(dir.resolve(DemoDataDir.MARKER)).exists();
  }

  @Test
  void createsAMissingDirectory() throws Exception {
    Path fresh = dir.resolve("a").resolve("b");
    DemoDataDir.prepare(fresh);
    assertThat(fresh.resolve(DemoDataDir.MARKER)).exists();
  }

  @Test
  void simulatorKeysAreNotStateAndAreKept() throws Exception {
    Files.createDirectories(dir.resolve("sim"));
    Files.writeString(dir.resolve("sim").resolve("kalshi-sim-key.pem"), "key");
    DemoDataDir.prepare(dir);
    assertThat(dir.resolve("sim").resolve("kalshi-sim-key.pem")).exists();
  }
}
