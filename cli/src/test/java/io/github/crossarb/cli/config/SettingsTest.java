package io.github.crossarb.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SettingsTest {
  @Test
  void registersEverySettingInOrder() {
    assertThat(Settings.all()).extracting(Setting::key).containsExactly(
        "ARB_DATA_DIR", "KALSHI_API_KEY_ID", "KALSHI_KEY_B64", "KALSHI_KEY_FILE",
        "KALSHI_ENV", "KALSHI_API_URL", "KALSHI_WS_URL", "KALSHI_RATE_TIER", "POLY_PRIVATE_KEY",
        "POLY_FUNDER", "POLY_CLOB_URL", "POLY_WS_URL", "POLY_GAMMA_URL", "POLY_DATA_URL", "POLY_GEOBLOCK_URL",
        "POLY_SIGNATURE_TYPE", "POLY_API_KEY", "POLY_API_SECRET", "POLY_API_PASSPHRASE",
        "ARB_MAX_NOTIONAL_PER_PAIR", "ARB_MAX_NOTIONAL_TOTAL", "ARB_MAX_UNHEDGED",
        "ARB_DAILY_LOSS_LIMIT", "ARB_MAX_CONSECUTIVE_ERRORS", "ARB_MIN_EDGE", "ARB_MIN_EDGE_REL",
        "ARB_MAX_SIZE", "ARB_MAX_BOOK_AGE_MS", "ARB_SILENCE_MS", "ARB_MODE", "ARB_ALLOW_LIVE", "ARB_APPROVAL",
        "ARB_APPROVAL_TIMEOUT_MS", "ARB_REJECT_BLACKLIST_MS", "ARB_POLICY", "ARB_PAIR_POLICIES", "ARB_HEDGE_SLIPPAGE",
        "ARB_HEDGE_DEADLINE_MS", "ARB_HEDGE_ATTEMPTS", "ARB_UNWIND_LOSS_CAP", "ARB_UNKNOWN_TIMEOUT_MS", "ARB_MAX_MISMATCHES",
        "ARB_MISMATCH_BLACKLIST_MS", "ARB_COOLDOWN_MS", "ARB_RECONCILE_INTERVAL_MS", "ARB_FINGERPRINT_INTERVAL_MS",
        "ARB_PAPER_LATENCY_MS", "ARB_PAPER_BALANCE", "TRADER_LINK_LISTEN", "TRADER_LINK_URL", "TRADER_LINK_SECRET",
        "TRADER_LINK_TLS_CERT", "TRADER_LINK_TLS_KEY", "TRADER_LINK_TLS_TRUST", "TRADER_LINK_HEARTBEAT_MS",
        "TRADER_LINK_TIMEOUT_MS", "ARB_EXECUTE_REMOTE", "ARB_REMOTE_LEG_TIMEOUT_MS", "TRADER_ID", "TRADER_DEADMAN_MS",
        "TRADER_MAX_ORDER_NOTIONAL", "TRADER_MAX_DAILY_NOTIONAL", "TRADER_ALLOWED_MARKETS",
        "ARB_ALERT_SLACK_URL", "ARB_ALERT_DISCORD_URL", "ARB_ALERT_TELEGRAM_TOKEN", "ARB_ALERT_TELEGRAM_CHAT_ID",
        "ARB_ALERT_TELEGRAM_API", "ARB_ALERT_NTFY_URL", "ARB_ALERT_NTFY_TOKEN", "ARB_ALERT_MIN_SEVERITY",
        "ARB_ALERT_DEDUP_MS", "ARB_ALERT_RATE_PER_MIN", "ARB_ALERT_FEED_UNTRUSTED_MS", "ARB_WEB_LISTEN", "ARB_WEB_TOKEN");
  }

  @Test
  void findLooksUpByKey() {
    assertThat(Settings.find("ARB_MAX_SIZE")).containsSame(Settings.ARB_MAX_SIZE);
    assertThat(Settings.find("arb_max_size")).isEmpty();
  }

  @Test
  void markdownTableHasARowPerSetting() {
    String table = Settings.markdownTable();

    assertThat(table.lines().toList()).hasSize(Settings.all().size() + 2);
    assertThat(table).startsWith("| Key | Default | Secret | Description |\n| --- | --- | --- | --- |\n")
        .contains("| `ARB_MAX_SIZE` | `100` | no | Most contracts in one arbitrage. |")
        .contains("| `POLY_PRIVATE_KEY` | — | yes | ");
  }

  @Test
  void settingsAreCheckedWhenDeclared() {
    assertThatThrownBy(() -> Setting.of("lower_case", String.class, text -> text, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Setting.of("NO_DESCRIPTION", String.class, text -> text, " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Setting.of("BAD_DEFAULT", Integer.class, ValueParsers::positiveInt, "x").withDefault("0"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Setting.of("SECRET", Secret.class, Secret::of, "x").withDefault("hunter2"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
