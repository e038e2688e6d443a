package io.github.crossarb.simulator.polymarket;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the Polymarket simulator runs.
 *
 * @param host loopback address to bind ({@code 127.0.0.1})
 * @param port 0 for any free port
 * @param orderVersion what {@code GET /version} answers and which EIP-712 domain orders must use: 2 or 3
 * @param geoblocked what {@code /api/geoblock} answers
 * @param markets the markets served
 * @param accounts wallets with issued credentials
 * @param newAccountBalanceMicros the pUSD a wallet gets when it first creates an API key through L1
 * @param tradeStepPeriod how often trades advance MATCHED → MINED → CONFIRMED; null to step only by hand
 * @param heartbeatTimeout after heartbeats started, a gap this long cancels the key's open orders
 * @param pageSize items per page on paginated endpoints
 * @param seed seeds credential generation and probabilistic faults
 */
public record PolymarketSimConfig(
    String host, int port, int orderVersion, boolean geoblocked, List<PolymarketSimMarket> markets,
    List<PolymarketSimAccount> accounts, long newAccountBalanceMicros, Duration tradeStepPeriod,
    Duration heartbeatTimeout, int pageSize, long seed) {
  public PolymarketSimConfig {
    Objects.requireNonNull(host, "host");
    markets = List.copyOf(markets);
    accounts = List.copyOf(accounts);
    Objects.requireNonNull(heartbeatTimeout, "heartbeatTimeout");
    if (orderVersion != 2 && orderVersion != 3) {
      throw new IllegalArgumentException("order version must be 2 or 3: " + orderVersion);
    }
    if (pageSize <= 0) {
      throw new IllegalArgumentException("page size must be positive");
    }
  }

  /** Loopback, any port, version 2, not blocked, $1000 for new wallets, manual trade steps, 10 s heartbeat. */
  public static PolymarketSimConfig defaults(List<PolymarketSimMarket> markets, List<PolymarketSimAccount> accounts) {
    return new PolymarketSimConfig("127.0.0.1", 0, 2, false, markets, accounts, 1_000_000_000L, null,
        Duration.ofSeconds(10), 100, 1L);
  }

  public PolymarketSimConfig withOrderVersion(int version) {
    return new PolymarketSimConfig(host, port, version, geoblocked, markets, accounts, newAccountBalanceMicros,
        tradeStepPeriod, heartbeatTimeout, pageSize, seed);
  }

  public PolymarketSimConfig withGeoblocked(boolean blocked) {
    return new PolymarketSimConfig(host, port, orderVersion, blocked, markets, accounts, newAccountBalanceMicros,
        tradeStepPeriod, heartbeatTimeout, pageSize, seed);
  }

  public PolymarketSimConfig withTradeStepPeriod(Duration period) {
    return new PolymarketSimConfig(host, port, orderVersion, geoblocked, markets, accounts, newAccountBalanceMicros,
        period, heartbeatTimeout, pageSize, seed);
  }

  public PolymarketSimConfig withHeartbeatTimeout(Duration timeout) {
    return new PolymarketSimConfig(host, port, orderVersion, geoblocked, markets, accounts, newAccountBalanceMicros,
        tradeStepPeriod, timeout, pageSize, seed);
  }

  public PolymarketSimConfig withPageSize(int size) {
    return new PolymarketSimConfig(host, port, orderVersion, geoblocked, markets, accounts, newAccountBalanceMicros,
        tradeStepPeriod, heartbeatTimeout, size, seed);
  }

  public PolymarketSimConfig withPort(int newPort) {
    return new PolymarketSimConfig(host, newPort, orderVersion, geoblocked, markets, accounts, newAccountBalanceMicros,
        tradeStepPeriod, heartbeatTimeout, pageSize, seed);
  }
}
