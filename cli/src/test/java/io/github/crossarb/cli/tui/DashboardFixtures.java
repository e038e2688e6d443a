package io.github.crossarb.cli.tui;

import io.github.crossarb.core.engine.ApprovalMode;
import io.github.crossarb.core.engine.EngineMode;
import io.github.crossarb.core.engine.EngineSnapshot;
import io.github.crossarb.core.engine.EngineSnapshot.BalanceView;
import io.github.crossarb.core.engine.EngineSnapshot.ExecutionView;
import io.github.crossarb.core.engine.EngineSnapshot.FeedHealth;
import io.github.crossarb.core.engine.EngineSnapshot.KillState;
import io.github.crossarb.core.engine.EngineSnapshot.LegView;
import io.github.crossarb.core.engine.EngineSnapshot.LogLine;
import io.github.crossarb.core.engine.EngineSnapshot.PairView;
import io.github.crossarb.core.engine.EngineSnapshot.PendingApproval;
import io.github.crossarb.core.engine.EngineSnapshot.Quote;
import io.github.crossarb.core.engine.EngineSnapshot.Quotes;
import io.github.crossarb.core.engine.EngineSnapshot.TradingState;
import io.github.crossarb.core.event.EngineEvent.Severity;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pair.PairRelation;
import io.github.crossarb.core.pair.PairStatus;
import io.github.crossarb.core.position.LedgerSnapshot;
import io.github.crossarb.core.pricing.Direction;
import io.github.crossarb.core.pricing.LegPlan;
import io.github.crossarb.core.pricing.Opportunity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Realistic engine snapshots for the dashboard's tests, built by hand (no engine). */
public final class DashboardFixtures {
  static final Instant T = Instant.parse("2026-11-27T09:30:00Z");

  private DashboardFixtures() {}

  static Price p(String s) {
    return Price.parse(s);
  }

  static Money m(String s) {
    return Money.parse(s);
  }

  static Quote q(String bid, String ask) {
    return new Quote(bid == null ? null : p(bid), ask == null ? null : p(ask));
  }

  /** Kalshi YES at {@code kalshiAsk} plus Polymarket NO at {@code polyAsk}, {@code size} each, with a Kalshi fee. */
  static Opportunity opportunity(String pairId, String ticker, String noToken, String kalshiAsk, String polyAsk,
      long size, String kalshiFee) {
    Quantity qty = Quantity.of(size);
    Money kalshiCost = Money.costOf(p(kalshiAsk), qty);
    Money polyCost = Money.costOf(p(polyAsk), qty);
    Money fee = m(kalshiFee);
    LegPlan k = new LegPlan(InstrumentId.kalshi(ticker), Outcome.YES, Side.BUY, p(kalshiAsk), qty, kalshiCost, fee, 1);
    LegPlan pm = new LegPlan(InstrumentId.polymarket(noToken), Outcome.NO, Side.BUY, p(polyAsk), qty, polyCost,
        Money.ZERO, 1);
    Money total = kalshiCost.plus(polyCost).plus(fee);
    Money payout = Money.payoutOf(qty);
    return new Opportunity(pairId, Direction.BUY_KALSHI_YES, k, pm, qty, total, fee, payout, payout.minus(total),
        Duration.ofMillis(400), Duration.ofMillis(1200), Duration.ofMillis(900));
  }

  static PairView pair(String id, PairStatus status, String reason, String state, String books, Opportunity opp,
      String lastEvaluation, Instant blacklistedUntil, Instant cooldownUntil, Quotes quotes) {
    String[] b = books.split(",");
    return new PairView(id, status, reason, state, b[0], b[1], b[2], opp, lastEvaluation, 0, blacklistedUntil,
        cooldownUntil, List.of(), quotes);
  }

  static final String TTT = "TRUSTED,TRUSTED,TRUSTED";

  /** Seven pairs (one suspended, one blacklisted, one awaiting approval), executions, alerts, positions. */
  public static EngineSnapshot busy() {
    Opportunity fed = opportunity("fed-dec-425", "KXFED-26DEC-T4.25", "7002", "0.40", "0.50", 10, "0.07");
    Opportunity gdp = opportunity("gdp-q4-2pct", "KXGDP-26Q4-T2.0", "8802", "0.33", "0.62", 5, "0.04");
    List<PairView> pairs = List.of(
        pair("fed-dec-425", PairStatus.APPROVED, null, "awaiting approval", TTT, fed,
            "opportunity BUY_KALSHI_YES size 10 cost 9.07 profit 0.93", null, null,
            new Quotes(q("0.39", "0.40"), q("0.60", "0.61"), q("0.58", "0.59"), q("0.49", "0.50"),
                Direction.BUY_KALSHI_YES, m("0.093"), Quantity.of(10))),
        pair("btc-100k-dec", PairStatus.APPROVED, null, "ready", TTT, null,
            "NO_EDGE: the best direction costs 1.02 a contract after fees", null, null,
            new Quotes(q("0.44", "0.45"), q("0.55", "0.56"), q("0.42", "0.43"), q("0.56", "0.57"),
                Direction.BUY_KALSHI_NO, m("-0.02"), Quantity.ZERO)),
        pair("nyc-mayor-2029", PairStatus.SUSPENDED, "changed since approval: Kalshi rules text changed", "suspended",
            "NOT_FOLLOWED,NOT_FOLLOWED,NOT_FOLLOWED", null, "not evaluated yet", null, null, Quotes.NONE),
        pair("cpi-jan-3pct", PairStatus.APPROVED, null, "blacklisted", TTT, null,
            "BELOW_MIN_EDGE: 0.004 a contract, 0.01 needed", T.plus(Duration.ofMinutes(25)), null,
            new Quotes(q("0.70", "0.71"), q("0.29", "0.30"), q("0.29", "0.295"), q("0.69", "0.705"),
                Direction.BUY_KALSHI_YES, m("0.004"), Quantity.ZERO)),
        pair("gdp-q4-2pct", PairStatus.APPROVED, null, "in flight", TTT, gdp,
            "opportunity BUY_KALSHI_YES size 5 cost 4.79 profit 0.21", null, null,
            new Quotes(q("0.32", "0.33"), q("0.67", "0.68"), q("0.37", "0.38"), q("0.61", "0.62"),
                Direction.BUY_KALSHI_YES, m("0.042"), Quantity.of(5))),
        pair("rates-mar-cut", PairStatus.APPROVED, null, "cooldown", TTT, null, "NO_EDGE: costs 1.01", null,
            T.plusSeconds(30), new Quotes(q("0.51", "0.52"), q("0.48", "0.49"), q("0.47", "0.48"),
                q("0.51", "0.52"), Direction.BUY_KALSHI_NO, m("-0.01"), Quantity.ZERO)),
        pair("oscars-best-pic", PairStatus.APPROVED, null, "ready", "TRUSTED,TRUSTED,UNTRUSTED(SEQUENCE_GAP)", null,
            "BOOK_UNTRUSTED: Polymarket NO book UNTRUSTED(SEQUENCE_GAP)", null, null,
            new Quotes(q("0.12", "0.13"), q("0.87", "0.88"), q("0.11", "0.125"), q(null, null), null, null,
                Quantity.ZERO)));
    List<PendingApproval> pending = List.of(new PendingApproval("arb-mh3k2x-17", "fed-dec-425", fed,
        T.plusSeconds(42)));
    LedgerSnapshot ledger = new LedgerSnapshot(9, 8, 0, List.of(), List.of(
        new LedgerSnapshot.PairPosition("fed-dec-425", PairRelation.SAME, List.of(), 20_000_000, 20_000_000,
            Quantity.of(20), m("18.30"), m("1.70"), m("18.20"), m("0.10"), m("0.10"), Money.ZERO),
        new LedgerSnapshot.PairPosition("gdp-q4-2pct", PairRelation.SAME, List.of(), 5_000_000, 3_000_000,
            Quantity.of(3), m("2.85"), m("0.15"), m("3.51"), m("0.03"), m("0.03"), Money.ZERO),
        new LedgerSnapshot.PairPosition("cpi-jan-3pct", PairRelation.SAME, List.of(), 4_000_000, 4_000_000,
            Quantity.of(4), m("3.96"), m("0.04"), m("3.96"), Money.ZERO, m("0.02"), m("-0.06"))),
        new LedgerSnapshot.Totals(m("25.67"), m("0.13"), m("0.15"), m("-0.06"), Quantity.of(27), m("25.11"),
            m("1.89"), 0));
    List<ExecutionView> executions = List.of(
        new ExecutionView("arb-mh3k2x-15", "gdp-q4-2pct", T.minusSeconds(2), null, "IN_FLIGHT", List.of(
            leg("arb-mh3k2x-o31", VenueId.KALSHI, "LEG", Outcome.YES, Side.BUY, "0.33", 5, 5, "0.33", "ACCEPTED"),
            leg("arb-mh3k2x-o32", VenueId.POLYMARKET, "LEG", Outcome.NO, Side.BUY, "0.62", 5, 3, "0.62", "ACCEPTED")),
            m("0.21"), null, "auto approval; policy PARALLEL, size 5, expected profit 0.21"),
        new ExecutionView("arb-mh3k2x-12", "fed-dec-425", T.minusSeconds(95), T.minusSeconds(94), "HEDGED", List.of(
            leg("arb-mh3k2x-o25", VenueId.KALSHI, "LEG", Outcome.YES, Side.BUY, "0.40", 10, 10, "0.396", "ACCEPTED"),
            leg("arb-mh3k2x-o26", VenueId.POLYMARKET, "LEG", Outcome.NO, Side.BUY, "0.50", 10, 10, "0.50", "ACCEPTED")),
            m("0.93"), m("0.99"), "both legs filled"),
        new ExecutionView("arb-mh3k2x-09", "cpi-jan-3pct", T.minusSeconds(300), T.minusSeconds(298), "UNWOUND", List.of(
            leg("arb-mh3k2x-o18", VenueId.KALSHI, "LEG", Outcome.YES, Side.BUY, "0.71", 6, 6, "0.71", "ACCEPTED"),
            leg("arb-mh3k2x-o19", VenueId.POLYMARKET, "LEG", Outcome.NO, Side.BUY, "0.28", 6, 4, "0.28", "ACCEPTED"),
            leg("arb-mh3k2x-o20", VenueId.KALSHI, "UNWIND", Outcome.YES, Side.SELL, "0.70", 2, 2, "0.70", "ACCEPTED")),
            m("0.06"), m("-0.06"), "Polymarket filled 4 of 6; unwound 2 on Kalshi at a loss of 0.02"));
    List<LogLine> alerts = List.of(
        new LogLine(T.minusSeconds(240), Severity.WARNING, "cpi-jan-3pct",
            "pair cpi-jan-3pct blacklisted until 09:55:00: 3 executions in a row with mismatched legs"),
        new LogLine(T.minusSeconds(600), Severity.CRITICAL, "nyc-mayor-2029",
            "pair nyc-mayor-2029 suspended: changed since approval: Kalshi rules text changed"),
        new LogLine(T.minusSeconds(900), Severity.INFO, null, "PAPER: POLYMARKET fill stream restored; 0 fill(s) checked"));
    List<LogLine> log = List.of(
        new LogLine(T.minusSeconds(1), Severity.INFO, "fed-dec-425", "AWAIT_APPROVAL arb-mh3k2x-17: waiting for the operator until 2026-11-27T09:30:42Z"),
        new LogLine(T.minusSeconds(1), Severity.INFO, "fed-dec-425", "opportunity arb-mh3k2x-17 BUY_KALSHI_YES size 10 profit 0.93"),
        new LogLine(T.minusSeconds(2), Severity.INFO, "gdp-q4-2pct", "LEG POLYMARKET BUY NO 5 @ 0.62 IOC (arb-mh3k2x-o32)"),
        new LogLine(T.minusSeconds(2), Severity.INFO, "gdp-q4-2pct", "LEG KALSHI BUY YES 5 @ 0.33 IOC (arb-mh3k2x-o31)"),
        new LogLine(T.minusSeconds(94), Severity.INFO, "fed-dec-425", "execution arb-mh3k2x-12 HEDGED: both legs filled"),
        new LogLine(T.minusSeconds(240), Severity.WARNING, "cpi-jan-3pct",
            "pair cpi-jan-3pct blacklisted until 09:55:00: 3 executions in a row with mismatched legs"),
        new LogLine(T.minusSeconds(298), Severity.WARNING, "cpi-jan-3pct",
            "execution arb-mh3k2x-09 UNWOUND: Polymarket filled 4 of 6; unwound 2 on Kalshi at a loss of 0.02"),
        new LogLine(T.minusSeconds(600), Severity.CRITICAL, "nyc-mayor-2029",
            "pair nyc-mayor-2029 suspended: changed since approval: Kalshi rules text changed"),
        new LogLine(T.minusSeconds(610), Severity.INFO, null, "reconciliation passed"),
        new LogLine(T.minusSeconds(615), Severity.INFO, null, "mode -> PAPER: engine start"));
    List<FeedHealth> feeds = List.of(
        new FeedHealth(VenueId.KALSHI, T.minusMillis(400), Duration.ofMillis(400), 14, 0, true),
        new FeedHealth(VenueId.POLYMARKET, T.minusMillis(1200), Duration.ofMillis(1200), 27, 1, true));
    List<BalanceView> balances = List.of(
        new BalanceView(VenueId.KALSHI, m("985.12"), m("990.00"), null, T.minusSeconds(20)),
        new BalanceView(VenueId.POLYMARKET, m("1204.50"), m("1207.60"), m("12.40"), T.minusSeconds(20)));
    return new EngineSnapshot(T, EngineMode.PAPER, ApprovalMode.MANUAL, TradingState.TRADING, "", pairs, pending, ledger,
        m("-0.06"), new EngineSnapshot.Reconciliation(T.minusSeconds(610), true, List.of()), 17, 12, 0, 1, m("1.86"),
        feeds, executions, alerts, log, balances, KillState.OFF);
  }

  /** The same engine after the kill switch, one venue's feed down. */
  public static EngineSnapshot killed() {
    EngineSnapshot s = busy();
    return new EngineSnapshot(s.time(), s.mode(), s.approval(), TradingState.KILLED, "operator (dashboard)", s.pairs(),
        List.of(), s.ledger(), s.realizedPnlToday(), s.lastReconciliation(), s.opportunities(), s.executions(), 0,
        s.unconfirmedFills(), s.unconfirmedNotional(), List.of(
            new FeedHealth(VenueId.KALSHI, T.minusMillis(400), Duration.ofMillis(400), 14, 0, true),
            new FeedHealth(VenueId.POLYMARKET, T.minusSeconds(75), Duration.ofSeconds(75), 0, 28, false)),
        s.recentExecutions(), s.alerts(), s.log(), s.balances(),
        new KillState(true, "operator (dashboard)", T.minusSeconds(5)));
  }

  /** {@code s} with another trading state. */
  static EngineSnapshot withTrading(EngineSnapshot s, TradingState state) {
    return new EngineSnapshot(s.time(), s.mode(), s.approval(), state, "operator (dashboard)", s.pairs(),
        s.pendingApprovals(), s.ledger(), s.realizedPnlToday(), s.lastReconciliation(), s.opportunities(),
        s.executions(), 0, s.unconfirmedFills(), s.unconfirmedNotional(), s.feeds(), s.recentExecutions(), s.alerts(),
        s.log(), s.balances(), s.kill());
  }

  static LegView leg(String id, VenueId venue, String purpose, Outcome outcome, Side side, String limit, long requested,
      long filled, String average, String result) {
    return new LegView(new ClientOrderId(id), venue, purpose, outcome, side, p(limit), Quantity.of(requested),
        Quantity.of(filled), average == null ? null : p(average), result);
  }
}
