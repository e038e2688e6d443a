package io.github.crossarb.cli.trader;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.cli.Cli;
import io.github.crossarb.cli.CliRunner;
import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.TraderCommand;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.link.trader.TraderStatus;
import io.github.crossarb.link.trader.TraderStatusFile;
import io.vertx.core.Future;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraderCommandTest {
  static final String SECRET = "0123456789abcdef0123456789abcdef-secret";

  @TempDir Path dataDir;

  private final AtomicInteger venuesOpened = new AtomicInteger();
  private final AtomicInteger dials = new AtomicInteger();

  private Map<String, String> env(String... extra) {
    Map<String, String> env = CliRunner.environment(dataDir, "TRADER_LINK_URL", "ws://127.0.0.1:9001",
        "TRADER_LINK_SECRET", SECRET, "TRADER_ALLOWED_MARKETS", "KALSHI:KXFED-*");
    for (int i = 0; i < extra.length; i += 2) {
      if (extra[i + 1] == null) {
        env.remove(extra[i]);
      } else {
        env.put(extra[i], extra[i + 1]);
      }
    }
    return env;
  }

  private CliRunner.Result trader(Map<String, String> env, String... args) {
    TraderCommand root = new TraderCommand(env, (venue, vertx, config) -> {
      venuesOpened.incrementAndGet();
      throw new AssertionError("no venue is opened in these tests");
    }, (vertx, settings, venues) -> {
      dials.incrementAndGet();
      return Future.failedFuture(new AssertionError("never dialled in these tests"));
    });
    return CliRunner.run(Cli.commandLine(root), args);
  }

  @Test
  void runWithoutVenuesIsAUsageError() {
    CliRunner.Result result = trader(env(), "run");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.err()).contains("--venues");
  }

  @Test
  void anUnknownOrRepeatedVenueIsAUsageError() {
    CliRunner.Result unknown = trader(env(), "run", "--venues", "kalshi,bitfinex");
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.errLines()).singleElement().asString().contains("unknown venue \"bitfinex\"");
    CliRunner.Result twice = trader(env(), "run", "--venues", "kalshi,KALSHI");
    assertThat(twice.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(twice.err()).contains("kalshi is listed twice");
    assertThat(trader(env(), "run", "--venues", "kalshi", "--bogus").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(venuesOpened).hasValue(0);
  }

  @Test
  void runWithoutAllowedMarketsIsAConfigurationError() {
    CliRunner.Result result = trader(env("TRADER_ALLOWED_MARKETS", null), "run", "--venues", "kalshi");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(result.errLines()).singleElement().asString()
        .startsWith("trader: TRADER_ALLOWED_MARKETS is required by 'trader run'");
    assertThat(venuesOpened).hasValue(0);
    assertThat(dials).hasValue(0);
  }

  @Test
  void malformedAllowedMarketsOrControllerAreConfigurationErrors() {
    CliRunner.Result markets = trader(env("TRADER_ALLOWED_MARKETS", "KXFED"), "run", "--venues", "kalshi");
    assertThat(markets.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(markets.err()).contains("invalid TRADER_ALLOWED_MARKETS");
    CliRunner.Result url = trader(env(), "run", "--venues", "kalshi", "--controller", "http://127.0.0.1:9001");
    assertThat(url.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(url.errLines()).singleElement().asString().contains("invalid TRADER_LINK_URL");
    CliRunner.Result noUrl = trader(env("TRADER_LINK_URL", null), "run", "--venues", "kalshi");
    assertThat(noUrl.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(noUrl.err()).contains("--controller");
  }

  @Test
  void theSecretNeverAppearsInAnError() {
    CliRunner.Result result = trader(env("TRADER_LINK_SECRET", "short-secret"), "run", "--venues", "kalshi");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(result.err()).contains("TRADER_LINK_SECRET").doesNotContain("short-secret");
  }

  @Test
  void aSecondTraderOnTheSameDataDirectoryExitsThree() throws Exception {
    try (TraderLock held = TraderLock.acquire(dataDir.resolve("trader"))) {
      CliRunner.Result result = trader(env(), "run", "--venues", "kalshi");
      assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
      assertThat(result.errLines()).singleElement().asString()
          .isEqualTo("trader: another trader is running on this data directory (" + dataDir.resolve("trader")
              .resolve("lock") + " is locked)");
    }
    assertThat(venuesOpened).hasValue(0);
    assertThat(dials).hasValue(0);
  }

  // ------------------------------------------------------------------------------- status

  private TraderStatus status(Instant updatedAt) {
    return new TraderStatus("laptop", updatedAt, updatedAt.minusSeconds(60), true, updatedAt.minusMillis(300),
        List.of(VenueId.KALSHI), TraderStatus.DeadmanState.ARMED, null, 3, 1, 0, Money.parse("12.5"),
        Money.parse("500"), null, false);
  }

  @Test
  void statusWithoutAStatusFileSaysNotRunning() {
    CliRunner.Result result = trader(env(), "status");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).startsWith("trader: not running (no status in ");
  }

  @Test
  void statusOfARunningTrader() throws Exception {
    TraderStatusFile.write(dataDir.resolve("trader"), status(Instant.now()));
    CliRunner.Result result = trader(env(), "status");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).startsWith("trader laptop: running since ")
        .contains("controller: connected, last heard ")
        .contains("venues: kalshi")
        .contains("dead-man's switch: ARMED")
        .contains("legs: 3 done, 1 denied, 0 in flight")
        .contains("notional today: 12.5 of 500");
    CliRunner.Result json = trader(env(), "status", "--json");
    assertThat(json.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(json.out()).contains("\"running\" : true").contains("\"traderId\" : \"laptop\"");
  }

  @Test
  void aStaleStatusSaysNotRunningWithTheLastUpdate() throws Exception {
    Instant old = Instant.now().minusSeconds(60);
    TraderStatusFile.write(dataDir.resolve("trader"), status(old));
    CliRunner.Result result = trader(env(), "status");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).startsWith("trader laptop: not running (last update " + old + ", ");
    assertThat(trader(env(), "status", "--json").out()).contains("\"running\" : false");
  }

  @Test
  void anUnreadableStatusIsAConfigurationError() throws Exception {
    Files.createDirectories(dataDir.resolve("trader"));
    Files.writeString(dataDir.resolve("trader").resolve("status.json"), "{\"schemaVersion\":1");
    CliRunner.Result result = trader(env(), "status");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(result.errLines()).singleElement().asString().contains("status.json: not valid JSON");
  }
}
