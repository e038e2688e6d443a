package io.github.crossarb.cli.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.cli.CliRunner;
import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.config.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Where the web server's token comes from, and ARB_WEB_LISTEN=off. */
@Timeout(60)
class WebDashboardTest {
  @TempDir Path dataDir;

  @Test
  void withoutATokenSettingOneIsGeneratedOwnerOnlyAndReusedAtTheNextStart() throws Exception {
    Path file = dataDir.resolve(WebDashboard.TOKEN_FILE);

    Secret first = WebDashboard.tokenFile(file);

    assertThat(first.reveal()).matches("[0-9a-f]{64}");
    assertThat(Files.readString(file, StandardCharsets.US_ASCII).strip()).isEqualTo(first.reveal());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(first).hasToString("***");
    assertThat(WebDashboard.tokenFile(file).reveal()).isEqualTo(first.reveal());
  }

  @Test
  void aLooseOrShortTokenFileIsFixed() throws Exception {
    Path file = dataDir.resolve(WebDashboard.TOKEN_FILE);
    String mine = "my-own-token-of-at-least-32-characters";
    Files.writeString(file, mine + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThat(WebDashboard.tokenFile(file).reveal()).isEqualTo(mine);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

    Files.writeString(file, "short\n");
    assertThat(WebDashboard.tokenFile(file).reveal()).matches("[0-9a-f]{64}");
  }

  @Test
  void anUnwritableTokenFileIsAConfigError() {
    Path file = dataDir.resolve("missing-dir-is-a-file");
    assertThatThrownBy(() -> {
      Files.writeString(file, "x");
      WebDashboard.tokenFile(file.resolve(WebDashboard.TOKEN_FILE));
    }).isInstanceOf(ConfigException.class).hasMessageContaining("ARB_WEB_TOKEN");
  }

  @Test
  void offStartsNothingAndWritesNoToken() throws Exception {
    Configuration config = Configuration.resolve(Map.of(), CliRunner.environment(dataDir, "ARB_WEB_LISTEN", "off"));

    assertThat(WebDashboard.start(config, new WebServerTest.FakeTarget(), () -> "")).isEmpty();
    assertThat(dataDir.resolve(WebDashboard.TOKEN_FILE)).doesNotExist();
  }

  @Test
  void aConfiguredTokenIsNamedByItsSourceNeverShown() throws Exception {
    String token = "0123456789abcdef0123456789abcdef-configured";
    Configuration config = Configuration.resolve(Map.of(), CliRunner.environment(dataDir,
        "ARB_WEB_LISTEN", "127.0.0.1:0", "ARB_WEB_TOKEN", token));

    Optional<WebDashboard.Started> started = WebDashboard.start(config, new WebServerTest.FakeTarget(), () -> "");

    try {
      assertThat(started).isPresent();
      assertThat(started.get().tokenSource()).startsWith("ARB_WEB_TOKEN").doesNotContain(token);
      assertThat(started.get().toString()).doesNotContain(token);
      assertThat(started.get().server().port()).isPositive();
      assertThat(dataDir.resolve(WebDashboard.TOKEN_FILE)).doesNotExist();
    } finally {
      started.ifPresent(s -> s.server().close());
    }
  }
}
