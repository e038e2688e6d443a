package io.github.crossarb.core.position;

import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.pair.MarketPair;
import io.github.crossarb.core.pair.PairRelation;
import io.github.crossarb.core.pair.PolymarketMarket;
import java.time.Instant;
import java.util.List;

/** Pairs, instruments and fill builders shared by the ledger and store tests. */
public final class LedgerFixtures {
  /** Kalshi KXFED with Polymarket tokens 111 (YES) / 222 (NO), SAME. */
  public static final MarketPair FED = MarketPair.approved("fed-dec", "KXFED-26DEC",
      new PolymarketMarket("0xfed", "111", "222"), PairRelation.SAME);
  /** Kalshi KXBTC with Polymarket tokens 333 (YES) / 444 (NO), COMPLEMENT. */
  public static final MarketPair BTC = MarketPair.approved("btc-100k", "KXBTC-100K",
      new PolymarketMarket("0xbtc", "333", "444"), PairRelation.COMPLEMENT).suspend("registry review");
  public static final List<MarketPair> PAIRS = List.of(FED, BTC);

  public static final InstrumentId K_FED = FED.kalshiInstrument();
  public static final InstrumentId P_FED_YES = FED.polymarket().token(Outcome.YES);
  public static final InstrumentId P_FED_NO = FED.polymarket().token(Outcome.NO);
  public static final InstrumentId K_BTC = BTC.kalshiInstrument();
  public static final InstrumentId P_BTC_YES = BTC.polymarket().token(Outcome.YES);
  public static final InstrumentId P_BTC_NO = BTC.polymarket().token(Outcome.NO);
  /** Instruments in no pair. */
  public static final InstrumentId K_LONE = InstrumentId.kalshi("KXLONE");
  public static final InstrumentId P_LONE = InstrumentId.polymarket("999");

  public static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private LedgerFixtures() {}

  public static Fill buy(String id, InstrumentId instrument, Outcome outcome, String qty, String price, String fee) {
    return fill(id, instrument, outcome, Side.BUY, qty, price, fee);
  }

  public static Fill sell(String id, InstrumentId instrument, Outcome outcome, String qty, String price, String fee) {
    return fill(id, instrument, outcome, Side.SELL, qty, price, fee);
  }

  public static Fill fill(String id, InstrumentId instrument, Outcome outcome, Side side, String qty, String price, String fee) {
    return new Fill(id, instrument, outcome, side, Price.parse(price), Quantity.parse(qty), Money.parse(fee), T0, null, null);
  }

  /** A ledger over {@link #PAIRS} that applied {@code fills} in order. */
  public static PositionLedger ledgerOf(JournalEntry... entries) {
    PositionLedger ledger = new PositionLedger(PAIRS);
    for (JournalEntry e : entries) {
      ledger.apply(e);
    }
    return ledger;
  }

  public static Money money(String dollars) {
    return Money.parse(dollars);
  }
}
