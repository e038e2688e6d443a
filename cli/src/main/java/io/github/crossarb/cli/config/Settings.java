package io.github.crossarb.cli.config;

import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Quantity;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Every configuration setting, in the order {@code config} and the README list them. This class is
 * the single source of truth: to add a setting, declare one more constant with {@link #register}
 * (and, if it constrains other settings, extend {@link #checkCombinations}).
 */
public final class Settings {
  // Declared before the constants: static initialisers run in text order.
  private static final List<Setting<?>> REGISTRY = new ArrayList<>();
  private static final List<Setting<?>> ALL = Collections.unmodifiableList(REGISTRY);

  public static final Setting<Path> ARB_DATA_DIR = register(Setting.of(
      "ARB_DATA_DIR", Path.class, ValueParsers::path,
      "Directory for state files and the optional `config.properties`; the Fly image sets `/data`. "
          + "Flag `--data-dir`; cannot be set in the config file it locates.")
      .withDefault("./data"));

  public static final Setting<String> KALSHI_API_KEY_ID = register(Setting.of(
      "KALSHI_API_KEY_ID", String.class, ValueParsers::uuid,
      "Kalshi API key id (a UUID)."));

  public static final Setting<Secret> KALSHI_KEY_B64 = register(Setting.of(
      "KALSHI_KEY_B64", Secret.class, ValueParsers::base64Pem,
      "Kalshi private key: the PEM file base64-encoded (`base64 -w0 key.pem`). "
          + "Set this or `KALSHI_KEY_FILE`, not both."));

  public static final Setting<Path> KALSHI_KEY_FILE = register(Setting.of(
      "KALSHI_KEY_FILE", Path.class, ValueParsers::pemFile,
      "Path to the Kalshi private key PEM file (relative to the working directory). "
          + "Set this or `KALSHI_KEY_B64`, not both."));

  public static final Setting<String> KALSHI_ENV = register(Setting.of(
      "KALSHI_ENV", String.class, text -> ValueParsers.oneOf(text, "prod", "demo"),
      "Kalshi environment: `prod` or `demo` (keys work only where they were issued). "
          + "`KALSHI_API_URL` and `KALSHI_WS_URL` override its URLs.")
      .withDefault("prod"));

  public static final Setting<String> KALSHI_API_URL = register(Setting.of(
      "KALSHI_API_URL", String.class, ValueParsers::httpUrl,
      "Kalshi REST base URL including `/trade-api/v2` (e.g. a simulator's "
          + "`http://127.0.0.1:PORT/trade-api/v2`); overrides `KALSHI_ENV`. Without `KALSHI_WS_URL`, the WebSocket "
          + "URL is derived from it (`ws(s)://` same host, `/trade-api/ws/v2`)."));

  public static final Setting<String> KALSHI_WS_URL = register(Setting.of(
      "KALSHI_WS_URL", String.class, ValueParsers::webSocketUrl,
      "Kalshi WebSocket URL (e.g. `ws://127.0.0.1:PORT/trade-api/ws/v2`); overrides `KALSHI_ENV`."));

  public static final Setting<String> KALSHI_RATE_TIER = register(Setting.of(
      "KALSHI_RATE_TIER", String.class,
      text -> ValueParsers.oneOf(text, "basic", "advanced", "expert", "premier", "paragon", "prime", "prestige"),
      "Kalshi API usage tier; sets the client-side read/write token budgets.")
      .withDefault("basic"));

  public static final Setting<Secret> POLY_PRIVATE_KEY = register(Setting.of(
      "POLY_PRIVATE_KEY", Secret.class, ValueParsers::polygonPrivateKey,
      "Polymarket signing key: 64 hex digits, with or without `0x`."));

  public static final Setting<String> POLY_FUNDER = register(Setting.of(
      "POLY_FUNDER", String.class, ValueParsers::address,
      "Polymarket funder (proxy wallet) address: `0x` and 40 hex digits."));

  public static final Setting<String> POLY_CLOB_URL = register(Setting.of(
      "POLY_CLOB_URL", String.class, ValueParsers::httpUrl,
      "Polymarket CLOB REST base URL (tests and the simulator point it at 127.0.0.1).")
      .withDefault("https://clob.polymarket.com"));

  public static final Setting<String> POLY_WS_URL = register(Setting.of(
      "POLY_WS_URL", String.class, ValueParsers::webSocketUrl,
      "Polymarket WebSocket base URL; the client appends `/market` and `/user`.")
      .withDefault("wss://ws-subscriptions-clob.polymarket.com/ws"));

  public static final Setting<String> POLY_GAMMA_URL = register(Setting.of(
      "POLY_GAMMA_URL", String.class, ValueParsers::httpUrl,
      "Polymarket Gamma API base URL (market metadata and resolution text).")
      .withDefault("https://gamma-api.polymarket.com"));

  public static final Setting<String> POLY_DATA_URL = register(Setting.of(
      "POLY_DATA_URL", String.class, ValueParsers::httpUrl,
      "Polymarket Data API base URL (positions).")
      .withDefault("https://data-api.polymarket.com"));

  public static final Setting<String> POLY_GEOBLOCK_URL = register(Setting.of(
      "POLY_GEOBLOCK_URL", String.class, ValueParsers::httpUrl,
      "Full URL of the Polymarket geoblock check; a blocked host may watch markets but never places orders.")
      .withDefault("https://polymarket.com/api/geoblock"));

  public static final Setting<Integer> POLY_SIGNATURE_TYPE = register(Setting.of(
      "POLY_SIGNATURE_TYPE", Integer.class, ValueParsers::polymarketSignatureType,
      "Polymarket account type: 0 = EOA, 1 = proxy (email/Magic), 2 = Gnosis Safe; 1 and 2 need `POLY_FUNDER`."
          + " Unset: 0 without a funder, 2 with one."));

  public static final Setting<Secret> POLY_API_KEY = register(Setting.of(
      "POLY_API_KEY", Secret.class, Secret::of,
      "Polymarket CLOB API key id. Set with `POLY_API_SECRET` and `POLY_API_PASSPHRASE`, or leave all three"
          + " unset to derive them from `POLY_PRIVATE_KEY` (cached in `ARB_DATA_DIR`, owner-only)."));

  public static final Setting<Secret> POLY_API_SECRET = register(Setting.of(
      "POLY_API_SECRET", Secret.class, Secret::of,
      "Polymarket CLOB API secret (base64), with `POLY_API_KEY`."));

  public static final Setting<Secret> POLY_API_PASSPHRASE = register(Setting.of(
      "POLY_API_PASSPHRASE", Secret.class, Secret::of,
      "Polymarket CLOB API passphrase, with `POLY_API_KEY`."));

  public static final Setting<Money> ARB_MAX_NOTIONAL_PER_PAIR = register(Setting.of(
      "ARB_MAX_NOTIONAL_PER_PAIR", Money.class, ValueParsers::positiveMoney,
      "Most dollars committed to one market pair.")
      .withDefault("100"));

  public static final Setting<Money> ARB_MAX_NOTIONAL_TOTAL = register(Setting.of(
      "ARB_MAX_NOTIONAL_TOTAL", Money.class, ValueParsers::positiveMoney,
      "Most dollars committed across all pairs.")
      .withDefault("1000"));

  public static final Setting<Money> ARB_MAX_UNHEDGED = register(Setting.of(
      "ARB_MAX_UNHEDGED", Money.class, ValueParsers::positiveMoney,
      "Most dollars in legs without their hedge.")
      .withDefault("25"));

  public static final Setting<Money> ARB_DAILY_LOSS_LIMIT = register(Setting.of(
      "ARB_DAILY_LOSS_LIMIT", Money.class, ValueParsers::positiveMoney,
      "Trading stops once today's realised loss reaches this many dollars.")
      .withDefault("50"));

  public static final Setting<Integer> ARB_MAX_CONSECUTIVE_ERRORS = register(Setting.of(
      "ARB_MAX_CONSECUTIVE_ERRORS", Integer.class, ValueParsers::positiveInt,
      "Trading stops after this many order errors in a row (at least 1).")
      .withDefault("5"));

  public static final Setting<Money> ARB_MIN_EDGE = register(Setting.of(
      "ARB_MIN_EDGE", Money.class, ValueParsers::nonNegativeMoney,
      "Smallest total profit of one arbitrage, in dollars after both venues' fees, worth trading.")
      .withDefault("0.02"));

  public static final Setting<BigDecimal> ARB_MIN_EDGE_REL = register(Setting.of(
      "ARB_MIN_EDGE_REL", BigDecimal.class, ValueParsers::fraction,
      "Smallest profit as a fraction of the cost (0.005 = 0.5%).")
      .withDefault("0.005"));

  public static final Setting<Quantity> ARB_MAX_SIZE = register(Setting.of(
      "ARB_MAX_SIZE", Quantity.class, ValueParsers::positiveQuantity,
      "Most contracts in one arbitrage.")
      .withDefault("100"));

  public static final Setting<Duration> ARB_MAX_BOOK_AGE_MS = register(Setting.of(
      "ARB_MAX_BOOK_AGE_MS", Duration.class, ValueParsers::positiveMillis,
      "Order books older than this many milliseconds are not traded on.")
      .withDefault("2000"));

  public static final Setting<Duration> ARB_SILENCE_MS = register(Setting.of(
      "ARB_SILENCE_MS", Duration.class, ValueParsers::positiveMillis,
      "A Kalshi book silent for this many milliseconds is marked untrusted; Polymarket books use "
          + "their client's own 30 s watchdog.")
      .withDefault("10000"));

  public static final Setting<String> ARB_MODE = register(Setting.of(
      "ARB_MODE", String.class, text -> ValueParsers.oneOf(text, "dry-run", "paper", "live"),
      "Engine mode: `dry-run` (live data, every decision logged, no order sent), `paper` (fills simulated "
          + "against the live books) or `live` (real orders; needs `ARB_ALLOW_LIVE=true`). Flag `--mode`.")
      .withDefault("dry-run"));

  public static final Setting<Boolean> ARB_ALLOW_LIVE = register(Setting.of(
      "ARB_ALLOW_LIVE", Boolean.class, ValueParsers::bool,
      "Must be `true` for the engine to send real orders (`live` mode); anything else refuses live mode.")
      .withDefault("false"));

  public static final Setting<String> ARB_APPROVAL = register(Setting.of(
      "ARB_APPROVAL", String.class, text -> ValueParsers.oneOf(text, "auto", "manual"),
      "`auto` executes opportunities at once; `manual` waits for the operator's approve/reject. Flag `--approval`.")
      .withDefault("auto"));

  public static final Setting<Duration> ARB_APPROVAL_TIMEOUT_MS = register(Setting.of(
      "ARB_APPROVAL_TIMEOUT_MS", Duration.class, ValueParsers::positiveMillis,
      "In manual approval, an opportunity nobody approves within this many milliseconds expires.")
      .withDefault("30000"));

  public static final Setting<Duration> ARB_REJECT_BLACKLIST_MS = register(Setting.of(
      "ARB_REJECT_BLACKLIST_MS", Duration.class, ValueParsers::positiveMillis,
      "A pair rejected with blacklisting is not traded for this many milliseconds.")
      .withDefault("900000"));

  public static final Setting<String> ARB_POLICY = register(Setting.of(
      "ARB_POLICY", String.class, text -> ValueParsers.oneOf(text, "parallel", "sequential"),
      "Execution policy: `parallel` (both legs IOC at once) or `sequential` (the riskier leg FOK first, "
          + "then the hedge IOC with a price cap).")
      .withDefault("parallel"));

  public static final Setting<String> ARB_PAIR_POLICIES = register(Setting.of(
      "ARB_PAIR_POLICIES", String.class, ValueParsers::pairPolicies,
      "Per-pair execution policy overrides: `PAIR_ID=parallel|sequential`, comma-separated."));

  public static final Setting<Money> ARB_HEDGE_SLIPPAGE = register(Setting.of(
      "ARB_HEDGE_SLIPPAGE", Money.class, ValueParsers::nonNegativeMoney,
      "How many dollars per contract above the planned price a hedge order may pay.")
      .withDefault("0.02"));

  public static final Setting<Duration> ARB_HEDGE_DEADLINE_MS = register(Setting.of(
      "ARB_HEDGE_DEADLINE_MS", Duration.class, ValueParsers::positiveMillis,
      "How long hedging a leg mismatch may go on before the residual is unwound instead.")
      .withDefault("5000"));

  public static final Setting<Integer> ARB_HEDGE_ATTEMPTS = register(Setting.of(
      "ARB_HEDGE_ATTEMPTS", Integer.class, ValueParsers::positiveInt,
      "Hedge orders at most per execution.")
      .withDefault("3"));

  public static final Setting<Money> ARB_UNWIND_LOSS_CAP = register(Setting.of(
      "ARB_UNWIND_LOSS_CAP", Money.class, ValueParsers::nonNegativeMoney,
      "Most dollars one unwind may lose; beyond it the residual is left open and alerted.")
      .withDefault("5"));

  public static final Setting<Duration> ARB_UNKNOWN_TIMEOUT_MS = register(Setting.of(
      "ARB_UNKNOWN_TIMEOUT_MS", Duration.class, ValueParsers::positiveMillis,
      "How long an order with an unknown outcome is looked up before its pair waits for reconciliation.")
      .withDefault("10000"));

  public static final Setting<Integer> ARB_MAX_MISMATCHES = register(Setting.of(
      "ARB_MAX_MISMATCHES", Integer.class, ValueParsers::positiveInt,
      "A pair whose legs fill differently this many executions in a row is blacklisted.")
      .withDefault("3"));

  public static final Setting<Duration> ARB_MISMATCH_BLACKLIST_MS = register(Setting.of(
      "ARB_MISMATCH_BLACKLIST_MS", Duration.class, ValueParsers::positiveMillis,
      "How long a pair blacklisted for leg mismatches is not traded.")
      .withDefault("3600000"));

  public static final Setting<Duration> ARB_COOLDOWN_MS = register(Setting.of(
      "ARB_COOLDOWN_MS", Duration.class, ValueParsers::positiveMillis,
      "Pause after an execution before the same pair may trade again.")
      .withDefault("2000"));

  public static final Setting<Duration> ARB_RECONCILE_INTERVAL_MS = register(Setting.of(
      "ARB_RECONCILE_INTERVAL_MS", Duration.class, ValueParsers::positiveMillis,
      "How often the ledger is reconciled with the venues' positions, open orders and fills.")
      .withDefault("60000"));

  public static final Setting<Duration> ARB_FINGERPRINT_INTERVAL_MS = register(Setting.of(
      "ARB_FINGERPRINT_INTERVAL_MS", Duration.class, ValueParsers::positiveMillis,
      "How often approved pairs' rules and close times are checked against their fingerprints.")
      .withDefault("900000"));

  public static final Setting<Duration> ARB_PAPER_LATENCY_MS = register(Setting.of(
      "ARB_PAPER_LATENCY_MS", Duration.class, ValueParsers::positiveMillis,
      "In paper mode, how long a simulated order takes to reach the book.")
      .withDefault("150"));

  public static final Setting<Money> ARB_PAPER_BALANCE = register(Setting.of(
      "ARB_PAPER_BALANCE", Money.class, ValueParsers::positiveMoney,
      "In paper mode, the starting cash at each venue, in dollars.")
      .withDefault("1000"));

  // Trader link: the controller listens, each trader dials in (issue: trader link).

  public static final Setting<String> TRADER_LINK_LISTEN = register(Setting.of(
      "TRADER_LINK_LISTEN", String.class, ValueParsers::hostPort,
      "Controller: where the trader link listens, `HOST:PORT` (on Fly, the tailnet address, e.g. `0.0.0.0:9001`). "
          + "Unset: no link, every venue executes locally."));

  public static final Setting<String> TRADER_LINK_URL = register(Setting.of(
      "TRADER_LINK_URL", String.class, ValueParsers::webSocketUrl,
      "Trader: the controller's link URL, `ws://HOST:9001` or `wss://` with TLS; flag `--controller`."));

  public static final Setting<Secret> TRADER_LINK_SECRET = register(Setting.of(
      "TRADER_LINK_SECRET", Secret.class, ValueParsers::linkSecret,
      "Shared secret of the trader link, at least 32 characters (`openssl rand -base64 32`); both sides prove "
          + "they know it, it never crosses the wire."));

  public static final Setting<Path> TRADER_LINK_TLS_CERT = register(Setting.of(
      "TRADER_LINK_TLS_CERT", Path.class, ValueParsers::readableFile,
      "Controller: PEM certificate chain for TLS on the link (with `TRADER_LINK_TLS_KEY`); unset: plain WebSocket."));

  public static final Setting<Path> TRADER_LINK_TLS_KEY = register(Setting.of(
      "TRADER_LINK_TLS_KEY", Path.class, ValueParsers::pemFile,
      "Controller: PEM private key of `TRADER_LINK_TLS_CERT`."));

  public static final Setting<Path> TRADER_LINK_TLS_TRUST = register(Setting.of(
      "TRADER_LINK_TLS_TRUST", Path.class, ValueParsers::readableFile,
      "Trader: PEM certificate (or CA) to trust for a `wss://` link; unset: the JVM's trusted CAs."));

  public static final Setting<Duration> TRADER_LINK_HEARTBEAT_MS = register(Setting.of(
      "TRADER_LINK_HEARTBEAT_MS", Duration.class, ValueParsers::positiveMillis,
      "How often each side of the link sends a heartbeat when it has nothing else to send.")
      .withDefault("1000"));

  public static final Setting<Duration> TRADER_LINK_TIMEOUT_MS = register(Setting.of(
      "TRADER_LINK_TIMEOUT_MS", Duration.class, ValueParsers::positiveMillis,
      "Silence after which a side drops the link connection (the trader then dials again).")
      .withDefault("5000"));

  public static final Setting<String> ARB_EXECUTE_REMOTE = register(Setting.of(
      "ARB_EXECUTE_REMOTE", String.class, ValueParsers::venueList,
      "Controller: venues whose orders a trader executes over the link (`kalshi`, `polymarket`, or both, "
          + "comma-separated); needs `TRADER_LINK_LISTEN`. Unset: all local."));

  public static final Setting<Duration> ARB_REMOTE_LEG_TIMEOUT_MS = register(Setting.of(
      "ARB_REMOTE_LEG_TIMEOUT_MS", Duration.class, ValueParsers::positiveMillis,
      "Controller: how long a remote leg may take before its outcome is Unknown (then looked up by client order "
          + "id, never resent); the trader refuses a leg that reaches it later.")
      .withDefault("5000"));

  public static final Setting<String> TRADER_ID = register(Setting.of(
      "TRADER_ID", String.class, ValueParsers::traderId,
      "Trader: its name on the link (letters, digits, `.`, `_`, `-`); default: the host name."));

  public static final Setting<Duration> TRADER_DEADMAN_MS = register(Setting.of(
      "TRADER_DEADMAN_MS", Duration.class, ValueParsers::positiveMillis,
      "Trader: after this long without hearing the controller, cancel all open orders and refuse legs until a new "
          + "handshake.")
      .withDefault("10000"));

  public static final Setting<Money> TRADER_MAX_ORDER_NOTIONAL = register(Setting.of(
      "TRADER_MAX_ORDER_NOTIONAL", Money.class, ValueParsers::positiveMoney,
      "Trader: the most one leg may cost (limit price times size), in dollars, whatever the controller asks.")
      .withDefault("50"));

  public static final Setting<Money> TRADER_MAX_DAILY_NOTIONAL = register(Setting.of(
      "TRADER_MAX_DAILY_NOTIONAL", Money.class, ValueParsers::positiveMoney,
      "Trader: the most all legs of one UTC day may cost together, in dollars (kept across restarts).")
      .withDefault("500"));

  public static final Setting<String> TRADER_ALLOWED_MARKETS = register(Setting.of(
      "TRADER_ALLOWED_MARKETS", String.class, ValueParsers::marketPatterns,
      "Trader: markets it may trade, comma-separated instrument ids (`KALSHI:TICKER`, `POLYMARKET:TOKEN_ID`), "
          + "prefixes ending in `*`, or `*` for all; required by `trader run`."));

  // Alerts: webhooks for the operator (issue 11). URLs and tokens are secrets: a webhook URL is its credential.

  public static final Setting<Secret> ARB_ALERT_SLACK_URL = register(Setting.of(
      "ARB_ALERT_SLACK_URL", Secret.class, ValueParsers::secretHttpUrl,
      "Slack incoming webhook URL for alerts (`https://hooks.slack.com/services/...`); unset: no Slack alerts."));

  public static final Setting<Secret> ARB_ALERT_DISCORD_URL = register(Setting.of(
      "ARB_ALERT_DISCORD_URL", Secret.class, ValueParsers::secretHttpUrl,
      "Discord webhook URL for alerts (`https://discord.com/api/webhooks/ID/TOKEN`); unset: no Discord alerts."));

  public static final Setting<Secret> ARB_ALERT_TELEGRAM_TOKEN = register(Setting.of(
      "ARB_ALERT_TELEGRAM_TOKEN", Secret.class, ValueParsers::telegramToken,
      "Telegram bot token (`123456:ABC...` from @BotFather) for alerts, with `ARB_ALERT_TELEGRAM_CHAT_ID`."));

  public static final Setting<String> ARB_ALERT_TELEGRAM_CHAT_ID = register(Setting.of(
      "ARB_ALERT_TELEGRAM_CHAT_ID", String.class, ValueParsers::telegramChatId,
      "Telegram chat to send alerts to: a numeric chat id (groups are negative) or `@channelname`."));

  public static final Setting<String> ARB_ALERT_TELEGRAM_API = register(Setting.of(
      "ARB_ALERT_TELEGRAM_API", String.class, ValueParsers::httpUrl,
      "Telegram Bot API base URL (tests point it at 127.0.0.1); alerts go to `{base}/bot{token}/sendMessage`.")
      .withDefault("https://api.telegram.org"));

  public static final Setting<Secret> ARB_ALERT_NTFY_URL = register(Setting.of(
      "ARB_ALERT_NTFY_URL", Secret.class, ValueParsers::secretHttpUrl,
      "ntfy topic URL for alerts (`https://ntfy.sh/YOUR_TOPIC`; the topic name is the password); unset: no ntfy."));

  public static final Setting<Secret> ARB_ALERT_NTFY_TOKEN = register(Setting.of(
      "ARB_ALERT_NTFY_TOKEN", Secret.class, ValueParsers::bearerToken,
      "ntfy access token (`tk_...`) for a protected topic, sent as a bearer token; needs `ARB_ALERT_NTFY_URL`."));

  public static final Setting<String> ARB_ALERT_MIN_SEVERITY = register(Setting.of(
      "ARB_ALERT_MIN_SEVERITY", String.class, text -> ValueParsers.oneOf(text, "info", "warning", "critical"),
      "Least severe alert sent to the webhooks: `info`, `warning` or `critical`.")
      .withDefault("warning"));

  public static final Setting<Duration> ARB_ALERT_DEDUP_MS = register(Setting.of(
      "ARB_ALERT_DEDUP_MS", Duration.class, ValueParsers::positiveMillis,
      "An alert with the same key (kind and subject) as one sent within this many milliseconds is not sent again.")
      .withDefault("600000"));

  public static final Setting<Integer> ARB_ALERT_RATE_PER_MIN = register(Setting.of(
      "ARB_ALERT_RATE_PER_MIN", Integer.class, ValueParsers::positiveInt,
      "Most alerts each webhook gets per minute; beyond it they are counted and one `N alerts suppressed` summary "
          + "follows when the limit lifts.")
      .withDefault("20"));

  public static final Setting<Duration> ARB_ALERT_FEED_UNTRUSTED_MS = register(Setting.of(
      "ARB_ALERT_FEED_UNTRUSTED_MS", Duration.class, ValueParsers::positiveMillis,
      "A venue feed with untrusted books (or silent) for this many milliseconds is alerted; its recovery too.")
      .withDefault("60000"));

  // Web dashboard, health and metrics (issue: operations).

  public static final Setting<String> ARB_WEB_LISTEN = register(Setting.of(
      "ARB_WEB_LISTEN", String.class, ValueParsers::webListen,
      "Controller: where the web dashboard, `/health`, `/ready` and `/metrics` listen, `HOST:PORT` (port 0: any "
          + "free port), or `off`. On Fly `0.0.0.0:8080`: no public service, reached over the tailnet.")
      .withDefault("127.0.0.1:8080"));

  public static final Setting<Secret> ARB_WEB_TOKEN = register(Setting.of(
      "ARB_WEB_TOKEN", Secret.class, ValueParsers::webToken,
      "Controller: bearer token for everything on the web server but `/health`, at least 32 characters; unset: "
          + "a random one is written to `ARB_DATA_DIR/web.token` (owner-only) at start."));

  private Settings() {}

  private static <T> Setting<T> register(Setting<T> setting) {
    if (find(setting.key()).isPresent()) {
      throw new IllegalStateException("setting " + setting.key() + " is declared twice");
    }
    REGISTRY.add(setting);
    return setting;
  }

  /** All settings, in declaration order. */
  public static List<Setting<?>> all() {
    return ALL;
  }

  public static Optional<Setting<?>> find(String key) {
    for (Setting<?> setting : REGISTRY) {
      if (setting.key().equals(key)) {
        return Optional.of(setting);
      }
    }
    return Optional.empty();
  }

  /**
   * Rules that involve more than one setting; each setting's own value is already valid here.
   *
   * @throws ConfigException naming the settings and where they came from
   */
  static void checkCombinations(Configuration config) {
    if (config.get(KALSHI_KEY_B64).isPresent() && config.get(KALSHI_KEY_FILE).isPresent()) {
      throw new ConfigException("set only one of " + KALSHI_KEY_B64 + " (from " + config.sourceOf(KALSHI_KEY_B64)
          + ") and " + KALSHI_KEY_FILE + " (from " + config.sourceOf(KALSHI_KEY_FILE) + ")");
    }
    if (config.get(TRADER_LINK_TLS_CERT).isPresent() != config.get(TRADER_LINK_TLS_KEY).isPresent()) {
      throw new ConfigException("set both " + TRADER_LINK_TLS_CERT + " and " + TRADER_LINK_TLS_KEY + ", or neither");
    }
    if (config.get(ARB_EXECUTE_REMOTE).isPresent()
        && (config.get(TRADER_LINK_LISTEN).isEmpty() || config.get(TRADER_LINK_SECRET).isEmpty())) {
      throw new ConfigException(ARB_EXECUTE_REMOTE + " (from " + config.sourceOf(ARB_EXECUTE_REMOTE) + ") needs "
          + TRADER_LINK_LISTEN + " and " + TRADER_LINK_SECRET + ": the trader must have somewhere to dial in");
    }
    if (config.get(ARB_ALERT_TELEGRAM_TOKEN).isPresent() != config.get(ARB_ALERT_TELEGRAM_CHAT_ID).isPresent()) {
      throw new ConfigException("set both " + ARB_ALERT_TELEGRAM_TOKEN + " and " + ARB_ALERT_TELEGRAM_CHAT_ID
          + ", or neither");
    }
    if (config.get(ARB_ALERT_NTFY_TOKEN).isPresent() && config.get(ARB_ALERT_NTFY_URL).isEmpty()) {
      throw new ConfigException(ARB_ALERT_NTFY_TOKEN + " (from " + config.sourceOf(ARB_ALERT_NTFY_TOKEN) + ") needs "
          + ARB_ALERT_NTFY_URL);
    }
  }

  /** The registry as a Markdown table (key | default | secret | description) for the README. */
  public static String markdownTable() {
    StringBuilder table = new StringBuilder()
        .append("| Key | Default | Secret | Description |\n")
        .append("| --- | --- | --- | --- |\n");
    for (Setting<?> setting : REGISTRY) {
      table.append("| `").append(setting.key()).append("` | ")
          .append(setting.defaultText().map(text -> "`" + text + "`").orElse("—")).append(" | ")
          .append(setting.isSecret() ? "yes" : "no").append(" | ")
          .append(setting.description().replace("|", "\\|")).append(" |\n");
    }
    return table.toString();
  }
}
