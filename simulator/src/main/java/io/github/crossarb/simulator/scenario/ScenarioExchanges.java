package io.github.crossarb.simulator.scenario;

import io.github.crossarb.core.model.Money;
import io.github.crossarb.simulator.exchange.Accounts;
import io.github.crossarb.simulator.exchange.Exchange;
import java.time.InstantSource;

/**
 * Builds the two venues' engines from a scenario, with the market maker ({@link Accounts#LIQUIDITY})
 * and the client ({@link Accounts#USER}) accounts open and empty books (the price process fills them).
 */
public final class ScenarioExchanges {
  private ScenarioExchanges() {}

  /** One book per Kalshi market, in YES prices. */
  public static Exchange kalshi(Scenario scenario, InstantSource clock) {
    Exchange exchange = new Exchange("kalshi", clock, scenario.seed() ^ 0x4b414c5348L);
    for (PairSpec pair : scenario.pairs()) {
      exchange.addMarket(ScenarioMarkets.kalshi(pair.kalshi()));
    }
    exchange.openAccount(Accounts.LIQUIDITY, Money.ZERO, true);
    exchange.openAccount(Accounts.USER, Money.parse(scenario.accounts().kalshiBalance()), false);
    return exchange;
  }

  /** One book per Polymarket token (YES and NO books are independent: no minting or merging). */
  public static Exchange polymarket(Scenario scenario, InstantSource clock) {
    Exchange exchange = new Exchange("polymarket", clock, scenario.seed() ^ 0x504f4c59L);
    for (PairSpec pair : scenario.pairs()) {
      PolymarketMarketSpec m = pair.polymarket();
      exchange.addMarket(ScenarioMarkets.polymarketToken(m, m.yesTokenId()));
      exchange.addMarket(ScenarioMarkets.polymarketToken(m, m.noTokenId()));
    }
    exchange.openAccount(Accounts.LIQUIDITY, Money.ZERO, true);
    exchange.openAccount(Accounts.USER, Money.parse(scenario.accounts().polymarketBalance()), false);
    return exchange;
  }
}
