package io.github.crossarb.kalshi.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
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
import static io.github.crossarb.kalshi.KalshiTestSupport.failure;
import static io.github.crossarb.kalshi.KalshiTestSupport.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.crossarb.core.venue.RateLimitedException;
import io.github.crossarb.core.venue.VenueAuthException;
import io.github.crossarb.core.venue.VenueConfigException;
import io.github.crossarb.core.venue.VenueProtocolException;
import io.github.crossarb.core.venue.VenueRejectedException;
import io.github.crossarb.core.venue.VenueUnavailableException;
import io.github.crossarb.kalshi.KalshiConfig;
import io.github.crossarb.kalshi.KalshiTestSupport;
import io.github.crossarb.kalshi.auth.KalshiSigner;
import io.github.crossarb.kalshi.dto.KalshiMarketData;
import io.github.crossarb.kalshi.dto.KalshiOrders;
import io.github.crossarb.kalshi.dto.KalshiPortfolio;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@WireMockTest
@Timeout(60)
class KalshiRestClientTest {
  private static Vertx vertx;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() throws Exception {
    await(vertx.close());
  }

  static KalshiConfig.Builder config(WireMockRuntimeInfo wm) {
    return KalshiConfig.builder()
        .restBaseUrl(wm.getHttpBaseUrl() + "/trade-api/v2")
        .wsUrl("ws://127.0.0.1:1/trade-api/ws/v2")
        .credentials(KalshiTestSupport.credentials())
        .requestTimeout(Duration.ofSeconds(2))
        .reconnectBackoff(Duration.ofMillis(5), Duration.ofMillis(20));
  }

  private static KalshiRestClient client(WireMockRuntimeInfo wm) {
    return new KalshiRestClient(vertx, config(wm).build());
  }

  @Test
  void signsPrivateCallsOverThePathWithPrefixAndWithoutQuery(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(urlPathEqualTo("/trade-api/v2/portfolio/fills")).willReturn(okJson("{\"fills\":[],\"cursor\":\"\"}")));

    await(client(wm).getFills("KXFED-26DEC-T4.25", null, 1700000000L, null, 100, "abc"));

    List<LoggedRequest> requests = findAll(getRequestedFor(urlPathEqualTo("/trade-api/v2/portfolio/fills")));
    assertThat(requests).hasSize(1);
    LoggedRequest request = requests.get(0);
    assertThat(request.getUrl())
        .isEqualTo("/trade-api/v2/portfolio/fills?ticker=KXFED-26DEC-T4.25&min_ts=1700000000&limit=100&cursor=abc");
    assertThat(request.getHeader("KALSHI-ACCESS-KEY")).isEqualTo(KalshiTestSupport.KEY_ID);
    String timestamp = request.getHeader("KALSHI-ACCESS-TIMESTAMP");
    assertThat(timestamp).matches("\\d{13}");
    assertThat(KalshiSigner.verify(KalshiTestSupport.publicKey(), timestamp + "GET/trade-api/v2/portfolio/fills",
        request.getHeader("KALSHI-ACCESS-SIGNATURE"))).isTrue();
  }

  @Test
  void publicCallsWorkWithoutCredentialsAndPrivateOnesFailAsConfiguration(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(urlEqualTo("/trade-api/v2/exchange/status"))
        .willReturn(okJson("{\"exchange_active\":true,\"trading_active\":false,\"exchange_estimated_resume_time\":null}")));
    KalshiRestClient anonymous = new KalshiRestClient(vertx, config(wm).credentials(null).build());

    KalshiMarketData.ExchangeStatus status = await(anonymous.getExchangeStatus());

    assertThat(status.exchangeActive()).isTrue();
    assertThat(status.tradingActive()).isFalse();
    assertThat(findAll(getRequestedFor(urlEqualTo("/trade-api/v2/exchange/status"))).get(0).containsHeader("KALSHI-ACCESS-KEY"))
        .isFalse();
    assertThat(failure(anonymous.getBalance())).isInstanceOf(VenueConfigException.class)
        .hasMessageContaining("KALSHI_API_KEY_ID");
  }

  @Test
  void paginatesMarketsWithFiltersAndParsesTickBands(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(urlEqualTo("/trade-api/v2/markets?limit=2&series_ticker=KXFED&status=open"))
        .willReturn(okJson(resource("kalshi/http_get_markets_page1.json"))));
    stubFor(get(urlEqualTo("/trade-api/v2/markets?limit=2&cursor=page-2&series_ticker=KXFED&status=open"))
        .willReturn(okJson(resource("kalshi/http_get_markets_page2.json"))));
    KalshiRestClient client = client(wm);
    KalshiRestClient.MarketsFilter filter =
        new KalshiRestClient.MarketsFilter(2, null, null, "KXFED", "open", null, null, null, null);

    KalshiMarketData.MarketsPage first = await(client.getMarkets(filter));
    KalshiMarketData.MarketsPage second = await(client.getMarkets(filter.withCursor(first.cursor())));

    assertThat(first.markets()).extracting(KalshiMarketData.Market::ticker)
        .containsExactly("KXFED-26DEC-T4.25", "KXBTC-26DEC31-B100000");
    assertThat(first.markets().get(1).priceRanges()).hasSize(3);
    assertThat(first.markets().get(1).exchangeIndex()).isEqualTo(2);
    assertThat(second.cursor()).isEmpty();
    assertThat(second.markets()).hasSize(1);
  }

  @Test
  void paginatesEventsWithFilters(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(urlEqualTo("/trade-api/v2/events?limit=200&status=open&series_ticker=KXFED&with_nested_markets=true"))
        .willReturn(okJson("{\"events\":[{\"event_ticker\":\"KXFED-26DEC\",\"series_ticker\":\"KXFED\",\"title\":\"Fed\","
            + "\"markets\":[{\"ticker\":\"KXFED-26DEC-T4.25\",\"status\":\"active\"}],\"fee_multiplier_override\":0.25}],"
            + "\"cursor\":\"e2\"}")));
    stubFor(get(urlEqualTo("/trade-api/v2/events?limit=200&cursor=e2&status=open&series_ticker=KXFED&with_nested_markets=true"))
        .willReturn(okJson("{\"events\":[],\"cursor\":\"\"}")));
    KalshiRestClient.EventsFilter filter = new KalshiRestClient.EventsFilter(200, null, "open", "KXFED", true, null);

    KalshiMarketData.EventsPage first = await(client(wm).getEvents(filter));
    KalshiMarketData.EventsPage second = await(client(wm).getEvents(filter.withCursor(first.cursor())));

    assertThat(first.events()).singleElement().satisfies(event -> {
      assertThat(event.seriesTicker()).isEqualTo("KXFED");
      assertThat(event.markets()).extracting(KalshiMarketData.Market::ticker).containsExactly("KXFED-26DEC-T4.25");
      assertThat(event.feeMultiplierOverride()).isEqualByComparingTo("0.25");
    });
    assertThat(second.events()).isEmpty();
  }

  @Test
  void readsTheOrderbookAndSeries(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(urlEqualTo("/trade-api/v2/markets/KXFED-26DEC-T4.25/orderbook"))
        .willReturn(okJson(resource("kalshi/http_get_orderbook.json"))));
    stubFor(get(urlEqualTo("/trade-api/v2/series/KXFED")).willReturn(okJson(
        "{\"series\":{\"ticker\":\"KXFED\",\"title\":\"Fed\",\"fee_type\":\"quadratic_with_maker_fees\",\"fee_multiplier\":0.5}}")));
    KalshiRestClient client = client(wm);

    KalshiMarketData.OrderbookFp book = await(client.getOrderbook("KXFED-26DEC-T4.25", 0));
    KalshiMarketData.Series series = await(client.getSeries("KXFED"));

    assertThat(book.yesDollars()).hasSize(3).first().isEqualTo(List.of("0.0015", "100.00"));
    assertThat(book.noDollars()).hasSize(2);
    assertThat(series.feeType()).isEqualTo("quadratic_with_maker_fees");
    assertThat(series.feeMultiplier()).isEqualByComparingTo("0.5");
  }

  @Test
  void createsV2OrdersWithTheDocumentedBody(WireMockRuntimeInfo wm) throws Exception {
    stubFor(post(urlEqualTo("/trade-api/v2/portfolio/events/orders")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"order_id\":\"ord-1\",\"client_order_id\":\"c-1\",\"fill_count\":\"2.50\",\"remaining_count\":\"7.50\","
            + "\"average_fill_price\":\"0.5500\",\"ts_ms\":1795752151153}")));
    KalshiOrders.CreateOrderRequest body = new KalshiOrders.CreateOrderRequest("KXFED-26DEC-T4.25", "c-1", "ask", "10.00",
        "0.5500", "good_till_canceled", "taker_at_cross", null, null, null, 0);

    KalshiOrders.CreateOrderResponse response = await(client(wm).createOrder(body));

    assertThat(response.orderId()).isEqualTo("ord-1");
    assertThat(response.fillCount()).isEqualTo("2.50");
    verify(postRequestedFor(urlEqualTo("/trade-api/v2/portfolio/events/orders")).withRequestBody(equalToJson(
        "{\"ticker\":\"KXFED-26DEC-T4.25\",\"client_order_id\":\"c-1\",\"side\":\"ask\",\"count\":\"10.00\","
            + "\"price\":\"0.5500\",\"time_in_force\":\"good_till_canceled\","
            + "\"self_trade_prevention_type\":\"taker_at_cross\",\"exchange_index\":0}")));
  }

  @Test
  void orderSubmitsCarryFreshNeverRepeatedSignaturesOverTheirOwnPath(WireMockRuntimeInfo wm) throws Exception {
    stubFor(post(urlEqualTo("/trade-api/v2/portfolio/events/orders")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("{\"order_id\":\"o\"}")));
    KalshiRestClient client = client(wm);
    try {
      // The first submit signs inline and starts the worker; later ones take pre-signed sets when ready.
      for (int i = 0; i < 6; i++) {
        KalshiOrders.CreateOrderRequest body = new KalshiOrders.CreateOrderRequest("T", "c-" + i, "bid", "1.00",
            "0.5000", "good_till_canceled", "taker_at_cross", null, null, null, 0);
        long before = System.currentTimeMillis();
        await(client.createOrder(body));
        List<LoggedRequest> sent = findAll(postRequestedFor(urlEqualTo("/trade-api/v2/portfolio/events/orders")));
        long timestamp = Long.parseLong(sent.get(sent.size() - 1).getHeader("KALSHI-ACCESS-TIMESTAMP"));
        assertThat(before - timestamp).as("signed at most 1 s before it was sent").isLessThanOrEqualTo(1_000);
      }
      List<LoggedRequest> sent = findAll(postRequestedFor(urlEqualTo("/trade-api/v2/portfolio/events/orders")));
      assertThat(sent).hasSize(6);
      for (LoggedRequest request : sent) {
        assertThat(KalshiSigner.verify(KalshiTestSupport.publicKey(),
            request.getHeader("KALSHI-ACCESS-TIMESTAMP") + "POST/trade-api/v2/portfolio/events/orders",
            request.getHeader("KALSHI-ACCESS-SIGNATURE"))).isTrue();
      }
      assertThat(sent).extracting(r -> r.getHeader("KALSHI-ACCESS-SIGNATURE")).doesNotHaveDuplicates();
    } finally {
      client.close();
    }
  }

  @Test
  void batchCreateReportsEachItemOnItsOwn(WireMockRuntimeInfo wm) throws Exception {
    stubFor(post(urlEqualTo("/trade-api/v2/portfolio/events/orders/batched")).willReturn(okJson(
        "{\"orders\":[{\"order_id\":\"o1\",\"client_order_id\":\"a\",\"fill_count\":\"0.00\",\"remaining_count\":\"1.00\"},"
            + "{\"client_order_id\":\"b\",\"error\":{\"code\":\"insufficient_balance\",\"message\":\"no money\"}}]}")));
    KalshiOrders.CreateOrderRequest a = new KalshiOrders.CreateOrderRequest("T", "a", "bid", "1.00", "0.0150",
        "good_till_canceled", "taker_at_cross", true, null, null, null);

    KalshiOrders.BatchCreateResponse response = await(client(wm).batchCreateOrders(List.of(a, a)));

    assertThat(response.orders()).hasSize(2);
    assertThat(response.orders().get(0).error()).isNull();
    assertThat(response.orders().get(1).error().code()).isEqualTo("insufficient_balance");
  }

  @Test
  void cancelAmendDecreaseAndCancelAllUseTheV2Paths(WireMockRuntimeInfo wm) throws Exception {
    stubFor(delete(urlEqualTo("/trade-api/v2/portfolio/events/orders/ord-1?market_ticker=T&exchange_index=1"))
        .willReturn(okJson("{\"order_id\":\"ord-1\",\"client_order_id\":\"c\",\"reduced_by\":\"3.00\",\"ts_ms\":1}")));
    stubFor(post(urlEqualTo("/trade-api/v2/portfolio/events/orders/ord-1/amend"))
        .willReturn(okJson("{\"order_id\":\"ord-2\",\"remaining_count\":\"5.00\",\"fill_count\":\"0.00\",\"ts_ms\":2}")));
    stubFor(post(urlEqualTo("/trade-api/v2/portfolio/events/orders/ord-2/decrease"))
        .willReturn(okJson("{\"order_id\":\"ord-2\",\"remaining_count\":\"3.00\",\"ts_ms\":3}")));
    stubFor(delete(urlEqualTo("/trade-api/v2/portfolio/events/orders/batched"))
        .willReturn(okJson("{\"orders\":[{\"order_id\":\"x\",\"reduced_by\":\"1.00\"}]}")));
    stubFor(delete(urlEqualTo("/trade-api/v2/portfolio/events/orders")).willReturn(aResponse().withStatus(200)));
    KalshiRestClient client = client(wm);

    assertThat(await(client.cancelOrder("ord-1", "T", 1)).reducedBy()).isEqualTo("3.00");
    assertThat(await(client.amendOrder("ord-1", new KalshiOrders.AmendRequest("T", "bid", "0.4200", "5", null, null)))
        .orderId()).isEqualTo("ord-2");
    assertThat(await(client.decreaseOrder("ord-2", new KalshiOrders.DecreaseRequest("2.00", null))).remainingCount())
        .isEqualTo("3.00");
    assertThat(await(client.batchCancelOrders(List.of(new KalshiOrders.BatchCancelItem("x", null, null)))).orders())
        .hasSize(1);
    await(client.cancelAllOrders());

    verify(postRequestedFor(urlEqualTo("/trade-api/v2/portfolio/events/orders/ord-1/amend"))
        .withRequestBody(equalToJson("{\"ticker\":\"T\",\"side\":\"bid\",\"price\":\"0.4200\",\"count\":\"5\"}")));
    verify(postRequestedFor(urlEqualTo("/trade-api/v2/portfolio/events/orders/ord-2/decrease"))
        .withRequestBody(equalToJson("{\"reduce_by\":\"2.00\"}")));
    verify(deleteRequestedFor(urlEqualTo("/trade-api/v2/portfolio/events/orders/batched"))
        .withRequestBody(equalToJson("{\"orders\":[{\"order_id\":\"x\"}]}")));
  }

  @Test
  void readsPortfolioWithFractionalCountsAndSubCentPrices(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(urlPathEqualTo("/trade-api/v2/portfolio/orders")).willReturn(okJson(
        "{\"orders\":[{\"order_id\":\"o\",\"client_order_id\":\"c\",\"ticker\":\"T\",\"outcome_side\":\"no\","
            + "\"book_side\":\"ask\",\"type\":\"limit\",\"status\":\"resting\",\"yes_price_dollars\":\"0.0015\","
            + "\"no_price_dollars\":\"0.9985\",\"fill_count_fp\":\"0.25\",\"remaining_count_fp\":\"1.75\","
            + "\"initial_count_fp\":\"2.00\"}],\"cursor\":\"\"}")));
    stubFor(get(urlEqualTo("/trade-api/v2/portfolio/balance")).willReturn(okJson(
        "{\"balance\":12345,\"balance_dollars\":\"123.4500\",\"portfolio_value\":500,\"updated_ts\":1}")));

    KalshiPortfolio.OrdersPage orders = await(client(wm).getOrders("T", "resting", 200, null));
    KalshiPortfolio.Balance balance = await(client(wm).getBalance());

    assertThat(orders.orders().get(0).fillCountFp()).isEqualTo("0.25");
    assertThat(orders.orders().get(0).yesPriceDollars()).isEqualTo("0.0015");
    assertThat(balance.balanceDollars()).isEqualTo("123.4500");
    verify(getRequestedFor(urlEqualTo("/trade-api/v2/portfolio/orders?ticker=T&status=resting&limit=200")));
  }

  @Test
  void getsOneOrderAndTheExchangeSchedule(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(urlEqualTo("/trade-api/v2/portfolio/orders/ord-7")).willReturn(okJson(
        "{\"order\":{\"order_id\":\"ord-7\",\"client_order_id\":\"c-7\",\"ticker\":\"T\",\"outcome_side\":\"yes\","
            + "\"book_side\":\"bid\",\"status\":\"canceled\",\"yes_price_dollars\":\"0.1230\",\"fill_count_fp\":\"1.00\","
            + "\"remaining_count_fp\":\"0.00\",\"initial_count_fp\":\"4.00\",\"exchange_index\":1}}")));
    stubFor(get(urlEqualTo("/trade-api/v2/exchange/schedule")).willReturn(okJson(
        "{\"schedule\":{\"standard_hours\":[{\"start_time\":\"2026-01-01T00:00:00Z\"}],"
            + "\"maintenance_windows\":[{\"start_datetime\":\"2026-11-28T08:00:00Z\",\"end_datetime\":\"2026-11-28T10:00:00Z\"}]}}")));

    KalshiPortfolio.Order order = await(client(wm).getOrder("ord-7"));
    KalshiMarketData.ScheduleResponse schedule = await(client(wm).getExchangeSchedule());

    assertThat(order.clientOrderId()).isEqualTo("c-7");
    assertThat(order.status()).isEqualTo("canceled");
    assertThat(order.exchangeIndex()).isEqualTo(1);
    assertThat(schedule.schedule().maintenanceWindows()).singleElement()
        .extracting(KalshiMarketData.MaintenanceWindow::startDatetime).isEqualTo("2026-11-28T08:00:00Z");
    assertThat(schedule.schedule().standardHours()).hasSize(1);
  }

  @Test
  void venueErrorBodiesBecomeRejectionsWithTheVenueCode(WireMockRuntimeInfo wm) throws Exception {
    stubFor(post(urlEqualTo("/trade-api/v2/portfolio/events/orders")).willReturn(aResponse().withStatus(400)
        .withBody("{\"code\":\"insufficient_balance\",\"message\":\"Insufficient balance\",\"details\":\"need 5.50\"}")));
    KalshiOrders.CreateOrderRequest body = new KalshiOrders.CreateOrderRequest("T", "c", "bid", "1", "0.5000",
        "good_till_canceled", "taker_at_cross", null, null, null, null);

    Throwable failure = failure(client(wm).createOrder(body));

    assertThat(failure).isInstanceOf(VenueRejectedException.class).hasMessageContaining("need 5.50");
    assertThat(((VenueRejectedException) failure).venueCode()).isEqualTo("insufficient_balance");
    assertThat(((VenueRejectedException) failure).httpStatus()).isEqualTo(400);
  }

  @Test
  void wrappedErrorBodiesAndMissingBodiesAreReadToo(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(urlEqualTo("/trade-api/v2/markets/NOPE")).willReturn(aResponse().withStatus(404)
        .withBody("{\"error\":{\"code\":\"not_found\",\"message\":\"market not found\"}}")));
    stubFor(get(urlEqualTo("/trade-api/v2/markets/EMPTY")).willReturn(aResponse().withStatus(409)));

    VenueRejectedException notFound = (VenueRejectedException) failure(client(wm).getMarket("NOPE"));
    VenueRejectedException empty = (VenueRejectedException) failure(client(wm).getMarket("EMPTY"));

    assertThat(notFound.venueCode()).isEqualTo("not_found");
    assertThat(empty.venueCode()).isEqualTo("http_409");
  }

  @Test
  void unauthorizedIsAnAuthErrorThatNamesTheLikelyCause(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(urlEqualTo("/trade-api/v2/portfolio/balance")).willReturn(aResponse().withStatus(401)
        .withBody("{\"code\":\"authentication_error\",\"message\":\"invalid signature\"}")));

    Throwable failure = failure(client(wm).getBalance());

    assertThat(failure).isInstanceOf(VenueAuthException.class)
        .hasMessageContaining("KALSHI_API_KEY_ID")
        .hasMessageNotContaining(KalshiTestSupport.KEY_ID);
  }

  @Test
  void writesAreChargedToTheBucketOfTheirShard(WireMockRuntimeInfo wm) throws Exception {
    stubFor(post(urlEqualTo("/trade-api/v2/portfolio/events/orders")).willReturn(aResponse().withStatus(201)
        .withBody("{\"order_id\":\"o\",\"fill_count\":\"0\",\"remaining_count\":\"1\"}")));
    stubFor(delete(urlEqualTo("/trade-api/v2/portfolio/events/orders/o?market_ticker=T&exchange_index=2"))
        .willReturn(okJson("{\"order_id\":\"o\",\"reduced_by\":\"1.00\"}")));
    stubFor(get(urlEqualTo("/trade-api/v2/exchange/status")).willReturn(okJson("{\"exchange_active\":true,\"trading_active\":true}")));
    // A clock that stands still: no refill, so the charges are exact.
    KalshiRestClient client = new KalshiRestClient(vertx, config(wm)
        .clock(java.time.InstantSource.fixed(java.time.Instant.parse("2026-11-27T04:00:00Z"))).build());

    await(client.createOrder(new KalshiOrders.CreateOrderRequest("T", "c", "bid", "1", "0.5000", "good_till_canceled",
        "taker_at_cross", null, null, null, 2)));
    await(client.cancelOrder("o", "T", 2));
    await(client.getExchangeStatus());

    assertThat(client.writeTokens(2)).isEqualTo(100.0 - 10 - 2); // Basic: 100 write tokens
    assertThat(client.writeTokens(0)).isEqualTo(100.0);
    assertThat(client.readTokens()).isEqualTo(200.0 - 10);
  }

  @Test
  void a429IsRetriedAfterBackoffAndNewlySigned(WireMockRuntimeInfo wm) throws Exception {
    stubFor(post(urlEqualTo("/trade-api/v2/portfolio/events/orders")).inScenario("rl")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
        .willReturn(aResponse().withStatus(429).withBody("{\"error\":\"too many requests\"}")));
    stubFor(post(urlEqualTo("/trade-api/v2/portfolio/events/orders")).inScenario("rl").whenScenarioStateIs("ok")
        .willReturn(aResponse().withStatus(201).withBody("{\"order_id\":\"o\",\"fill_count\":\"0\",\"remaining_count\":\"1\"}")));
    KalshiOrders.CreateOrderRequest body = new KalshiOrders.CreateOrderRequest("T", "c", "bid", "1", "0.5000",
        "good_till_canceled", "taker_at_cross", null, null, null, null);

    assertThat(await(client(wm).createOrder(body)).orderId()).isEqualTo("o");

    List<LoggedRequest> sent = findAll(postRequestedFor(urlEqualTo("/trade-api/v2/portfolio/events/orders")));
    assertThat(sent).hasSize(2);
    assertThat(sent).allSatisfy(r -> assertThat(r.getBodyAsString()).contains("\"client_order_id\":\"c\""));
  }

  @Test
  void a429ThatPersistsIsRateLimited(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(urlEqualTo("/trade-api/v2/portfolio/balance"))
        .willReturn(aResponse().withStatus(429).withBody("{\"error\":\"too many requests\"}")));

    Throwable failure = failure(new KalshiRestClient(vertx, config(wm).maxRateLimitRetries(2).build()).getBalance());

    assertThat(failure).isInstanceOf(RateLimitedException.class).hasMessageContaining("too many requests");
    verify(exactly(3), getRequestedFor(urlEqualTo("/trade-api/v2/portfolio/balance")));
  }

  @Test
  void serverErrorsAreUnavailableAndWritesAreNotRetried(WireMockRuntimeInfo wm) throws Exception {
    stubFor(post(urlEqualTo("/trade-api/v2/portfolio/events/orders")).willReturn(aResponse().withStatus(503)));
    KalshiOrders.CreateOrderRequest body = new KalshiOrders.CreateOrderRequest("T", "c", "bid", "1", "0.5000",
        "good_till_canceled", "taker_at_cross", null, null, null, null);

    assertThat(failure(client(wm).createOrder(body))).isInstanceOf(VenueUnavailableException.class)
        .isNotInstanceOf(RateLimitedException.class);
    verify(exactly(1), postRequestedFor(urlEqualTo("/trade-api/v2/portfolio/events/orders")));
  }

  @Test
  void aReadThatTimesOutIsRetriedThenUnavailable(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(urlEqualTo("/trade-api/v2/exchange/schedule")).willReturn(okJson("{}").withFixedDelay(1500)));
    KalshiRestClient slow = new KalshiRestClient(vertx,
        config(wm).requestTimeout(Duration.ofMillis(200)).maxRateLimitRetries(1).build());

    assertThat(failure(slow.getExchangeSchedule())).isInstanceOf(VenueUnavailableException.class)
        .hasMessageContaining("timed out");
    verify(exactly(2), getRequestedFor(urlEqualTo("/trade-api/v2/exchange/schedule")));
  }

  @Test
  void malformedSuccessBodiesAreProtocolErrors(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(urlEqualTo("/trade-api/v2/markets/T")).willReturn(okJson("{\"market\": [1, 2")));
    stubFor(get(urlEqualTo("/trade-api/v2/markets/T/orderbook")).willReturn(okJson("{\"orderbook\":{}}")));

    assertThat(failure(client(wm).getMarket("T"))).isInstanceOf(VenueProtocolException.class);
    assertThat(failure(client(wm).getOrderbook("T", 0))).isInstanceOf(VenueProtocolException.class)
        .hasMessageContaining("orderbook_fp");
  }
}
