package io.github.crossarb.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EngineEvent.Alert;
import io.github.crossarb.core.event.EngineEvent.Decision;
import io.github.crossarb.core.event.EngineEvent.DecisionKind;
import io.github.crossarb.core.event.EngineEvent.ExecutionFinished;
import io.github.crossarb.core.event.EngineEvent.FillConfirmed;
import io.github.crossarb.core.event.EngineEvent.FillRecorded;
import io.github.crossarb.core.event.EngineEvent.FillReversed;
import io.github.crossarb.core.event.EngineEvent.ModeChanged;
import io.github.crossarb.core.event.EngineEvent.OpportunityFound;
import io.github.crossarb.core.event.EngineEvent.OrderOutcome;
import io.github.crossarb.core.event.EngineEvent.OrderPurpose;
import io.github.crossarb.core.event.EngineEvent.OrderSent;
import io.github.crossarb.core.event.EngineEvent.PairStatusChanged;
import io.github.crossarb.core.event.EngineEvent.Reconciled;
import io.github.crossarb.core.event.EngineEvent.Severity;
import io.github.crossarb.core.event.EngineEvent.Unwind;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.model.VenueOrderId;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.position.FillVoid;
import io.github.crossarb.core.pricing.Direction;
import io.github.crossarb.core.pricing.LegPlan;
import io.github.crossarb.core.pricing.Opportunity;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.OrderStatus;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.TimeInForce;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {
  private static final Instant T = Instant.parse("2026-03-01T12:00:00.125Z");
  private static final InstrumentId KALSHI = InstrumentId.kalshi("KXFED-26DEC");
  private static final InstrumentId TOKEN = InstrumentId.polymarket("222");
  private static final ClientOrderId COID = new ClientOrderId("arb-k3x9-1");

  @TempDir Path dir;

  static Opportunity opportunity() {
    LegPlan kalshi = new LegPlan(KALSHI, Outcome.YES, Side.BUY, Price.parse("0.40"), Quantity.of(10), Money.parse("4"),
        Money.parse("0.07"), 1);
    LegPlan poly = new LegPlan(TOKEN, Outcome.NO, Side.BUY, Price.parse("0.55"), Quantity.of(10), Money.parse("5.5"),
        Money.parse("0.01"), 2);
    return new Opportunity("fed-dec", Direction.BUY_KALSHI_YES, kalshi, poly, Quantity.of(10), Money.parse("9.58"),
        Money.parse("0.08"), Money.parse("10"), Money.parse("0.42"), Duration.ofMillis(250), Duration.ofMillis(1500),
        Duration.ofNanos(1_000_001));
  }

  static OrderRequest order() {
    return new OrderRequest(COID, KALSHI, Outcome.YES, Side.BUY, Price.parse("0.40"), Quantity.of(10), TimeInForce.IOC,
        false, null);
  }

  static Fill fill() {
    return new Fill("t-1:0xabc", TOKEN, Outcome.NO, Side.BUY, Price.parse("0.55"), Quantity.parse("9.99"),
        Money.parse("0.0123"), T, COID, "fed-dec");
  }

  /** One event of every type with its exact line: the format tools and people rely on. */
  static Map<EngineEvent, String> golden() {
    Map<EngineEvent, String> g = new LinkedHashMap<>();
    g.put(new OpportunityFound(T, "x-1", opportunity()),
        "{\"time\":\"2026-03-01T12:00:00.125Z\",\"type\":\"opportunity_found\",\"pairId\":\"fed-dec\",\"executionId\":\"x-1\","
            + "\"opportunity\":{\"direction\":\"BUY_KALSHI_YES\","
            + "\"kalshi\":{\"instrument\":\"KALSHI:KXFED-26DEC\",\"outcome\":\"YES\",\"side\":\"BUY\",\"limitPrice\":\"0.4\","
            + "\"size\":\"10\",\"cost\":\"4\",\"fee\":\"0.07\",\"levelsUsed\":1},"
            + "\"polymarket\":{\"instrument\":\"POLYMARKET:222\",\"outcome\":\"NO\",\"side\":\"BUY\",\"limitPrice\":\"0.55\","
            + "\"size\":\"10\",\"cost\":\"5.5\",\"fee\":\"0.01\",\"levelsUsed\":2},"
            + "\"size\":\"10\",\"totalCost\":\"9.58\",\"totalFees\":\"0.08\",\"payout\":\"10\",\"expectedProfit\":\"0.42\","
            + "\"kalshiBookAge\":\"PT0.25S\",\"polymarketYesBookAge\":\"PT1.5S\",\"polymarketNoBookAge\":\"PT0.001000001S\"}}");
    g.put(new Decision(T, "fed-dec", "x-1", DecisionKind.DRY_RUN, "dry-run mode"),
        "{\"time\":\"2026-03-01T12:00:00.125Z\",\"type\":\"decision\",\"pairId\":\"fed-dec\",\"executionId\":\"x-1\","
            + "\"kind\":\"DRY_RUN\",\"reason\":\"dry-run mode\"}");
    g.put(new OrderSent(T, "fed-dec", "x-1", OrderPurpose.LEG, order()),
        "{\"time\":\"2026-03-01T12:00:00.125Z\",\"type\":\"order_sent\",\"pairId\":\"fed-dec\",\"executionId\":\"x-1\","
            + "\"purpose\":\"LEG\",\"order\":{\"clientOrderId\":\"arb-k3x9-1\",\"instrument\":\"KALSHI:KXFED-26DEC\","
            + "\"outcome\":\"YES\",\"side\":\"BUY\",\"price\":\"0.4\",\"size\":\"10\",\"timeInForce\":\"IOC\","
            + "\"postOnly\":false,\"expiration\":null}}");
    g.put(new OrderOutcome(T, "fed-dec", "x-1", new SubmitResult.Accepted(COID, new VenueOrderId("v-9"), OrderStatus.CANCELLED,
            Quantity.parse("7.5"))),
        "{\"time\":\"2026-03-01T12:00:00.125Z\",\"type\":\"order_outcome\",\"pairId\":\"fed-dec\",\"executionId\":\"x-1\","
            + "\"result\":{\"kind\":\"accepted\",\"clientOrderId\":\"arb-k3x9-1\",\"venueOrderId\":\"v-9\","
            + "\"status\":\"CANCELLED\",\"filled\":\"7.5\"}}");
    g.put(new OrderOutcome(T, "fed-dec", "x-1", new SubmitResult.Rejected(COID, "insufficient_balance", "not enough")),
        "{\"time\":\"2026-03-01T12:00:00.125Z\",\"type\":\"order_outcome\",\"pairId\":\"fed-dec\",\"executionId\":\"x-1\","
            + "\"result\":{\"kind\":\"rejected\",\"clientOrderId\":\"arb-k3x9-1\",\"venueCode\":\"insufficient_balance\","
            + "\"message\":\"not enough\"}}");
    g.put(new OrderOutcome(T, null, null, new SubmitResult.Denied(COID, "size below minimum")),
        "{\"time\":\"2026-03-01T12:00:00.125Z\",\"type\":\"order_outcome\",\"pairId\":null,\"executionId\":null,"
            + "\"result\":{\"kind\":\"denied\",\"clientOrderId\":\"arb-k3x9-1\",\"reason\":\"size below minimum\"}}");
    g.put(new OrderOutcome(T, "fed-dec", "x-1", new SubmitResult.Unknown(COID, "timeout after 5s")),
        "{\"time\":\"2026-03-01T12:00:00.125Z\",\"type\":\"order_outcome\",\"pairId\":\"fed-dec\",\"executionId\":\"x-1\","
            + "\"result\":{\"kind\":\"unknown\",\"clientOrderId\":\"arb-k3x9-1\",\"reason\":\"timeout after 5s\"}}");
    g.put(new FillRecorded(T, fill(), true),
        "{\"time\":\"2026-03-01T12:00:00.125Z\",\"type\":\"fill_recorded\",\"provisional\":true,"
            + "\"fill\":{\"fillId\":\"t-1:0xabc\",\"instrument\":\"POLYMARKET:222\",\"outcome\":\"NO\",\"side\":\"BUY\","
            + "\"price\":\"0.55\",\"quantity\":\"9.99\",\"fee\":\"0.0123\",\"time\":\"2026-03-01T12:00:00.125Z\","
            + "\"clientOrderId\":\"arb-k3x9-1\",\"pairId\":\"fed-dec\"}}");
    g.put(new FillConfirmed(T, VenueId.POLYMARKET, "t-1:0xabc"),
        "{\"time\":\"2026-03-01T12:00:00.125Z\",\"type\":\"fill_confirmed\",\"venue\":\"POLYMARKET\",\"fillId\":\"t-1:0xabc\"}");
    g.put(new FillReversed(T, new FillVoid(VenueId.POLYMARKET, "t-1:0xabc", Instant.parse("2026-03-01T12:00:03Z"))),
        "{\"time\":\"2026-03-01T12:00:00.125Z\",\"type\":\"fill_reversed\",\"fillVoid\":{\"venue\":\"POLYMARKET\","
            + "\"fillId\":\"t-1:0xabc\",\"time\":\"2026-03-01T12:00:03Z\"}}");
    g.put(new Unwind(T, "fed-dec", "x-1", VenueId.KALSHI, Quantity.parse("2.5"), Quantity.of(2), Money.parse("0.06"),
            Money.parse("0.5"), "sold 2 of 2.5 at 0.37"),
        "{\"time\":\"2026-03-01T12:00:00.125Z\",\"type\":\"unwind\",\"pairId\":\"fed-dec\",\"executionId\":\"x-1\","
            + "\"venue\":\"KALSHI\",\"residual\":\"2.5\",\"sold\":\"2\",\"realizedLoss\":\"0.06\",\"lossCap\":\"0.5\","
            + "\"detail\":\"sold 2 of 2.5 at 0.37\"}");
    g.put(new ExecutionFinished(T, "fed-dec", "x-1", "UNKNOWN", Quantity.of(10), Quantity.ZERO, Quantity.ZERO, Quantity.of(10),
            Money.parse("-0.015"), List.of(COID), "polymarket leg timed out"),
        "{\"time\":\"2026-03-01T12:00:00.125Z\",\"type\":\"execution_finished\",\"pairId\":\"fed-dec\",\"executionId\":\"x-1\","
            + "\"outcome\":\"UNKNOWN\",\"kalshiFilled\":\"10\",\"polymarketFilled\":\"0\",\"hedged\":\"0\",\"residual\":\"10\","
            + "\"expectedProfit\":\"-0.015\",\"unknownOrders\":[\"arb-k3x9-1\"],\"detail\":\"polymarket leg timed out\"}");
    g.put(new Alert(T, Severity.CRITICAL, null, "residual open: \"quoted\" text\nsecond line"),
        "{\"time\":\"2026-03-01T12:00:00.125Z\",\"type\":\"alert\",\"severity\":\"CRITICAL\",\"pairId\":null,"
            + "\"message\":\"residual open: \\\"quoted\\\" text\\nsecond line\"}");
    g.put(new ModeChanged(T, "mode", null, "PAPER", "operator"),
        "{\"time\":\"2026-03-01T12:00:00.125Z\",\"type\":\"mode_changed\",\"what\":\"mode\",\"from\":null,\"to\":\"PAPER\","
            + "\"reason\":\"operator\"}");
    g.put(new PairStatusChanged(T, "fed-dec", "SUSPENDED", "kalshi rules changed"),
        "{\"time\":\"2026-03-01T12:00:00.125Z\",\"type\":\"pair_status_changed\",\"pairId\":\"fed-dec\","
            + "\"status\":\"SUSPENDED\",\"reason\":\"kalshi rules changed\"}");
    g.put(new Reconciled(T, false, List.of("kalshi KXFED-26DEC: ledger YES 10, venue YES 9"), 2, 1),
        "{\"time\":\"2026-03-01T12:00:00.125Z\",\"type\":\"reconciled\",\"passed\":false,"
            + "\"drifts\":[\"kalshi KXFED-26DEC: ledger YES 10, venue YES 9\"],\"fillsAdded\":2,\"unknownsResolved\":1}");
    return g;
  }

  @Test
  void everyEventTypeHasAGoldenLine() {
    Map<EngineEvent, String> golden = golden();
    for (Map.Entry<EngineEvent, String> e : golden.entrySet()) {
      assertThat(EventJson.line(e.getKey())).as(e.getKey().getClass().getSimpleName()).isEqualTo(e.getValue());
    }
    List<Class<?>> covered = golden.keySet().stream().<Class<?>>map(Object::getClass).distinct().toList();
    assertThat(covered).containsExactlyInAnyOrder(EngineEvent.class.getPermittedSubclasses());
  }

  @Test
  void typesAreTheRecordNamesInSnakeCase() {
    assertThat(EventJson.typeOf(PairStatusChanged.class)).isEqualTo("pair_status_changed");
    assertThat(EventJson.typeOf(Reconciled.class)).isEqualTo("reconciled");
  }

  @Test
  void everyEventRoundTripsThroughTheFile() throws IOException {
    Path file = dir.resolve(EventLog.FILE_NAME);
    List<EngineEvent> events = new ArrayList<>(golden().keySet());
    try (EventLog log = EventLog.open(file, Duration.ZERO, message -> { throw new AssertionError(message); })) {
      events.forEach(log::emit);
      assertThat(log.written()).isEqualTo(events.size());
    }
    assertThat(EventLog.read(file)).containsExactlyElementsOf(events);
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).containsExactlyElementsOf(golden().values());
  }

  @Test
  void reopeningAppendsAfterTheExistingLinesAndCutsOffATornTail() throws IOException {
    Path file = dir.resolve(EventLog.FILE_NAME);
    EngineEvent first = new Alert(T, Severity.INFO, null, "first");
    EngineEvent second = new Alert(T, Severity.INFO, null, "second");
    try (EventLog log = EventLog.openIn(dir, Duration.ZERO, m -> {})) {
      log.emit(first);
    }
    Files.write(file, "{\"time\":\"2026-03-01T12:0".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
    assertThat(EventLog.read(file)).as("a reader ignores the torn tail").containsExactly(first);
    try (EventLog log = EventLog.openIn(dir, Duration.ZERO, m -> {})) {
      log.emit(second);
    }
    assertThat(EventLog.read(file)).containsExactly(first, second);
    assertThat(Files.readString(file)).doesNotContain("12:0\"");
  }

  @Test
  void aBadLineBeforeTheEndIsAnErrorNamingFileAndLine() throws IOException {
    Path file = dir.resolve(EventLog.FILE_NAME);
    String good = golden().values().iterator().next();
    Files.writeString(file, good + "\n{\"time\":\"2026-03-01T12:00:00Z\",\"type\":\"teleported\"}\n" + good + "\n");
    assertThatThrownBy(() -> EventLog.read(file)).isInstanceOf(LedgerFileException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("line 2").hasMessageContaining("teleported");
    Files.writeString(file, good + "\nnot json\n" + good + "\n");
    assertThatThrownBy(() -> EventLog.read(file)).isInstanceOf(LedgerFileException.class).hasMessageContaining("line 2");
    Files.writeString(file, good.replace("\"size\":\"10\",\"totalCost\"", "\"size\":10,\"totalCost\"") + "\n");
    assertThatThrownBy(() -> EventLog.read(file)).isInstanceOf(LedgerFileException.class)
        .hasMessageContaining("line 1").hasMessageContaining("\"size\" must be a string");
  }

  @Test
  void readLastReadsOnlyTheEndAndAgreesWithReadingEverything() throws IOException {
    Path file = dir.resolve(EventLog.FILE_NAME);
    try (EventLog log = EventLog.open(file, Duration.ZERO, message -> { throw new AssertionError(message); })) {
      // Several times the first window read from the end, with multi-byte text across boundaries.
      for (int i = 0; i < 3000; i++) {
        log.emit(new Alert(T, Severity.INFO, null, "alert " + i + " \u00e9t\u00e9 \u20ac " + "x".repeat(i % 97)));
      }
    }
    Files.writeString(file, "{\"torn", java.nio.file.StandardOpenOption.APPEND);
    List<EngineEvent> all = EventLog.read(file);
    assertThat(all).hasSize(3000);
    assertThat(EventLog.readLast(file, 10)).containsExactlyElementsOf(all.subList(2990, 3000));
    assertThat(EventLog.readLast(file, 2500)).containsExactlyElementsOf(all.subList(500, 3000));
    assertThat(EventLog.readLast(file, 5000)).containsExactlyElementsOf(all);
    assertThat(EventLog.readLast(dir.resolve("none.jsonl"), 10)).isEmpty();
  }

  @Test
  void aMissingFileHasNoEvents() throws IOException {
    assertThat(EventLog.read(dir.resolve("none.jsonl"))).isEmpty();
  }

  @Test
  void linesAreForcedAtMostOncePerIntervalAndOnClose() throws IOException {
    AtomicLong now = new AtomicLong();
    EventLog log = EventLog.open(dir.resolve(EventLog.FILE_NAME), Duration.ofSeconds(1), m -> {}, now::get);
    EngineEvent e = new Alert(T, Severity.INFO, null, "x");
    log.emit(e);
    log.emit(e);
    assertThat(log.syncs()).as("within the interval: written, not forced").isZero();
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    log.emit(e);
    assertThat(log.syncs()).isEqualTo(1);
    log.emit(e);
    assertThat(log.syncs()).isEqualTo(1);
    log.close();
    assertThat(log.syncs()).as("close forces the rest").isEqualTo(2);
    assertThat(EventLog.read(log.file())).hasSize(4);
  }

  @Test
  void aWriteFailureNeverThrowsAndIsReportedOnce() throws IOException {
    List<String> reported = new ArrayList<>();
    EventLog log = EventLog.open(dir.resolve(EventLog.FILE_NAME), Duration.ZERO, reported::add);
    log.emit(new Alert(T, Severity.INFO, null, "kept"));
    log.close(); // the channel is gone: every later write fails
    log.emit(new Alert(T, Severity.INFO, null, "lost 1"));
    log.emit(new Alert(T, Severity.INFO, null, "lost 2"));
    assertThat(reported).hasSize(1);
    assertThat(reported.get(0)).contains(EventLog.FILE_NAME).doesNotContain("\n");
    assertThat(log.failures()).isEqualTo(2);
    assertThat(EventLog.read(log.file())).containsExactly(new Alert(T, Severity.INFO, null, "kept"));
  }

  @Test
  void aThrowingCallbackDoesNotEscape() throws IOException {
    EventLog log = EventLog.open(dir.resolve(EventLog.FILE_NAME), Duration.ZERO, m -> {
      throw new IllegalStateException("alert sink down");
    });
    log.close();
    log.emit(new Alert(T, Severity.INFO, null, "lost"));
    assertThat(log.failures()).isEqualTo(1);
  }
}
