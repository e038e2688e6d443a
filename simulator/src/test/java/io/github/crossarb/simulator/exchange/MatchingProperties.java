package io.github.crossarb.simulator.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.TickGrid;
import io.github.crossarb.core.pricing.KalshiFeeModel;
import io.github.crossarb.core.pricing.PolymarketFeeModel;
import io.github.crossarb.core.venue.TimeInForce;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the matching engine over random order flows. */
class MatchingProperties {
  static final String K = "KX";
  static final String T = "TOKEN";
  static final List<String> ACCOUNTS = List.of("mm", "a", "b");

  record Op(int account, boolean token, boolean buy, int priceCents, int qty, int tif, boolean cancelFirst) {}

  @Provide
  Arbitrary<List<Op>> flows() {
    Arbitrary<Op> op = Combinators.combine(
        Arbitraries.integers().between(0, 2), Arbitraries.of(true, false), Arbitraries.of(true, false),
        Arbitraries.integers().between(1, 99), Arbitraries.integers().between(1, 40),
        Arbitraries.integers().between(0, 2), Arbitraries.of(true, false, false, false))
        .as(Op::new);
    return op.list().ofMinSize(1).ofMaxSize(60);
  }

  @Property(tries = 300)
  void contractsAndCashAreConservedAndRestingBooksNeverCross(@ForAll("flows") List<Op> flow) {
    Exchange ex = new Exchange("prop", () -> Instant.parse("2026-11-27T00:00:00Z"), 1);
    ex.addMarket(new MarketSpec(K, PositionModel.NETTED_BINARY, TickGrid.fixed(Price.parse("0.01")), Quantity.of(1),
        Quantity.ZERO, KalshiFeeModel.of("quadratic_with_maker_fees", "1"), null));
    ex.addMarket(new MarketSpec(T, PositionModel.TOKEN, TickGrid.fixed(Price.parse("0.01")), Quantity.of(1),
        Quantity.ZERO, PolymarketFeeModel.of("0.03", "1"), null));
    ex.openAccount("mm", Money.ZERO, true);
    ex.openAccount("a", Money.parse("300"), false);
    ex.openAccount("b", Money.parse("300"), false);
    long initialCash = 600_000_000L;
    for (Op op : flow) {
      String account = ACCOUNTS.get(op.account);
      String market = op.token ? T : K;
      if (op.cancelFirst) {
        ex.cancelAll(account, o -> o.market().equals(market));
      }
      TimeInForce tif = List.of(TimeInForce.GTC, TimeInForce.IOC, TimeInForce.FOK).get(op.tif);
      try {
        ex.submit(NewOrder.limit(account, market, op.buy ? Side.BUY : Side.SELL,
            Price.ofMicros(op.priceCents * 10_000L), Quantity.of(op.qty), tif));
      } catch (ExchangeException refused) {
        // Refusals (funds, inventory) are part of the flow; they must change nothing.
      }
      long cash = 0;
      long fees = 0;
      long nettedShorts = 0;
      long kalshiNet = 0;
      long tokenNet = 0;
      for (String id : ACCOUNTS) {
        AccountView a = ex.account(id);
        cash += a.cash().micros();
        for (PositionView p : a.positions()) {
          fees += p.feesPaid().micros();
          if (p.market().equals(K)) {
            kalshiNet += p.position();
            nettedShorts += Math.max(0, -p.position());
          } else {
            tokenNet += p.position();
            if (!id.equals("mm")) {
              assertThat(p.position()).as("only the market maker may be short a token").isNotNegative();
            }
          }
        }
        if (!id.equals("mm")) {
          assertThat(a.cash().micros()).as("ordinary accounts never overdraw").isNotNegative();
        }
      }
      assertThat(kalshiNet).isZero();
      assertThat(tokenNet).isZero();
      // Cash only leaves as fees or as the $1 collateral locked per YES/NO pair on Kalshi.
      assertThat(cash + fees + nettedShorts).isEqualTo(initialCash);
      for (String m : List.of(K, T)) {
        BookView book = ex.book(m);
        if (book.bestBid().isPresent() && book.bestAsk().isPresent()) {
          assertThat(book.bestBid().get().price()).isLessThan(book.bestAsk().get().price());
        }
        long restingTotal = ex.restingOrders(m).stream().mapToLong(o -> o.remainingQuantity().micros()).sum();
        long levelTotal = book.bids().stream().mapToLong(l -> l.quantity().micros()).sum()
            + book.asks().stream().mapToLong(l -> l.quantity().micros()).sum();
        assertThat(levelTotal).isEqualTo(restingTotal);
      }
    }
  }
}
