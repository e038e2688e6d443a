package io.github.crossarb.simulator.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.pricing.KalshiFeeModel;
import io.github.crossarb.core.pricing.PolymarketFeeModel;
import io.github.crossarb.simulator.exchange.BookView;
import io.github.crossarb.simulator.exchange.Exchange;
import io.github.crossarb.simulator.exchange.ManualClock;
import io.github.crossarb.simulator.scenario.PairSpec;
import io.github.crossarb.simulator.scenario.Scenario;
import io.github.crossarb.simulator.scenario.ScenarioExchanges;
import io.github.crossarb.simulator.scenario.ScenarioLoader;
import io.github.crossarb.simulator.scenario.ScenarioMarkets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceProcessTest {
  record Run(Exchange kalshi, Exchange poly, PriceProcess process) {}

  static Run run(Scenario s) {
    ManualClock clock = new ManualClock(Instant.parse("2026-11-27T00:00:00Z"));
    Exchange k = ScenarioExchanges.kalshi(s, clock);
    Exchange p = ScenarioExchanges.polymarket(s, clock);
    PriceProcess process = new PriceProcess(s, k, p);
    process.start();
    return new Run(k, p, process);
  }

  @Test
  void sameSeedGivesTheSameBooksAndADifferentSeedDoesNot() {
    Scenario s = ScenarioLoader.defaultScenario();
    Run a = run(s);
    Run b = run(s);
    Run c = run(s.withSeed(s.seed() + 1));
    List<BookView> booksA = new ArrayList<>();
    List<BookView> booksB = new ArrayList<>();
    List<BookView> booksC = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      a.process.step();
      b.process.step();
      c.process.step();
    }
    for (PairSpec pair : s.pairs()) {
      booksA.add(a.kalshi.book(pair.kalshi().ticker()));
      booksB.add(b.kalshi.book(pair.kalshi().ticker()));
      booksC.add(c.kalshi.book(pair.kalshi().ticker()));
      booksA.add(a.poly.book(pair.polymarket().noTokenId()));
      booksB.add(b.poly.book(pair.polymarket().noTokenId()));
      booksC.add(c.poly.book(pair.polymarket().noTokenId()));
    }
    assertThat(booksA).isEqualTo(booksB);
    assertThat(booksA).isNotEqualTo(booksC);
    assertThat(a.process.state()).isEqualTo(b.process.state());
  }

  @Test
  void booksHaveSeveralLevelsAndNeverCross() {
    Run r = run(ScenarioLoader.defaultScenario());
    for (int i = 0; i < 200; i++) {
      r.process.step();
      for (Exchange ex : List.of(r.kalshi, r.poly)) {
        for (var m : ex.markets()) {
          BookView book = ex.book(m.id());
          assertThat(book.bids()).hasSizeGreaterThanOrEqualTo(3);
          assertThat(book.asks()).hasSizeGreaterThanOrEqualTo(3);
          assertThat(book.bestBid().orElseThrow().price()).isLessThan(book.bestAsk().orElseThrow().price());
        }
      }
    }
  }

  @Test
  void arbitrageWindowsOpenAndClose() {
    Scenario s = ScenarioLoader.defaultScenario();
    Run r = run(s);
    PairSpec pair = s.pairs().get(0);
    KalshiFeeModel kFees = ScenarioMarkets.kalshiFees(pair.kalshi());
    PolymarketFeeModel pFees = ScenarioMarkets.polymarketFees(pair.polymarket());
    int open = 0;
    int closed = 0;
    int transitions = 0;
    boolean wasOpen = false;
    for (int i = 0; i < 400; i++) {
      r.process.step();
      boolean isOpen = edgeAfterFees(r, pair, kFees, pFees) > 0 || edgeOtherWay(r, pair, kFees, pFees) > 0;
      assertThat(isOpen).as("an edge exists only inside a process window")
          .isEqualTo(isOpen && r.process.state(pair.id()).windowOpen());
      if (isOpen) {
        open++;
      } else {
        closed++;
      }
      if (isOpen != wasOpen) {
        transitions++;
      }
      wasOpen = isOpen;
    }
    assertThat(open).isPositive();
    assertThat(closed).isGreaterThan(open);
    assertThat(transitions).isGreaterThanOrEqualTo(2);
  }

  /** $1 − (Kalshi YES ask + Polymarket NO ask + both taker fees) for one contract, in micros. */
  private static long edgeAfterFees(Run r, PairSpec pair, KalshiFeeModel kf, PolymarketFeeModel pf) {
    long kAsk = r.kalshi.book(pair.kalshi().ticker()).bestAsk().orElseThrow().price().micros();
    long noAsk = r.poly.book(pair.polymarket().noTokenId()).bestAsk().orElseThrow().price().micros();
    return Fixed.SCALE - kAsk - noAsk - kf.takerFeeMicros(kAsk, Fixed.SCALE) - pf.takerFeeMicros(noAsk, Fixed.SCALE);
  }

  /** $1 − (Polymarket YES ask + Kalshi NO ask (= 1 − YES bid) + fees). */
  private static long edgeOtherWay(Run r, PairSpec pair, KalshiFeeModel kf, PolymarketFeeModel pf) {
    long kNoAsk = Fixed.SCALE - r.kalshi.book(pair.kalshi().ticker()).bestBid().orElseThrow().price().micros();
    long yesAsk = r.poly.book(pair.polymarket().yesTokenId()).bestAsk().orElseThrow().price().micros();
    return Fixed.SCALE - kNoAsk - yesAsk - kf.takerFeeMicros(kNoAsk, Fixed.SCALE) - pf.takerFeeMicros(yesAsk, Fixed.SCALE);
  }
}
