package io.github.crossarb.kalshi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.crossarb.kalshi.KalshiTestSupport.await;
import static io.github.crossarb.kalshi.KalshiTestSupport.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.crossarb.core.book.BookSnapshot;
import io.github.crossarb.core.book.Level;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.Instrument;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueOrderId;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.pricing.FeeModel;
import io.github.crossarb.core.pricing.KalshiFeeModel;
import io.github.crossarb.core.venue.Balance;
import io.github.crossarb.core.venue.CancelResult;
import io.github.crossarb.core.venue.MarketInfo;
import io.github.crossarb.core.venue.MarketQuery;
import io.github.crossarb.core.venue.OrderReport;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.OrderStatus;
import io.github.crossarb.core.venue.PositionReport;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.core.venue.WireRequest;
import io.github.crossarb.kalshi.auth.KalshiSigner;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@WireMockTest
@Timeout(60)
class KalshiVenueTest {
  private static final String FED = "KXFED-26DEC-T4.25";
  private static final String BTC = "KXBTC-26DEC31-B100000";
  private static final String ORDERS = "/trade-api/v2/portfolio/events/orders";
  private static Vertx vertx;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() throws Exception {
    await(vertx.close());
  }

  @BeforeEach
  void markets() {
    String page = resource("kalshi/http_get_markets_page1.json");
    int btc = page.indexOf("    {\n      \"ticker\": \"KXBTC");
    String fed = page.substring(page.indexOf("    {\n      \"ticker\": \"KXFED"), btc).trim();
    fed = fed.substring(0, fed.length() - 1); // the comma between the two markets
    String btcMarket = page.substring(btc, page.lastIndexOf("]")).trim();
    stubFor(get(urlEqualTo("/trade-api/v2/markets/" + FED)).willReturn(okJson("{\"market\":" + fed + "}")));
    stubFor(get(urlEqualTo("/trade-api/v2/markets/" + BTC)).willReturn(okJson("{\"market\":" + btcMarket + "}")));
  }

  private static KalshiConfig.Builder config(WireMockRuntimeInfo wm) {
    return KalshiConfig.builder()
        .restBaseUrl(wm.getHttpBaseUrl() + "/trade-api/v2")
        .wsUrl("ws://127.0.0.1:1/trade-api/ws/v2")
        .credentials(KalshiTestSupport.credentials())
        .requestTimeout(Duration.ofMillis(800))
        .reconnectBackoff(Duration.ofMillis(5), Duration.ofMillis(20));
  }

  private static KalshiVenue venue(WireMockRuntimeInfo wm) {
    return new KalshiVenue(vertx, config(wm).build());
  }

  private static OrderRequest order(String id, String ticker, Outcome outcome, Side side, String price, String size) {
    return new OrderRequest(new ClientOrderId(id), InstrumentId.kalshi(ticker), outcome, side, Price.parse(price),
        Quantity.parse(size), TimeInForce.GTC, false, null);
  }

  private static void created(String body) {
    stubFor(post(urlEqualTo(ORDERS)).willReturn(aResponse().withStatus(201).withBody(body)));
  }

  @Test
  void buyingNoIsAnAskAtTheYesPriceWithClientIdAndExchangeIndex(WireMockRuntimeInfo wm) throws Exception {
    created("{\"order_id\":\"ord-9\",\"client_order_id\":\"c-1\",\"fill_count\":\"0.00\",\"remaining_count\":\"10.00\",\"ts_ms\":1}");

    SubmitResult result = await(venue(wm).submit(order("c-1", BTC, Outcome.NO, Side.BUY, "0.45", "10")));

    assertThat(result).isEqualTo(new SubmitResult.Accepted(new ClientOrderId("c-1"), new VenueOrderId("ord-9"),
        OrderStatus.OPEN, Quantity.ZERO));
    verify(postRequestedFor(urlEqualTo(ORDERS)).withRequestBody(equalToJson(
        "{\"ticker\":\"" + BTC + "\",\"client_order_id\":\"c-1\",\"side\":\"ask\",\"count\":\"10.00\",\"price\":\"0.5500\","
            + "\"time_in_force\":\"good_till_canceled\",\"self_trade_prevention_type\":\"taker_at_cross\",\"exchange_index\":2}")));
  }

  @Test
  void sellingNoIsABidAndIocFillsReportTheirStatus(WireMockRuntimeInfo wm) throws Exception {
    created("{\"order_id\":\"o\",\"fill_count\":\"4.00\",\"remaining_count\":\"0.00\",\"ts_ms\":1}");
    OrderRequest ioc = new OrderRequest(new ClientOrderId("c-2"), InstrumentId.kalshi(FED), Outcome.NO, Side.SELL,
        Price.parse("0.40"), Quantity.of(5), TimeInForce.IOC, false, null);

    SubmitResult result = await(venue(wm).submit(ioc));

    assertThat(result).isEqualTo(new SubmitResult.Accepted(new ClientOrderId("c-2"), new VenueOrderId("o"),
        OrderStatus.CANCELLED, Quantity.of(4)));
    verify(postRequestedFor(urlEqualTo(ORDERS)).withRequestBody(equalToJson(
        "{\"ticker\":\"" + FED + "\",\"client_order_id\":\"c-2\",\"side\":\"bid\",\"count\":\"5.00\",\"price\":\"0.6000\","
            + "\"time_in_force\":\"immediate_or_cancel\",\"self_trade_prevention_type\":\"taker_at_cross\",\"exchange_index\":0}")));
  }

  @Test
  void offTickPricesAndBadSizesAreDeniedWithoutSending(WireMockRuntimeInfo wm) throws Exception {
    KalshiVenue venue = venue(wm);

    SubmitResult offTick = await(venue.submit(order("d-1", FED, Outcome.YES, Side.BUY, "0.425", "1")));
    SubmitResult subCentInCentBand = await(venue.submit(order("d-2", BTC, Outcome.YES, Side.BUY, "0.505", "1")));
    SubmitResult fractionalOnWholeMarket = await(venue.submit(order("d-3", FED, Outcome.YES, Side.BUY, "0.42", "1.5")));
    SubmitResult tooFine = await(venue.submit(order("d-4", BTC, Outcome.YES, Side.BUY, "0.42", "1.005")));

    assertThat(offTick).isInstanceOf(SubmitResult.Denied.class);
    assertThat(((SubmitResult.Denied) offTick).reason()).contains("tick");
    assertThat(subCentInCentBand).isInstanceOf(SubmitResult.Denied.class);
    assertThat(fractionalOnWholeMarket).isInstanceOf(SubmitResult.Denied.class);
    assertThat(tooFine).isInstanceOf(SubmitResult.Denied.class);
    verify(exactly(0), postRequestedFor(urlEqualTo(ORDERS)));
  }

  @Test
  void subCentPricesInFineBandsAndFractionalSizesAreSent(WireMockRuntimeInfo wm) throws Exception {
    created("{\"order_id\":\"o\",\"fill_count\":\"0\",\"remaining_count\":\"2.5\"}");

    SubmitResult result = await(venue(wm).submit(order("f-1", BTC, Outcome.YES, Side.BUY, "0.055", "2.5")));

    assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
    verify(postRequestedFor(urlEqualTo(ORDERS))
        .withRequestBody(equalToJson("{\"price\":\"0.0550\",\"count\":\"2.50\"}", true, true)));
  }

  @Test
  void venueRefusalsAreRejectedWithTheirCode(WireMockRuntimeInfo wm) throws Exception {
    stubFor(post(urlEqualTo(ORDERS)).willReturn(aResponse().withStatus(400)
        .withBody("{\"code\":\"market_inactive\",\"message\":\"market is closed\",\"details\":\"\"}")));

    SubmitResult result = await(venue(wm).submit(order("r-1", FED, Outcome.YES, Side.BUY, "0.42", "1")));

    assertThat(result).isInstanceOf(SubmitResult.Rejected.class);
    assertThat(((SubmitResult.Rejected) result).venueCode()).isEqualTo("market_inactive");
  }

  @Test
  void aTimeoutOrA5xxIsUnknownAndNotResent(WireMockRuntimeInfo wm) throws Exception {
    stubFor(post(urlEqualTo(ORDERS)).willReturn(aResponse().withStatus(201).withBody("{\"order_id\":\"late\"}")
        .withFixedDelay(2000)));

    SubmitResult result = await(venue(wm).submit(order("u-1", FED, Outcome.YES, Side.BUY, "0.42", "1")));

    assertThat(result).isInstanceOf(SubmitResult.Unknown.class);
    assertThat(((SubmitResult.Unknown) result).reason()).contains("timed out");
    verify(exactly(1), postRequestedFor(urlEqualTo(ORDERS)));

    stubFor(post(urlEqualTo(ORDERS)).willReturn(aResponse().withStatus(502)));
    assertThat(await(venue(wm).submit(order("u-2", FED, Outcome.YES, Side.BUY, "0.42", "1"))))
        .isInstanceOf(SubmitResult.Unknown.class);
  }

  @Test
  void aRateLimitedCreateIsRetriedBecauseThe429ProvesItWasNotTaken(WireMockRuntimeInfo wm) throws Exception {
    stubFor(post(urlEqualTo(ORDERS)).inScenario("rl").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
        .willReturn(aResponse().withStatus(429).withBody("{\"error\":\"too many requests\"}")));
    stubFor(post(urlEqualTo(ORDERS)).inScenario("rl").whenScenarioStateIs("ok")
        .willReturn(aResponse().withStatus(201).withBody("{\"order_id\":\"o\",\"fill_count\":\"0\",\"remaining_count\":\"1\"}")));

    assertThat(await(venue(wm).submit(order("rl-1", FED, Outcome.YES, Side.BUY, "0.42", "1"))))
        .isInstanceOf(SubmitResult.Accepted.class);
    verify(exactly(2), postRequestedFor(urlEqualTo(ORDERS)));
  }

  @Test
  void anUnknownIsResolvedByClientOrderIdAcrossPages(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(urlEqualTo("/trade-api/v2/portfolio/orders?limit=200")).willReturn(okJson(
        "{\"orders\":[{\"order_id\":\"a\",\"client_order_id\":\"other\",\"ticker\":\"" + FED + "\",\"outcome_side\":\"yes\","
            + "\"book_side\":\"bid\",\"status\":\"resting\",\"yes_price_dollars\":\"0.4200\",\"fill_count_fp\":\"0.00\","
            + "\"remaining_count_fp\":\"1.00\",\"initial_count_fp\":\"1.00\"}],\"cursor\":\"p2\"}")));
    stubFor(get(urlEqualTo("/trade-api/v2/portfolio/orders?limit=200&cursor=p2")).willReturn(okJson(
        "{\"orders\":[{\"order_id\":\"b\",\"client_order_id\":\"wanted\",\"ticker\":\"" + FED + "\",\"outcome_side\":\"no\","
            + "\"book_side\":\"ask\",\"status\":\"executed\",\"yes_price_dollars\":\"0.5500\",\"no_price_dollars\":\"0.4500\","
            + "\"fill_count_fp\":\"3.00\",\"remaining_count_fp\":\"0.00\",\"initial_count_fp\":\"3.00\","
            + "\"created_time\":\"2026-11-27T04:00:00Z\"}],\"cursor\":\"\"}")));
    KalshiVenue venue = venue(wm);

    Optional<OrderReport> found = await(venue.findOrder(new ClientOrderId("wanted")));
    Optional<OrderReport> missing = await(venue.findOrder(new ClientOrderId("never-sent")));

    assertThat(found).hasValueSatisfying(report -> {
      assertThat(report.venueOrderId()).isEqualTo(new VenueOrderId("b"));
      assertThat(report.outcome()).isEqualTo(Outcome.NO);
      assertThat(report.side()).isEqualTo(Side.BUY);
      assertThat(report.price()).isEqualTo(Price.parse("0.45"));
      assertThat(report.status()).isEqualTo(OrderStatus.FILLED);
      assertThat(report.filled()).isEqualTo(Quantity.of(3));
      assertThat(report.createdAt()).isEqualTo(Instant.parse("2026-11-27T04:00:00Z"));
    });
    assertThat(missing).isEmpty();
  }

  @Test
  void reportsKeepTheDirectionWeAskedFor(WireMockRuntimeInfo wm) throws Exception {
    created("{\"order_id\":\"s\",\"fill_count\":\"0\",\"remaining_count\":\"1\"}");
    stubFor(get(urlEqualTo("/trade-api/v2/portfolio/orders?ticker=" + FED + "&limit=200")).willReturn(okJson(
        "{\"orders\":[{\"order_id\":\"s\",\"client_order_id\":\"sell-yes\",\"ticker\":\"" + FED + "\","
            + "\"outcome_side\":\"no\",\"book_side\":\"ask\",\"status\":\"resting\",\"yes_price_dollars\":\"0.6000\","
            + "\"fill_count_fp\":\"0.00\",\"remaining_count_fp\":\"1.00\",\"initial_count_fp\":\"1.00\"}],\"cursor\":\"\"}")));
    KalshiVenue venue = venue(wm);

    await(venue.submit(order("sell-yes", FED, Outcome.YES, Side.SELL, "0.60", "1")));
    OrderReport report = await(venue.findOrder(new ClientOrderId("sell-yes"))).orElseThrow();

    assertThat(report.outcome()).isEqualTo(Outcome.YES);
    assertThat(report.side()).isEqualTo(Side.SELL);
    assertThat(report.price()).isEqualTo(Price.parse("0.60"));
  }

  @Test
  void prepareGivesTheSignedRequestWithTheKeyRedacted(WireMockRuntimeInfo wm) throws Exception {
    WireRequest wire = await(venue(wm).prepare(order("p-1", FED, Outcome.NO, Side.BUY, "0.45", "3")));

    assertThat(wire.method()).isEqualTo("POST");
    assertThat(wire.url()).isEqualTo(wm.getHttpBaseUrl() + ORDERS);
    assertThat(wire.body()).contains("\"side\":\"ask\"", "\"price\":\"0.5500\"", "\"client_order_id\":\"p-1\"");
    Map<String, String> headers = wire.headers().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(headers.get("KALSHI-ACCESS-KEY")).isEqualTo(WireRequest.REDACTED);
    assertThat(wire.toString()).doesNotContain(KalshiTestSupport.KEY_ID);
    assertThat(KalshiSigner.verify(KalshiTestSupport.publicKey(),
        headers.get("KALSHI-ACCESS-TIMESTAMP") + "POST" + ORDERS, headers.get("KALSHI-ACCESS-SIGNATURE"))).isTrue();
    verify(exactly(0), postRequestedFor(urlEqualTo(ORDERS)));
  }

  @Test
  void cancelMapsReducedAndMissingOrders(WireMockRuntimeInfo wm) throws Exception {
    stubFor(delete(urlEqualTo(ORDERS + "/live")).willReturn(okJson("{\"order_id\":\"live\",\"reduced_by\":\"2.00\",\"ts_ms\":1}")));
    stubFor(delete(urlEqualTo(ORDERS + "/gone")).willReturn(aResponse().withStatus(404)
        .withBody("{\"code\":\"not_found\",\"message\":\"order not found\"}")));
    KalshiVenue venue = venue(wm);

    assertThat(await(venue.cancel(new VenueOrderId("live")))).isEqualTo(CancelResult.CANCELLED);
    assertThat(await(venue.cancel(new VenueOrderId("gone")))).isEqualTo(CancelResult.NOT_OPEN);
  }

  @Test
  void cancelAllCancelsTheOpenOrdersInBatchesAndNamesThem(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(urlEqualTo("/trade-api/v2/portfolio/orders?status=resting&limit=200")).willReturn(okJson(
        "{\"orders\":[" + restingOrder("x") + "," + restingOrder("y") + "],\"cursor\":\"\"}")));
    stubFor(delete(urlEqualTo(ORDERS + "/batched")).willReturn(okJson(
        "{\"orders\":[{\"order_id\":\"x\",\"reduced_by\":\"1.00\"},"
            + "{\"order_id\":\"y\",\"reduced_by\":\"0.00\",\"error\":{\"code\":\"not_found\",\"message\":\"gone\"}}]}")));

    List<VenueOrderId> cancelled = await(venue(wm).cancelAll());

    assertThat(cancelled).containsExactly(new VenueOrderId("x"));
  }

  private static String restingOrder(String id) {
    return "{\"order_id\":\"" + id + "\",\"client_order_id\":\"c" + id + "\",\"ticker\":\"" + FED + "\",\"outcome_side\":\"yes\","
        + "\"book_side\":\"bid\",\"status\":\"resting\",\"yes_price_dollars\":\"0.4200\",\"fill_count_fp\":\"0.00\","
        + "\"remaining_count_fp\":\"1.00\",\"initial_count_fp\":\"1.00\"}";
  }

  @Test
  void fillsArePagedFromSinceAndUseTheTradeId(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(urlEqualTo("/trade-api/v2/portfolio/fills?min_ts=1795000000&limit=200")).willReturn(okJson(
        "{\"fills\":[{\"fill_id\":\"f2\",\"trade_id\":\"t2\",\"order_id\":\"o\",\"ticker\":\"" + FED + "\",\"outcome_side\":\"no\","
            + "\"book_side\":\"ask\",\"count_fp\":\"1.50\",\"yes_price_dollars\":\"0.5510\",\"no_price_dollars\":\"0.4490\","
            + "\"is_taker\":true,\"fee_cost\":\"0.0200\",\"created_time\":\"2026-11-27T04:00:02Z\"}],\"cursor\":\"n\"}")));
    stubFor(get(urlEqualTo("/trade-api/v2/portfolio/fills?min_ts=1795000000&limit=200&cursor=n")).willReturn(okJson(
        "{\"fills\":[{\"fill_id\":\"f1\",\"trade_id\":\"t1\",\"order_id\":\"o\",\"ticker\":\"" + FED + "\",\"outcome_side\":\"yes\","
            + "\"book_side\":\"bid\",\"count_fp\":\"2.00\",\"yes_price_dollars\":\"0.4200\",\"no_price_dollars\":\"0.5800\","
            + "\"is_taker\":false,\"fee_cost\":\"0.0000\",\"created_time\":\"2026-11-27T04:00:01Z\"}],\"cursor\":\"\"}")));

    List<Fill> fills = await(venue(wm).fills(Instant.ofEpochSecond(1795000000L)));

    assertThat(fills).extracting(Fill::fillId).containsExactly("t1", "t2");
    Fill no = fills.get(1);
    assertThat(no.outcome()).isEqualTo(Outcome.NO);
    assertThat(no.side()).isEqualTo(Side.BUY);
    assertThat(no.price()).isEqualTo(Price.parse("0.449"));
    assertThat(no.quantity()).isEqualTo(Quantity.parse("1.5"));
    assertThat(no.fee()).isEqualTo(Money.parse("0.02"));
  }

  @Test
  void balanceAndPositionsMapToCore(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(urlEqualTo("/trade-api/v2/portfolio/balance")).willReturn(okJson(
        "{\"balance\":12345,\"balance_dollars\":\"123.4567\",\"portfolio_value\":5000,\"updated_ts\":1}")));
    stubFor(get(urlPathEqualTo("/trade-api/v2/portfolio/positions")).willReturn(okJson(
        "{\"market_positions\":[{\"ticker\":\"" + FED + "\",\"position_fp\":\"-3.50\",\"market_exposure_dollars\":\"1.9250\"},"
            + "{\"ticker\":\"" + BTC + "\",\"position_fp\":\"0.00\",\"market_exposure_dollars\":\"0.0000\"},"
            + "{\"ticker\":\"KXRAIN\",\"position_fp\":\"10.00\",\"market_exposure_dollars\":\"4.0000\"}],"
            + "\"event_positions\":[],\"cursor\":\"\"}")));
    KalshiVenue venue = venue(wm);

    Balance balance = await(venue.balance());
    List<PositionReport> positions = await(venue.positions());

    assertThat(balance.available()).isEqualTo(Money.parse("123.4567"));
    assertThat(balance.portfolioValue()).isEqualTo(Money.parse("50"));
    assertThat(positions).containsExactly(
        new PositionReport(InstrumentId.kalshi(FED), Outcome.NO, Quantity.parse("3.5"), Money.parse("1.925")),
        new PositionReport(InstrumentId.kalshi("KXRAIN"), Outcome.YES, Quantity.of(10), Money.parse("4")));
  }

  @Test
  void instrumentsCarryTheTickBandsAndSizeSteps(WireMockRuntimeInfo wm) throws Exception {
    KalshiVenue venue = venue(wm);

    Instrument btc = await(venue.instrument(InstrumentId.kalshi(BTC)));
    Instrument fed = await(venue.instrument(InstrumentId.kalshi(FED)));

    assertThat(btc.tickGrid().isOnTick(Price.parse("0.055"))).isTrue();
    assertThat(btc.tickGrid().isOnTick(Price.parse("0.505"))).isFalse();
    assertThat(btc.tickGrid().isOnTick(Price.parse("0.955"))).isTrue();
    assertThat(btc.sizeStep()).isEqualTo(Quantity.parse("0.01"));
    assertThat(fed.tickGrid().isOnTick(Price.parse("0.055"))).isFalse();
    assertThat(fed.sizeStep()).isEqualTo(Quantity.of(1));
    // Cached for a while: two reads, one request.
    await(venue.instrument(InstrumentId.kalshi(BTC)));
    verify(exactly(1), getRequestedFor(urlEqualTo("/trade-api/v2/markets/" + BTC)));
  }

  @Test
  void feesComeFromTheSeriesTypeAndMultiplier(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(urlEqualTo("/trade-api/v2/events/KXFED-26DEC")).willReturn(okJson(
        "{\"event\":{\"event_ticker\":\"KXFED-26DEC\",\"series_ticker\":\"KXFED\",\"title\":\"Fed\"}}")));
    stubFor(get(urlEqualTo("/trade-api/v2/series/KXFED")).willReturn(okJson(
        "{\"series\":{\"ticker\":\"KXFED\",\"fee_type\":\"quadratic_with_maker_fees\",\"fee_multiplier\":1}}")));

    FeeModel fees = await(venue(wm).fees(InstrumentId.kalshi(FED)));

    assertThat(fees).isEqualTo(KalshiFeeModel.of("quadratic_with_maker_fees", "1"));
    // The reference example: 10 contracts at $0.50 as taker → $0.175 → rounded up.
    assertThat(fees.takerFee(Price.parse("0.5"), Quantity.of(10)).compareTo(Money.parse("0.175"))).isGreaterThanOrEqualTo(0);
  }

  @Test
  void marketsFilterBySearchWordsAndFollowCursors(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(urlEqualTo("/trade-api/v2/markets?limit=1000")).willReturn(okJson(resource("kalshi/http_get_markets_page1.json"))));
    stubFor(get(urlEqualTo("/trade-api/v2/markets?limit=1000&cursor=page-2"))
        .willReturn(okJson(resource("kalshi/http_get_markets_page2.json"))));

    List<MarketInfo> rain = await(venue(wm).markets(new MarketQuery("rain nyc", false, 5)));
    List<MarketInfo> fed = await(venue(wm).markets(new MarketQuery("FED", false, 5)));

    assertThat(rain).extracting(MarketInfo::marketId).containsExactly("KXRAIN-26NOV30");
    assertThat(rain.get(0).open()).isFalse();
    assertThat(fed).hasSize(1);
    MarketInfo info = fed.get(0);
    assertThat(info.open()).isTrue();
    assertThat(info.yes()).isEqualTo(InstrumentId.kalshi(FED)).isEqualTo(info.no());
    assertThat(info.closeTime()).isEqualTo(Instant.parse("2026-12-16T18:55:00Z"));
    assertThat(info.rules()).contains("federal funds", "Source: Federal Reserve.");
  }

  @Test
  void restSnapshotsTurnNoBidsIntoYesAsks(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(urlEqualTo("/trade-api/v2/markets/" + FED + "/orderbook"))
        .willReturn(okJson(resource("kalshi/http_get_orderbook.json"))));

    BookSnapshot book = await(venue(wm).snapshot(InstrumentId.kalshi(FED)));

    assertThat(book.bids()).containsExactly(Level.of("0.41", "13"), Level.of("0.39", "7.5"), Level.of("0.0015", "100"));
    assertThat(book.asks()).containsExactly(Level.of("0.43", "40"), Level.of("0.45", "2.25"));
  }

  @Test
  void withoutCredentialsSubmitIsDenied(WireMockRuntimeInfo wm) throws Exception {
    KalshiVenue anonymous = new KalshiVenue(vertx, config(wm).credentials(null).build());

    SubmitResult result = await(anonymous.submit(order("n-1", FED, Outcome.YES, Side.BUY, "0.42", "1")));

    assertThat(result).isInstanceOf(SubmitResult.Denied.class);
    assertThat(((SubmitResult.Denied) result).reason()).contains("KALSHI_API_KEY_ID");
  }
}
