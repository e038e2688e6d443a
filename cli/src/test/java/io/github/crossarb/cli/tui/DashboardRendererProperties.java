package io.github.crossarb.cli.tui;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.cli.tui.ViewState.Pane;
import io.github.crossarb.cli.tui.ViewState.Prompt;
import io.github.crossarb.cli.tui.ViewState.SortKey;
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
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pair.PairStatus;
import io.github.crossarb.core.pricing.Direction;
import io.github.crossarb.core.pricing.Opportunity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Whatever the engine shows and whatever the terminal's size, the screen fits it exactly. */
class DashboardRendererProperties {
  private static final Instant T = DashboardFixtures.T;
  private static final Pattern SGR = Pattern.compile("\u001b\\[[0-9;]*m");

  @Property(tries = 300)
  void exactlyHeightLinesNoneWiderThanWidthAndDeterministic(@ForAll("snapshots") EngineSnapshot snapshot,
      @ForAll("views") ViewState view, @ForAll @IntRange(min = 80, max = 200) int width,
      @ForAll @IntRange(min = 24, max = 60) int height, @ForAll boolean colour) {
    List<String> lines = DashboardRenderer.render(snapshot, view, width, height, colour);
    assertThat(lines).hasSize(height);
    for (String line : lines) {
      String visible = colour ? SGR.matcher(line).replaceAll("") : line;
      assertThat(visible.length()).as("display width of %s", line).isLessThanOrEqualTo(width);
      assertThat(visible.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).as("printable ASCII only: %s", line).isTrue();
      if (!colour) {
        assertThat(line).doesNotContain("\u001b");
      }
    }
    assertThat(DashboardRenderer.render(snapshot, view, width, height, colour)).isEqualTo(lines);
  }

  @Provide
  Arbitrary<ViewState> views() {
    Arbitrary<String> text = Arbitraries.strings().ofMaxLength(50);
    return Combinators.combine(text, Arbitraries.of(SortKey.class), Arbitraries.of(Pane.class),
        Arbitraries.integers().between(0, 200), Arbitraries.of(true, false), Arbitraries.of(Prompt.class),
        text.list().ofMaxSize(3), text).as((filter, sort, pane, scroll, help, prompt, link, message) ->
            new ViewState(filter, help && filter.length() % 2 == 0, sort, pane, scroll, help, prompt, message, link, T,
                message));
  }

  @Provide
  Arbitrary<EngineSnapshot> snapshots() {
    Arbitrary<List<PairView>> pairs = pair().list().ofMaxSize(40);
    Arbitrary<List<ExecutionView>> executions = execution().list().ofMaxSize(EngineSnapshot.RECENT_EXECUTIONS);
    Arbitrary<List<LogLine>> lines = logLine().list().ofMaxSize(EngineSnapshot.RECENT_LINES);
    Arbitrary<List<PendingApproval>> pending = pending().list().ofMaxSize(3);
    Arbitrary<TradingState> trading = Arbitraries.of(TradingState.class);
    Arbitrary<EngineMode> mode = Arbitraries.of(EngineMode.class);
    Arbitrary<Boolean> killed = Arbitraries.of(true, false);
    Arbitrary<String> detail = Arbitraries.strings().ofMaxLength(200);
    return Combinators.combine(pairs, executions, lines, lines, pending, trading, mode, killed).flatAs(
        (ps, ex, alerts, log, pend, state, m, kill) -> Combinators.combine(detail, feeds(), balances(), money())
            .as((d, feeds, balances, pnl) -> new EngineSnapshot(T, m, ApprovalMode.MANUAL, state, d, ps, pend,
                null, pnl, null, ps.size() * 3L, ex.size(), 0, 0, Money.ZERO, feeds, ex, alerts, log,
                balances, kill ? new KillState(true, d.isEmpty() ? "x" : d, T) : KillState.OFF)));
  }

  private static Arbitrary<Money> money() {
    return Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L).map(Money::ofMicros);
  }

  private static Arbitrary<Price> price() {
    return Arbitraries.longs().between(0, 1_000_000).map(Price::ofMicros).injectNull(0.2);
  }

  private static Arbitrary<Quote> quote() {
    return Combinators.combine(price(), price()).as(Quote::new);
  }

  private static Arbitrary<Opportunity> opportunity() {
    return Combinators.combine(Arbitraries.integers().between(1, 49), Arbitraries.integers().between(1, 49),
        Arbitraries.longs().between(1, 100_000)).as((k, p, size) -> DashboardFixtures.opportunity("gen",
            "KX-GEN", "9", String.format("0.%02d", k), String.format("0.%02d", p), size, "0.01"));
  }

  private static Arbitrary<PairView> pair() {
    Arbitrary<String> id = Arbitraries.strings().ofMinLength(1).ofMaxLength(60);
    Arbitrary<String> text = Arbitraries.strings().ofMaxLength(150);
    Arbitrary<String> state = Arbitraries.of("ready", "suspended", "blacklisted", "cooldown", "in flight",
        "awaiting approval", "blocked (unknown orders)", "not loaded: boom", "loading");
    Arbitrary<Quotes> quotes = Combinators.combine(quote(), quote(), quote(), quote(),
        Arbitraries.of(Direction.class).injectNull(0.3), money().injectNull(0.3),
        Arbitraries.longs().between(0, 1_000_000_000_000L).map(Quantity::ofMicros)).as(Quotes::new);
    Arbitrary<String> book = Arbitraries.of("TRUSTED", "UNTRUSTED(SILENT)", "NOT_FOLLOWED");
    return Combinators.combine(id, Arbitraries.of(PairStatus.class), text, state, book, quotes,
        opportunity().injectNull(0.6), Arbitraries.of(true, false)).as((i, status, reason, st, b, q, opp, until) ->
            new PairView(i, status, reason, st, b, b, b, opp, reason, 0, until ? T.plusSeconds(90) : null,
                until ? T.plusSeconds(5) : null, List.of(), q));
  }

  private static Arbitrary<LegView> leg() {
    Arbitrary<Quantity> qty = Arbitraries.longs().between(0, 1_000_000_000_000L).map(Quantity::ofMicros);
    return Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(40),
        Arbitraries.of(VenueId.class), Arbitraries.of("LEG", "HEDGE", "UNWIND"), Arbitraries.of(Outcome.class),
        Arbitraries.of(Side.class), price().filter(p -> p != null), qty, price()).as((id, venue, purpose, o, side,
            limit, q, avg) -> new LegView(new ClientOrderId(id), venue, purpose, o, side, limit, q, q, avg,
                "ACCEPTED"));
  }

  private static Arbitrary<ExecutionView> execution() {
    Arbitrary<String> text = Arbitraries.strings().ofMaxLength(120);
    return Combinators.combine(Arbitraries.strings().ofMinLength(1).ofMaxLength(40), text,
        Arbitraries.of("IN_FLIGHT", "HEDGED", "UNWOUND", "RESIDUAL_OPEN", "UNKNOWN", "FAILED", "NOTHING_FILLED"),
        leg().list().ofMaxSize(5), money().injectNull(0.3), money().injectNull(0.5), text,
        Arbitraries.longs().between(0, 100_000)).as((id, pair, outcome, legs, exp, pnl, detail, ago) ->
            new ExecutionView(id, pair.isEmpty() ? "p" : pair, T.minusSeconds(ago), null, outcome, legs, exp, pnl,
                detail));
  }

  private static Arbitrary<LogLine> logLine() {
    return Combinators.combine(Arbitraries.longs().between(0, 10_000_000), Arbitraries.of(Severity.class),
        Arbitraries.strings().ofMaxLength(30).injectNull(0.5), Arbitraries.strings().ofMaxLength(300))
        .as((ago, sev, pair, text) -> new LogLine(T.minusSeconds(ago), sev, pair, text));
  }

  private static Arbitrary<PendingApproval> pending() {
    return Combinators.combine(Arbitraries.strings().ofMinLength(1).ofMaxLength(30),
        Arbitraries.strings().ofMinLength(1).ofMaxLength(60), opportunity(), Arbitraries.longs().between(-100, 100_000))
        .as((id, pair, opp, in) -> new PendingApproval(id, pair, opp, T.plusSeconds(in)));
  }

  private static Arbitrary<List<FeedHealth>> feeds() {
    Arbitrary<FeedHealth> one = Combinators.combine(Arbitraries.of(VenueId.class),
        Arbitraries.longs().between(0, 10_000_000_000L).injectNull(0.2), Arbitraries.integers().between(0, 100_000),
        Arbitraries.integers().between(0, 100_000), Arbitraries.of(true, false)).as((v, ms, t, u, c) ->
            new FeedHealth(v, ms == null ? null : T.minusMillis(ms), ms == null ? null : Duration.ofMillis(ms), t, u, c));
    return one.list().ofMaxSize(2);
  }

  private static Arbitrary<List<BalanceView>> balances() {
    Arbitrary<BalanceView> one = Combinators.combine(Arbitraries.of(VenueId.class), money(), money())
        .as((v, a, r) -> new BalanceView(v, a, r, null, T));
    return one.list().ofMaxSize(2).map(ArrayList::new);
  }
}
