package io.github.crossarb.cli.trader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.cli.CliRunner;
import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.VenueId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraderSettingsTest {
  static final String SECRET = "0123456789abcdef0123456789abcdef-secret";

  @TempDir Path dataDir;

  @Test
  void settingsComeFromTheConfigurationWithTheirDefaults() {
    Configuration config = Configuration.resolve(Map.of(), CliRunner.environment(dataDir,
        "TRADER_LINK_URL", "ws://127.0.0.1:9001", "TRADER_LINK_SECRET", SECRET,
        "TRADER_ALLOWED_MARKETS", "KALSHI:KXFED-*, POLYMARKET:123", "TRADER_ID", "laptop"));
    TraderSettings s = TraderSettings.from(config, List.of(VenueId.POLYMARKET));
    assertThat(s.controllerUrl()).isEqualTo("ws://127.0.0.1:9001");
    assertThat(s.traderId()).isEqualTo("laptop");
    assertThat(s.deadman()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.limits().maxOrderNotional()).isEqualTo(Money.parse("50"));
    assertThat(s.limits().maxDailyNotional()).isEqualTo(Money.parse("500"));
    assertThat(s.limits().allowedMarkets()).containsExactly("KALSHI:KXFED-*", "POLYMARKET:123");
    assertThat(s.traderDir()).isEqualTo(dataDir.resolve("trader"));
    assertThat(s.toString()).doesNotContain(SECRET).contains("secret=***");
  }

  @Test
  void theTraderIdDefaultsToAValidHostName() {
    assertThat(TraderSettings.hostName()).matches("[A-Za-z0-9._-]{1,64}");
  }

  @Test
  void anOrderLimitAboveTheDailyLimitIsRefused() {
    Configuration config = Configuration.resolve(Map.of(), CliRunner.environment(dataDir,
        "TRADER_LINK_URL", "ws://127.0.0.1:9001", "TRADER_LINK_SECRET", SECRET, "TRADER_ALLOWED_MARKETS", "*",
        "TRADER_MAX_ORDER_NOTIONAL", "600"));
    assertThatThrownBy(() -> TraderSettings.from(config, List.of(VenueId.KALSHI)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("TRADER_MAX_ORDER_NOTIONAL (600) is above TRADER_MAX_DAILY_NOTIONAL (500)");
  }
}
