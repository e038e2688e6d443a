package io.github.crossarb.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.crossarb.cli.CliRunner;
import io.github.crossarb.cli.CliRunner.Result;
import io.github.crossarb.cli.venue.FakeVenue;
import io.github.crossarb.cli.venue.VenueJson;
import io.github.crossarb.core.book.BookSnapshot;
import io.github.crossarb.core.book.Level;
import io.github.crossarb.core.book.UntrustedReason;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.model.VenueOrderId;
import io.github.crossarb.core.venue.Balance;
import io.github.crossarb.core.venue.CancelResult;
import io.github.crossarb.core.venue.MarketInfo;
import io.github.crossarb.core.venue.OrderReport;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.OrderStatus;
import io.github.crossarb.core.venue.PositionReport;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.core.venue.VenueConfigException;
import io.github.crossarb.core.venue.VenueRejectedException;
import io.github.crossarb.core.venue.WireRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VenueCommandsTest {
  private static final InstrumentId TICKER = InstrumentId.kalshi("KXTEST-26");
  private static final InstrumentId TOKEN = InstrumentId.polymarket("1234");

  @TempDir Path dataDir;

  private final FakeVenue kalshi = new FakeVenue(VenueId.KALSHI);
  private final FakeVenue polymarket = new FakeVenue(VenueId.POLYMARKET);

  private Result controller(FakeVenue venue, String... args) {
    return CliRunner.controller(CliRunner.environment(dataDir), venue.factory(), args);
  }

  private static JsonNode json(String text) throws Exception {
    return VenueJson.MAPPER.readTree(text);
  }

  @Test
  void marketsListsTheVenuesMarketsWithTheQueryGiven() throws Exception {
    kalshi.markets = List.of(new MarketInfo(VenueId.KALSHI, "KXTEST-26", "Will it rain?", "open", true,
        Instant.parse("2026-12-01T17:00:00Z"), "Resolves YES if it rains.", TICKER, TICKER));

    Result text = controller(kalshi, "markets", "--venue", "kalshi", "--search", "rain", "--limit", "5");
    assertThat(text.exitCode()).isZero();
    assertThat(text.out()).contains("KXTEST-26", "open", "2026-12-01T17:00:00Z", "Will it rain?").doesNotContain("TOKEN");
    assertThat(kalshi.lastQuery.search()).isEqualTo("rain");
    assertThat(kalshi.lastQuery.limit()).isEqualTo(5);
    assertThat(kalshi.lastQuery.openOnly()).isTrue();
    assertThat(kalshi.closed).isTrue();

    JsonNode array = json(controller(kalshi, "markets", "--venue", "kalshi", "--status", "all", "--json").out());
    assertThat(array.get(0).get("market").asText()).isEqualTo("KXTEST-26");
    assertThat(array.get(0).get("rules").asText()).isEqualTo("Resolves YES if it rains.");
    assertThat(kalshi.lastQuery.openOnly()).isFalse();
  }

  @Test
  void polymarketMarketsShowTheTokenIdsTheOtherCommandsTake() {
    polymarket.markets = List.of(new MarketInfo(VenueId.POLYMARKET, "0xabc", "Will it rain?", "active", true, null,
        null, TOKEN, InstrumentId.polymarket("5678")));
    Result result = controller(polymarket, "markets", "--venue", "polymarket");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("YES TOKEN", "1234", "5678");
  }

  @Test
  void bookPrintsTheRestSnapshotBestFirst() throws Exception {
    kalshi.snapshot = new BookSnapshot(TICKER,
        List.of(level("0.42", "100"), level("0.41", "5")), List.of(level("0.45", "20")));
    Result result = controller(kalshi, "book", "--venue", "kalshi", "KXTEST-26", "--depth", "1");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("KALSHI:KXTEST-26", "TRUSTED", "0.42", "0.45", "100").doesNotContain("0.41");

    JsonNode book = json(controller(kalshi, "book", "--venue", "kalshi", "KXTEST-26", "--json").out());
    assertThat(book.get("bids").get(1).get("price").asText()).isEqualTo("0.41");
    assertThat(book.get("asks").get(0).get("size").asText()).isEqualTo("20");
  }

  @Test
  void bookWatchShowsTheBookLosingAndRegainingTrust() throws Exception {
    BookSnapshot first = new BookSnapshot(TICKER, List.of(level("0.42", "100")), List.of(level("0.45", "20")));
    BookSnapshot second = new BookSnapshot(TICKER, List.of(level("0.43", "7")), List.of(level("0.44", "9")));
    kalshi.snapshot = first;
    kalshi.feed = (book, listener) -> {
      book.applySnapshot(first);
      listener.onBookUpdated(book);
      book.markUntrusted(UntrustedReason.DISCONNECTED);
      listener.onBookUntrusted(book, UntrustedReason.DISCONNECTED);
      book.applySnapshot(second);
      listener.onBookUpdated(book);
    };
    Result result = controller(kalshi, "book", "--venue", "kalshi", "KXTEST-26", "--watch", "--count", "3", "--json");
    assertThat(result.exitCode()).isZero();
    List<JsonNode> frames = result.out().lines().map(line -> {
      try {
        return json(line);
      } catch (Exception e) {
        throw new AssertionError(line, e);
      }
    }).toList();
    assertThat(frames).hasSize(3);
    assertThat(frames.get(0).get("trusted").asBoolean()).isTrue();
    assertThat(frames.get(1).get("trusted").asBoolean()).isFalse();
    assertThat(frames.get(1).get("untrustedReason").asText()).isEqualTo("DISCONNECTED");
    assertThat(frames.get(2).get("trusted").asBoolean()).isTrue();
    assertThat(frames.get(2).get("bids").get(0).get("price").asText()).isEqualTo("0.43");
  }

  @Test
  void bookWatchOfAnIdTheVenueDoesNotKnowFailsAtOnce() {
    kalshi.failure = new VenueRejectedException(VenueId.KALSHI, 404, "not_found", "market KXNOPE not found");
    kalshi.feed = (book, listener) -> {
      throw new AssertionError("must not subscribe");
    };
    Result result = controller(kalshi, "book", "--venue", "kalshi", "KXNOPE", "--watch");
    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(result.errLines()).containsExactly("controller: kalshi: market KXNOPE not found");
  }

  @Test
  void balancePositionsAndOrdersPrintTheVenuesView() throws Exception {
    kalshi.balance = new Balance(VenueId.KALSHI, Money.parse("123.4567"), null);
    kalshi.positions = List.of(new PositionReport(TICKER, Outcome.NO, Quantity.parse("3.5"), Money.parse("1.75")));
    kalshi.openOrders = List.of(new OrderReport(new VenueOrderId("ord-1"), null, TICKER, Outcome.NO, Side.BUY,
        Price.parse("0.45"), Quantity.of(10), Quantity.of(4), OrderStatus.OPEN, null));

    assertThat(controller(kalshi, "balance", "--venue", "kalshi").out()).contains("$123.4567");
    assertThat(json(controller(kalshi, "balance", "--venue", "kalshi", "--json").out()).get("available").asText())
        .isEqualTo("123.4567");
    assertThat(controller(kalshi, "positions", "--venue", "kalshi").out()).contains("KALSHI:KXTEST-26", "no", "3.5", "$1.75");
    Result orders = controller(kalshi, "orders", "--venue", "kalshi");
    assertThat(orders.out()).contains("ord-1", "buy", "0.45", "10", "4", "open");
    JsonNode order = json(controller(kalshi, "orders", "--venue", "kalshi", "--json").out()).get(0);
    assertThat(order.get("filled").asText()).isEqualTo("4");
    assertThat(order.get("clientOrderId").isNull()).isTrue();

    kalshi.positions = List.of();
    assertThat(controller(kalshi, "positions", "--venue", "kalshi").out()).contains("no positions at kalshi");
  }

  @Test
  void placeSendsOneOrderWithWhatWasAskedAndReportsAcceptance() throws Exception {
    kalshi.submitAnswer = request -> new SubmitResult.Accepted(request.clientOrderId(), new VenueOrderId("ord-9"),
        OrderStatus.OPEN, Quantity.ZERO);
    Result result = controller(kalshi, "order", "place", "--venue", "kalshi", "--market", "KXTEST-26",
        "--outcome", "no", "--side", "buy", "--price", "0.45", "--size", "3", "--tif", "IOC",
        "--client-order-id", "mine-1");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("accepted: order ord-9", "mine-1");
    assertThat(kalshi.submitted).hasSize(1);
    OrderRequest sent = kalshi.submitted.get(0);
    assertThat(sent.instrument()).isEqualTo(TICKER);
    assertThat(sent.outcome()).isEqualTo(Outcome.NO);
    assertThat(sent.side()).isEqualTo(Side.BUY);
    assertThat(sent.price()).isEqualTo(Price.parse("0.45"));
    assertThat(sent.size()).isEqualTo(Quantity.of(3));
    assertThat(sent.timeInForce()).isEqualTo(TimeInForce.IOC);
    assertThat(sent.clientOrderId().value()).isEqualTo("mine-1");
  }

  @Test
  void placeGivesEachOutcomeItsOwnExitCode() throws Exception {
    String[] args = {"order", "place", "--venue", "kalshi", "--market", "KXTEST-26", "--outcome", "yes",
        "--side", "buy", "--price", "0.42", "--size", "1"};

    kalshi.submitAnswer = request -> new SubmitResult.Rejected(request.clientOrderId(), "insufficient_balance", "no money");
    Result rejected = controller(kalshi, args);
    assertThat(rejected.exitCode()).isEqualTo(4);
    assertThat(rejected.errLines()).singleElement().asString()
        .contains("controller: kalshi: order rejected (insufficient_balance): no money");

    kalshi.submitAnswer = request -> new SubmitResult.Denied(request.clientOrderId(), "price 0.425 is off the tick grid");
    Result denied = controller(kalshi, args);
    assertThat(denied.exitCode()).isEqualTo(1);
    assertThat(denied.err()).contains("order not sent: price 0.425 is off the tick grid");

    kalshi.submitAnswer = request -> new SubmitResult.Unknown(request.clientOrderId(), "timeout");
    Result unknown = controller(kalshi, args);
    assertThat(unknown.exitCode()).isEqualTo(5);
    assertThat(unknown.err()).contains("outcome unknown (timeout)", "orders --venue kalshi");
    assertThat(kalshi.submitted).hasSize(3);

    JsonNode json = json(controller(kalshi, concat(args, "--json")).out());
    assertThat(json.get("outcome").asText()).isEqualTo("unknown");
    assertThat(kalshi.submitted).hasSize(4);
  }

  @Test
  void dryRunPrintsTheRequestAndSendsNothing() throws Exception {
    kalshi.prepared = new WireRequest("POST", "https://example.invalid/trade-api/v2/portfolio/events/orders",
        List.of(Map.entry("KALSHI-ACCESS-KEY", WireRequest.REDACTED), Map.entry("KALSHI-ACCESS-SIGNATURE", "c2ln")),
        "{\"ticker\":\"KXTEST-26\"}");
    Result result = controller(kalshi, "order", "place", "--venue", "kalshi", "--market", "KXTEST-26",
        "--outcome", "no", "--side", "buy", "--price", "0.45", "--size", "3", "--dry-run");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("POST https://example.invalid/trade-api/v2/portfolio/events/orders",
        "KALSHI-ACCESS-KEY: ***", "{\"ticker\":\"KXTEST-26\"}", "nothing was sent");
    assertThat(kalshi.submitted).isEmpty();
    assertThat(kalshi.preparedFor).hasSize(1);
  }

  @Test
  void placeRefusesBadFlagsBeforeContactingTheVenue() {
    String[] base = {"order", "place", "--venue", "kalshi", "--market", "KXTEST-26", "--side", "buy", "--size", "1"};
    assertUsage(controller(kalshi, concat(base, "--price", "0.42")), "--outcome yes|no is required for Kalshi");
    assertUsage(controller(kalshi, concat(base, "--outcome", "yes", "--price", "1.2")), "between 0 and 1");
    assertUsage(controller(kalshi, concat(base, "--outcome", "maybe", "--price", "0.4")), "expected yes or no");
    assertUsage(controller(kalshi, concat(base, "--outcome", "yes", "--price", "0.4", "--tif", "gtd")), "--tif gtd needs --expires");
    assertUsage(controller(kalshi, concat(base, "--outcome", "yes", "--price", "0.4", "--tif", "fok", "--post-only")),
        "--post-only cannot be combined");
    // The fake takes GTC/IOC/FOK only, like Kalshi: GTD is refused by capability, not by the venue.
    assertUsage(controller(kalshi, concat(base, "--outcome", "yes", "--price", "0.4", "--tif", "gtd", "--expires", "10m")),
        "kalshi does not take --tif gtd");
    assertThat(kalshi.submitted).isEmpty();
  }

  @Test
  void cancelTakesOneIdOrAll() throws Exception {
    kalshi.cancelAnswer = CancelResult.NOT_OPEN;
    Result one = controller(kalshi, "order", "cancel", "--venue", "kalshi", "ord-1");
    assertThat(one.exitCode()).isZero();
    assertThat(one.out()).contains("ord-1 was not open");
    assertThat(kalshi.cancelled).containsExactly(new VenueOrderId("ord-1"));

    kalshi.cancelAllAnswer = List.of(new VenueOrderId("a"), new VenueOrderId("b"));
    JsonNode all = json(controller(kalshi, "order", "cancel", "--venue", "kalshi", "--all", "--json").out());
    assertThat(all.get("cancelled")).hasSize(2);

    assertUsage(controller(kalshi, "order", "cancel", "--venue", "kalshi"), "give either ORDER_ID or --all");
  }

  @Test
  void venueFailuresEndInOneLineAndTheirExitCode() {
    kalshi.failure = new VenueRejectedException(VenueId.KALSHI, 400, "bad_request", "ticker not found");
    Result venueError = controller(kalshi, "balance", "--venue", "kalshi");
    assertThat(venueError.exitCode()).isEqualTo(4);
    assertThat(venueError.errLines()).containsExactly("controller: kalshi: ticker not found");

    VenueConfigException badKey = new VenueConfigException(VenueId.POLYMARKET, "POLY_PRIVATE_KEY is not set");
    Result config = CliRunner.controller(CliRunner.environment(dataDir), (venue, vertx, configuration) -> {
      throw badKey;
    }, "balance", "--venue", "polymarket");
    assertThat(config.exitCode()).isEqualTo(3);
    assertThat(config.errLines()).containsExactly("controller: polymarket: POLY_PRIVATE_KEY is not set");

    assertUsage(controller(kalshi, "balance", "--venue", "binance"), "unknown venue");
  }

  private static void assertUsage(Result result, String message) {
    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.errLines()).singleElement().asString().contains(message);
  }

  private static Level level(String price, String size) {
    return new Level(Price.parse(price), Quantity.parse(size));
  }

  private static String[] concat(String[] base, String... more) {
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }
}
