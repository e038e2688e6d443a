package io.github.crossarb.polymarket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.crossarb.core.book.BookSnapshot;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.Instrument;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.TickGrid;
import io.github.crossarb.core.model.VenueOrderId;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.venue.Balance;
import io.github.crossarb.core.venue.CancelResult;
import io.github.crossarb.core.venue.MarketInfo;
import io.github.crossarb.core.venue.OrderReport;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.OrderStatus;
import io.github.crossarb.core.venue.PositionReport;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.core.venue.VenueAuthException;
import io.github.crossarb.core.venue.VenueConfigException;
import io.github.crossarb.core.venue.VenueProtocolException;
import io.github.crossarb.core.venue.VenueUnavailableException;
import io.github.crossarb.core.venue.WireRequest;
import io.github.crossarb.polymarket.auth.OrderSigner;
import io.github.crossarb.polymarket.auth.PolymarketWallet;
import io.github.crossarb.polymarket.internal.Json;
import io.github.crossarb.polymarket.order.Exchange;
import io.github.crossarb.polymarket.order.OrderSide;
import io.github.crossarb.polymarket.order.SignatureType;
import io.github.crossarb.polymarket.order.UnsignedOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@WireMockTest
@Timeout(120)
class PolymarketVenueIT {
  private static final String TOKEN = "1111";
  private static final String CONDITION = "0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1";
  private static final InstrumentId YES = InstrumentId.polymarket(TOKEN);

  private final VenueHarness h = new VenueHarness();
  private String base;

  @BeforeEach
  void stubs(WireMockRuntimeInfo wm) {
    base = wm.getHttpBaseUrl();
    stubFor(get(urlEqualTo("/markets-by-token/" + TOKEN)).willReturn(okJson("{\"condition_id\":\"" + CONDITION + "\"}")));
    stubFor(get(urlEqualTo("/clob-markets/" + CONDITION)).willReturn(okJson(Golden.text("polymarket/http_get_clob_market.json"))));
    stubFor(get(urlEqualTo("/version")).willReturn(okJson("{\"version\":2}")));
    stubFor(get(urlEqualTo("/api/geoblock")).willReturn(okJson("{\"blocked\":false,\"ip\":\"127.0.0.1\",\"country\":\"XX\"}")));
  }

  @AfterEach
  void close() throws Exception {
    h.close();
  }

  private PolymarketVenue venue() throws Exception {
    return h.venue(VenueHarness.config(base).privateKey(VenueHarness.KEY).credentials(VenueHarness.CREDS).build());
  }

  private static OrderRequest buy(String id, String price, String size) {
    return new OrderRequest(new ClientOrderId(id), YES, Outcome.YES, Side.BUY, Price.parse(price), Quantity.parse(size),
        TimeInForce.GTC, false, null);
  }

  private static String accepted(String status, String making, String taking) {
    return "{\"success\":true,\"errorMsg\":\"\",\"orderID\":\"0xfeed\",\"status\":\"" + status
        + "\",\"makingAmount\":\"" + making + "\",\"takingAmount\":\"" + taking + "\"}";
  }

  /** The EIP-712 hash of the order inside a POST /order body, recomputed independently. */
  private static String hashOfBody(String body, Exchange exchange) {
    JsonNode o = Json.parse(body, "body").get("order");
    var unsigned = new UnsignedOrder(o.get("salt").asLong(), o.get("maker").asText(), o.get("signer").asText(),
        o.get("tokenId").asText(), Long.parseLong(o.get("makerAmount").asText()),
        Long.parseLong(o.get("takerAmount").asText()), OrderSide.valueOf(o.get("side").asText()),
        SignatureType.of(o.get("signatureType").asInt()), Long.parseLong(o.get("timestamp").asText()),
        o.get("metadata").asText(), o.get("builder").asText(), Long.parseLong(o.get("expiration").asText()));
    return new OrderSigner(PolymarketWallet.fromHex(VenueHarness.KEY), 137).sign(unsigned, exchange).hash();
  }

  @Test
  void submitSendsExactlyThePreparedSignedBody() throws Exception {
    stubFor(post(urlEqualTo("/order")).willReturn(okJson(accepted("live", "4.5", "0"))));
    PolymarketVenue venue = venue();
    OrderRequest request = buy("c-1", "0.45", "10");
    WireRequest prepared = h.call(() -> venue.execution().prepare(request));
    SubmitResult result = h.call(() -> venue.execution().submit(request));

    assertThat(result).isEqualTo(new SubmitResult.Accepted(request.clientOrderId(), new VenueOrderId("0xfeed"),
        OrderStatus.OPEN, Quantity.ZERO));
    LoggedRequest sent = findAll(postRequestedFor(urlEqualTo("/order"))).get(0);
    // The dry run shows the sent body with only the owner (the API key) redacted.
    assertThat(Json.parse(sent.getBodyAsString(), "body").get("owner").asText()).isEqualTo("api-key-1");
    assertThat(Json.parse(prepared.body(), "body").get("owner").asText()).isEqualTo(WireRequest.REDACTED);
    assertThat(prepared.body()).isEqualTo(sent.getBodyAsString()
        .replace("\"owner\":\"api-key-1\"", "\"owner\":\"" + WireRequest.REDACTED + "\""));
    assertThat(prepared.body()).doesNotContain("api-key-1");
    JsonNode order = Json.parse(sent.getBodyAsString(), "body").get("order");
    assertThat(order.get("makerAmount").asText()).isEqualTo("4500000");
    assertThat(order.get("takerAmount").asText()).isEqualTo("10000000");
    assertThat(order.get("salt").isNumber()).isTrue();
    assertThat(order.has("taker")).isFalse();
    assertThat(sent.getHeader("POLY_API_KEY")).isEqualTo("api-key-1");
    assertThat(sent.getHeader("POLY_ADDRESS")).isEqualTo(VenueHarness.ADDRESS);
    assertThat(sent.getHeader("POLY_TIMESTAMP")).isEqualTo(Long.toString(VenueHarness.NOW.getEpochSecond()));
    assertThat(prepared.url()).isEqualTo(base + "/order");
    assertThat(prepared.headers()).contains(Map.entry("POLY_API_KEY", WireRequest.REDACTED),
        Map.entry("POLY_PASSPHRASE", WireRequest.REDACTED), Map.entry("POLY_SIGNATURE", sent.getHeader("POLY_SIGNATURE")));
    // Neither the key id nor the passphrase shows anywhere in the dry run.
    assertThat(prepared.toString()).doesNotContain("pass-1").doesNotContain("api-key-1");
  }

  @Test
  void iocBuySignsMarketOrderPrecisionAndReportsTheSmallerSignedSizeAsFilled() throws Exception {
    // 8.77 × 0.58 = 5.0866 → $5.08 (2 decimals); 5.08 / 0.58 = 8.758620… → 8.7586 shares (4 decimals).
    stubFor(post(urlEqualTo("/order")).willReturn(okJson(accepted("matched", "5.08", "8.7586"))));
    PolymarketVenue venue = venue();
    OrderRequest request = new OrderRequest(new ClientOrderId("ioc-1"), YES, Outcome.YES, Side.BUY,
        Price.parse("0.58"), Quantity.parse("8.77"), TimeInForce.IOC, false, null);
    WireRequest prepared = h.call(() -> venue.execution().prepare(request));
    SubmitResult result = h.call(() -> venue.execution().submit(request));

    JsonNode body = Json.parse(findAll(postRequestedFor(urlEqualTo("/order"))).get(0).getBodyAsString(), "body");
    assertThat(body.get("orderType").asText()).isEqualTo("FAK");
    assertThat(body.get("order").get("makerAmount").asText()).isEqualTo("5080000");
    assertThat(body.get("order").get("takerAmount").asText()).isEqualTo("8758600");
    assertThat(Json.parse(prepared.body(), "prepared").get("order")).isEqualTo(body.get("order"));
    // The whole signed order filled: FILLED, with the 8.7586 shares actually bought (not the 8.77 asked).
    assertThat(result).isEqualTo(new SubmitResult.Accepted(request.clientOrderId(), new VenueOrderId("0xfeed"),
        OrderStatus.FILLED, Quantity.parse("8.7586")));
  }

  @Test
  void fokSellSignsSharesInCentsAndPusdToFourDecimals() throws Exception {
    stubFor(post(urlEqualTo("/order")).willReturn(okJson(accepted("unmatched", "0", "0"))));
    PolymarketVenue venue = venue();
    OrderRequest request = new OrderRequest(new ClientOrderId("fok-1"), YES, Outcome.YES, Side.SELL,
        Price.parse("0.57"), Quantity.parse("5.03"), TimeInForce.FOK, false, null);
    SubmitResult result = h.call(() -> venue.execution().submit(request));

    JsonNode body = Json.parse(findAll(postRequestedFor(urlEqualTo("/order"))).get(0).getBodyAsString(), "body");
    assertThat(body.get("orderType").asText()).isEqualTo("FOK");
    assertThat(body.get("order").get("side").asText()).isEqualTo("SELL");
    assertThat(body.get("order").get("makerAmount").asText()).isEqualTo("5030000");
    assertThat(body.get("order").get("takerAmount").asText()).isEqualTo("2867100"); // 2.8671, exact here
    assertThat(result).isEqualTo(new SubmitResult.Accepted(request.clientOrderId(), new VenueOrderId("0xfeed"),
        OrderStatus.CANCELLED, Quantity.ZERO));
  }

  @Test
  void iocPartlyFilledIsCancelledWithWhatFilled() throws Exception {
    stubFor(post(urlEqualTo("/order")).willReturn(okJson(accepted("matched", "2.9", "5"))));
    PolymarketVenue venue = venue();
    OrderRequest request = new OrderRequest(new ClientOrderId("ioc-2"), YES, Outcome.YES, Side.BUY,
        Price.parse("0.58"), Quantity.parse("8.77"), TimeInForce.IOC, false, null);
    assertThat(h.call(() -> venue.execution().submit(request))).isEqualTo(new SubmitResult.Accepted(
        request.clientOrderId(), new VenueOrderId("0xfeed"), OrderStatus.CANCELLED, Quantity.parse("5")));
  }

  @Test
  void deniesOffTickOutOfRangeAndTooSmallOrdersWithoutSending() throws Exception {
    PolymarketVenue venue = venue();
    for (OrderRequest bad : List.of(buy("d-1", "0.455", "10"), buy("d-2", "0.995", "10"), buy("d-3", "0.45", "4.99"),
        buy("d-4", "0.45", "10.001"))) {
      SubmitResult result = h.call(() -> venue.execution().submit(bad));
      assertThat(result).as(bad.toString()).isInstanceOf(SubmitResult.Denied.class);
    }
    verify(exactly(0), postRequestedFor(urlEqualTo("/order")));
  }

  @Test
  void geoblockedHostMayWatchButNeverPlaces() throws Exception {
    stubFor(get(urlEqualTo("/api/geoblock")).willReturn(okJson("{\"blocked\":true,\"country\":\"US\"}")));
    stubFor(get(urlPathEqualTo("/book")).willReturn(okJson(Golden.text("polymarket/http_get_book.json"))));
    PolymarketVenue venue = venue();
    assertThat(h.call(() -> venue.marketData().snapshot(YES)).bids()).isNotEmpty();
    SubmitResult result = h.call(() -> venue.execution().submit(buy("g-1", "0.45", "10")));
    assertThat(result).isInstanceOf(SubmitResult.Denied.class);
    assertThat(((SubmitResult.Denied) result).reason()).contains("geoblocked");
    verify(exactly(0), postRequestedFor(urlEqualTo("/order")));
  }

  @Test
  void venueErrorBodiesAreRejectedWithTheirCode() throws Exception {
    stubFor(post(urlEqualTo("/order")).willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":\"not enough balance / allowance\"}")));
    PolymarketVenue venue = venue();
    SubmitResult result = h.call(() -> venue.execution().submit(buy("r-1", "0.45", "10")));
    assertThat(result).isInstanceOf(SubmitResult.Rejected.class);
    assertThat(((SubmitResult.Rejected) result).venueCode()).isEqualTo("insufficient_balance");

    stubFor(post(urlEqualTo("/order")).willReturn(okJson("{\"success\":false,\"errorMsg\":\"invalid tick size\"}")));
    SubmitResult tick = h.call(() -> venue.execution().submit(buy("r-2", "0.45", "10")));
    assertThat(((SubmitResult.Rejected) tick).venueCode()).isEqualTo("invalid_tick_size");

    stubFor(post(urlEqualTo("/order")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")));
    SubmitResult limited = h.call(() -> venue.execution().submit(buy("r-3", "0.45", "10")));
    assertThat(((SubmitResult.Rejected) limited).venueCode()).isEqualTo("rate_limited");
  }

  @Test
  void tickRejectionRefreshesTheCachedRules() throws Exception {
    stubFor(post(urlEqualTo("/order")).willReturn(okJson("{\"success\":false,\"errorMsg\":\"invalid tick size\"}")));
    PolymarketVenue venue = venue();
    h.call(() -> venue.instrument(YES));
    h.call(() -> venue.execution().submit(buy("t-1", "0.45", "10")));
    stubFor(get(urlEqualTo("/clob-markets/" + CONDITION)).willReturn(okJson(
        Golden.text("polymarket/http_get_clob_market.json").replace("\"mts\":0.01", "\"mts\":0.001"))));
    Instrument after = h.call(() -> venue.instrument(YES));
    assertThat(after.tickGrid()).isEqualTo(TickGrid.fixed(Price.parse("0.001")));
  }

  @Test
  void serverErrorIsUnknownAndFindOrderSettlesItByTheOrderHashEvenAfterARestart(@TempDir Path dir) throws Exception {
    stubFor(post(urlEqualTo("/order")).willReturn(aResponse().withStatus(502).withBody("bad gateway")));
    PolymarketConfig config = VenueHarness.config(base).privateKey(VenueHarness.KEY).credentials(VenueHarness.CREDS)
        .credentialCacheDir(dir).build();
    PolymarketVenue venue = h.venue(config);
    OrderRequest request = buy("u-1", "0.45", "10");
    SubmitResult result = h.call(() -> venue.execution().submit(request));
    assertThat(result).isInstanceOf(SubmitResult.Unknown.class);

    String hash = hashOfBody(findAll(postRequestedFor(urlEqualTo("/order"))).get(0).getBodyAsString(),
        Exchange.CTF_EXCHANGE_V2);
    stubFor(get(urlEqualTo("/data/order/" + hash)).willReturn(okJson("{\"id\":\"" + hash + "\",\"status\":\"LIVE\","
        + "\"owner\":\"api-key-1\",\"maker_address\":\"" + VenueHarness.ADDRESS + "\",\"market\":\"" + CONDITION
        + "\",\"asset_id\":\"1111\",\"side\":\"BUY\",\"original_size\":\"10\",\"size_matched\":\"2\",\"price\":\"0.45\","
        + "\"outcome\":\"Yes\",\"created_at\":1767225600,\"expiration\":\"0\",\"order_type\":\"GTC\",\"associate_trades\":[]}")));

    // A new process: only the journal in the data directory knows the binding.
    PolymarketVenue restarted = h.venue(config);
    Optional<OrderReport> found = h.call(() -> restarted.execution().findOrder(request.clientOrderId()));
    assertThat(found).isPresent();
    assertThat(found.get().clientOrderId()).isEqualTo(request.clientOrderId());
    assertThat(found.get().venueOrderId().value()).isEqualTo(hash);
    assertThat(found.get().status()).isEqualTo(OrderStatus.OPEN);
    assertThat(found.get().filled()).isEqualTo(Quantity.parse("2"));

    assertThat(h.call(() -> restarted.execution().findOrder(new ClientOrderId("never-sent")))).isEmpty();
  }

  @Test
  void unknownVenueOrderIsEmpty() throws Exception {
    stubFor(post(urlEqualTo("/order")).willReturn(aResponse().withStatus(500)));
    stubFor(get(urlPathMatching("/data/order/.*")).willReturn(okJson("null")));
    PolymarketVenue venue = venue();
    OrderRequest request = buy("u-2", "0.45", "10");
    h.call(() -> venue.execution().submit(request));
    assertThat(h.call(() -> venue.execution().findOrder(request.clientOrderId()))).isEmpty();
  }

  @Test
  void submitThatTimesOutIsUnknownNotRejected() throws Exception {
    stubFor(post(urlEqualTo("/order")).willReturn(okJson(accepted("live", "0", "0")).withFixedDelay(3000)));
    PolymarketVenue venue = h.venue(VenueHarness.config(base).privateKey(VenueHarness.KEY)
        .credentials(VenueHarness.CREDS).requestTimeout(Duration.ofMillis(300)).build());
    SubmitResult result = h.call(() -> venue.execution().submit(buy("to-1", "0.45", "10")));
    assertThat(result).isInstanceOf(SubmitResult.Unknown.class);
  }

  @Test
  void versionMismatchReReadsTheVersionAndRetriesOnceSignedForTheNewExchange() throws Exception {
    stubFor(get(urlEqualTo("/version")).inScenario("v").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson("{\"version\":2}")));
    stubFor(post(urlEqualTo("/order")).inScenario("v").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"order_version_mismatch\"}"))
        .willSetStateTo("v3"));
    stubFor(get(urlEqualTo("/version")).inScenario("v").whenScenarioStateIs("v3").willReturn(okJson("{\"version\":3}")));
    stubFor(post(urlEqualTo("/order")).inScenario("v").whenScenarioStateIs("v3")
        .willReturn(okJson(accepted("matched", "4.5", "10"))));
    PolymarketVenue venue = venue();
    SubmitResult result = h.call(() -> venue.execution().submit(buy("v-1", "0.45", "10")));

    assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
    assertThat(((SubmitResult.Accepted) result).status()).isEqualTo(OrderStatus.FILLED);
    assertThat(((SubmitResult.Accepted) result).filled()).isEqualTo(Quantity.parse("10"));
    List<LoggedRequest> posts = findAll(postRequestedFor(urlEqualTo("/order")));
    assertThat(posts).hasSize(2);
    verify(exactly(2), getRequestedFor(urlEqualTo("/version")));
    // The same order, re-signed for ExchangeV3 (domain version 3).
    String second = posts.get(1).getBodyAsString();
    assertThat(hashOfBody(second, Exchange.EXCHANGE_V3)).isNotEqualTo(hashOfBody(second, Exchange.CTF_EXCHANGE_V2));
    String signature = Json.parse(second, "b").get("order").get("signature").asText();
    JsonNode o = Json.parse(second, "b").get("order");
    var unsigned = new UnsignedOrder(o.get("salt").asLong(), o.get("maker").asText(), o.get("signer").asText(),
        o.get("tokenId").asText(), Long.parseLong(o.get("makerAmount").asText()),
        Long.parseLong(o.get("takerAmount").asText()), OrderSide.BUY, SignatureType.EOA,
        Long.parseLong(o.get("timestamp").asText()), o.get("metadata").asText(), o.get("builder").asText(), 0);
    assertThat(new OrderSigner(PolymarketWallet.fromHex(VenueHarness.KEY), 137).sign(unsigned, Exchange.EXCHANGE_V3)
        .signature()).isEqualTo(signature);
  }

  @Test
  void cancelsCarryJsonBodiesOnDelete() throws Exception {
    stubFor(delete(urlEqualTo("/order")).withRequestBody(equalToJson("{\"orderID\":\"0xabc\"}"))
        .willReturn(okJson("{\"canceled\":[\"0xabc\"],\"not_canceled\":{}}")));
    stubFor(delete(urlEqualTo("/order")).withRequestBody(equalToJson("{\"orderID\":\"0xdef\"}"))
        .willReturn(okJson("{\"canceled\":[],\"not_canceled\":{\"0xdef\":\"order not found\"}}")));
    stubFor(delete(urlEqualTo("/cancel-all")).willReturn(okJson("{\"canceled\":[\"0x1\",\"0x2\"],\"not_canceled\":{}}")));
    PolymarketVenue venue = venue();
    assertThat(h.call(() -> venue.execution().cancel(new VenueOrderId("0xabc")))).isEqualTo(CancelResult.CANCELLED);
    assertThat(h.call(() -> venue.execution().cancel(new VenueOrderId("0xdef")))).isEqualTo(CancelResult.NOT_OPEN);
    assertThat(h.call(() -> venue.execution().cancelAll())).containsExactly(new VenueOrderId("0x1"), new VenueOrderId("0x2"));
    verify(deleteRequestedFor(urlEqualTo("/order")).withHeader("POLY_SIGNATURE", matching(".+="))
        .withHeader("Content-Type", equalTo("application/json")));
    LoggedRequest first = findAll(deleteRequestedFor(urlEqualTo("/order"))).get(0);
    // The HMAC covers the exact body bytes sent.
    var signer = new io.github.crossarb.polymarket.auth.L2HeaderSigner(VenueHarness.ADDRESS, VenueHarness.CREDS);
    assertThat(first.getHeader("POLY_SIGNATURE")).isEqualTo(signer.sign(VenueHarness.NOW.getEpochSecond(), "DELETE",
        "/order", first.getBodyAsString()));
  }

  @Test
  void fillsWalkEveryPageAndSkipFailedTrades() throws Exception {
    stubFor(get(urlPathEqualTo("/data/trades")).withQueryParam("next_cursor", equalTo("MA=="))
        .willReturn(okJson(Golden.text("polymarket/http_get_trades_page1.json"))));
    stubFor(get(urlPathEqualTo("/data/trades")).withQueryParam("next_cursor", equalTo("MQ=="))
        .willReturn(okJson(Golden.text("polymarket/http_get_trades_page2.json"))));
    PolymarketVenue venue = venue();
    List<Fill> fills = h.call(() -> venue.execution().fills(Instant.ofEpochSecond(1767225600)));
    assertThat(fills).extracting(Fill::fillId)
        .containsExactly("trade-1:0xtaker", "trade-2:0xmine1", "trade-2:0xmine2");
    Fill taker = fills.get(0);
    assertThat(taker.side()).isEqualTo(Side.BUY);
    assertThat(taker.quantity()).isEqualTo(Quantity.parse("10"));
    // 10 × 0.03 × (0.45 × 0.55)^1 = 0.07425
    assertThat(taker.fee()).isEqualTo(Money.parse("0.07425"));
    assertThat(fills.get(1).side()).isEqualTo(Side.SELL);
    assertThat(fills.get(1).fee()).isEqualTo(Money.ZERO);
    assertThat(fills.get(2).quantity()).isEqualTo(Quantity.parse("5"));
    verify(getRequestedFor(urlPathEqualTo("/data/trades")).withQueryParam("after", equalTo("1767225600")));
  }

  @Test
  void openOrdersBalanceAndPositions() throws Exception {
    stubFor(get(urlPathEqualTo("/data/orders")).willReturn(okJson("{\"limit\":100,\"count\":1,\"next_cursor\":\"LTE=\","
        + "\"data\":[{\"id\":\"0xo1\",\"status\":\"LIVE\",\"asset_id\":\"2222\",\"side\":\"SELL\",\"original_size\":\"7\","
        + "\"size_matched\":\"0\",\"price\":\"0.61\",\"outcome\":\"No\",\"created_at\":1767225600}]}")));
    stubFor(get(urlPathEqualTo("/balance-allowance")).willReturn(okJson("{\"balance\":\"12345678\",\"allowances\":{"
        + "\"0xE111180000d2663C0091e4f400237545B87B996B\":\"100000000000\"}}")));
    stubFor(get(urlPathEqualTo("/data/positions")).willReturn(okJson("[{\"asset\":\"2222\",\"conditionId\":\"" + CONDITION
        + "\",\"size\":12.5,\"avgPrice\":0.4,\"initialValue\":5,\"outcome\":\"No\"},{\"asset\":\"1111\",\"size\":0}]")));
    PolymarketVenue venue = venue();
    List<OrderReport> open = h.call(() -> venue.execution().openOrders());
    assertThat(open).singleElement().satisfies(o -> {
      assertThat(o.instrument()).isEqualTo(InstrumentId.polymarket("2222"));
      assertThat(o.outcome()).isEqualTo(Outcome.NO);
      assertThat(o.side()).isEqualTo(Side.SELL);
      assertThat(o.status()).isEqualTo(OrderStatus.OPEN);
    });
    Balance balance = h.call(() -> venue.execution().balance());
    assertThat(balance.available()).isEqualTo(Money.parse("12.345678"));
    verify(getRequestedFor(urlPathEqualTo("/balance-allowance")).withQueryParam("asset_type", equalTo("COLLATERAL"))
        .withQueryParam("signature_type", equalTo("0")));
    List<PositionReport> positions = h.call(() -> venue.execution().positions());
    assertThat(positions).containsExactly(new PositionReport(InstrumentId.polymarket("2222"), Outcome.NO,
        Quantity.parse("12.5"), Money.parse("5")));
    verify(getRequestedFor(urlPathEqualTo("/data/positions")).withQueryParam("user", equalTo(VenueHarness.ADDRESS)));
  }

  @Test
  void derivedCredentialsAreCachedOwnerOnlyAndReused(@TempDir Path dir) throws Exception {
    stubFor(post(urlEqualTo("/auth/api-key")).willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":\"Could not create api key\"}")));
    stubFor(get(urlEqualTo("/auth/derive-api-key")).willReturn(okJson(
        "{\"apiKey\":\"derived-key\",\"secret\":\"c2VjcmV0\",\"passphrase\":\"derived-pass\"}")));
    stubFor(get(urlPathEqualTo("/data/orders")).willReturn(okJson("{\"next_cursor\":\"LTE=\",\"data\":[]}")));
    PolymarketConfig config = VenueHarness.config(base).privateKey(VenueHarness.KEY).credentialCacheDir(dir).build();
    PolymarketVenue venue = h.venue(config);
    assertThat(h.call(() -> venue.execution().openOrders())).isEmpty();
    verify(getRequestedFor(urlEqualTo("/auth/derive-api-key")).withHeader("POLY_ADDRESS", equalTo(VenueHarness.ADDRESS))
        .withHeader("POLY_NONCE", equalTo("0")).withHeader("POLY_SIGNATURE", matching("0x[0-9a-f]{130}")));
    verify(getRequestedFor(urlPathEqualTo("/data/orders")).withHeader("POLY_API_KEY", equalTo("derived-key")));

    Path file = dir.resolve("polymarket-api-" + VenueHarness.ADDRESS.toLowerCase() + ".json");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    PolymarketVenue again = h.venue(config);
    h.call(() -> again.execution().openOrders());
    verify(exactly(1), getRequestedFor(urlEqualTo("/auth/derive-api-key")));
  }

  @Test
  void concurrentFirstCallsDeriveTheKeyOnce(@TempDir Path dir) throws Exception {
    stubFor(post(urlEqualTo("/auth/api-key")).willReturn(okJson(
        "{\"apiKey\":\"new-key\",\"secret\":\"c2VjcmV0\",\"passphrase\":\"new-pass\"}")));
    stubFor(get(urlPathEqualTo("/data/orders")).willReturn(okJson("{\"next_cursor\":\"LTE=\",\"data\":[]}")));
    PolymarketVenue venue = h.venue(VenueHarness.config(base).privateKey(VenueHarness.KEY).credentialCacheDir(dir).build());
    h.call(() -> io.vertx.core.Future.all(venue.execution().openOrders(), venue.execution().openOrders(),
        venue.execution().openOrders()));
    verify(exactly(1), postRequestedFor(urlEqualTo("/auth/api-key")));
    verify(exactly(3), getRequestedFor(urlPathEqualTo("/data/orders")).withHeader("POLY_API_KEY", equalTo("new-key")));
  }

  @Test
  void privateCallsWithoutAKeyFailAsConfigErrorsAndSubmitIsDenied() throws Exception {
    PolymarketVenue venue = h.venue(VenueHarness.config(base).build());
    assertThat(h.failure(() -> venue.execution().openOrders())).isInstanceOf(VenueConfigException.class);
    assertThat(h.call(() -> venue.execution().submit(buy("n-1", "0.45", "10")))).isInstanceOf(SubmitResult.Denied.class);
  }

  @Test
  void heartbeatsChainEachIdIntoTheNextBeat() throws Exception {
    stubFor(post(urlEqualTo("/v1/heartbeats")).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock
        .equalToJson("{\"heartbeat_id\":\"\"}")).willReturn(okJson("{\"heartbeat_id\":\"hb-1\"}")));
    stubFor(post(urlEqualTo("/v1/heartbeats")).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock
        .equalToJson("{\"heartbeat_id\":\"hb-1\"}")).willReturn(okJson("{\"heartbeat_id\":\"hb-2\"}")));
    stubFor(post(urlEqualTo("/v1/heartbeats")).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock
        .equalToJson("{\"heartbeat_id\":\"hb-2\"}")).willReturn(okJson("{\"heartbeat_id\":\"hb-2\"}")));
    java.util.concurrent.BlockingQueue<String> beats = new java.util.concurrent.LinkedBlockingQueue<>();
    PolymarketVenue venue = venue();
    h.call(() -> venue.startHeartbeats(Duration.ofMillis(50), beats::add));
    assertThat(beats.poll(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("hb-1");
    assertThat(beats.poll(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("hb-2");
    assertThat(beats.poll(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("hb-2");
    h.call(() -> {
      venue.stopHeartbeats();
      return io.vertx.core.Future.succeededFuture();
    });
  }

  @Test
  void publicReadsMapErrorsAndSortBooks() throws Exception {
    stubFor(get(urlPathEqualTo("/book")).withQueryParam("token_id", equalTo(TOKEN))
        .willReturn(okJson(Golden.text("polymarket/http_get_book.json"))));
    PolymarketVenue venue = venue();
    BookSnapshot book = h.call(() -> venue.marketData().snapshot(YES));
    assertThat(book.bids()).extracting(l -> l.price().toString()).containsExactly("0.45", "0.4");
    assertThat(book.asks()).extracting(l -> l.price().toString()).containsExactly("0.55", "0.6");

    stubFor(get(urlPathEqualTo("/book")).willReturn(aResponse().withStatus(503)));
    assertThat(h.failure(() -> venue.marketData().snapshot(YES))).isInstanceOf(VenueUnavailableException.class);
    stubFor(get(urlPathEqualTo("/book")).willReturn(aResponse().withStatus(401).withBody("{\"error\":\"Unauthorized\"}")));
    assertThat(h.failure(() -> venue.marketData().snapshot(YES))).isInstanceOf(VenueAuthException.class);
    stubFor(get(urlPathEqualTo("/book")).willReturn(okJson("{\"asset_id\":\"1111\",\"bids\":[{\"price\":\"zero\"")));
    Throwable malformed = h.failure(() -> venue.marketData().snapshot(YES));
    assertThat(malformed).isInstanceOf(VenueProtocolException.class);
    assertThat(malformed.getMessage()).doesNotContain("\n");
  }

  @Test
  void marketAndInstrumentRulesFromGammaAndClobMarkets() throws Exception {
    stubFor(get(urlPathEqualTo("/gamma/markets")).withQueryParam("clob_token_ids", equalTo(TOKEN))
        .willReturn(okJson(Golden.text("polymarket/http_get_gamma_markets.json"))));
    PolymarketVenue venue = venue();
    MarketInfo info = h.call(() -> venue.market(YES));
    assertThat(info.marketId()).isEqualTo(CONDITION);
    assertThat(info.yes()).isEqualTo(YES);
    assertThat(info.no()).isEqualTo(InstrumentId.polymarket("2222"));
    assertThat(info.open()).isTrue();
    assertThat(info.rules()).contains("Météo-France", "Resolution source: https://meteofrance.com");
    assertThat(info.closeTime()).isEqualTo(Instant.parse("2026-12-01T23:59:00Z"));

    Instrument instrument = h.call(() -> venue.instrument(YES));
    assertThat(instrument.tickGrid()).isEqualTo(TickGrid.fixed(Price.parse("0.01")));
    assertThat(instrument.minSize()).isEqualTo(Quantity.parse("5"));
    assertThat(instrument.sizeStep()).isEqualTo(Quantity.parse("0.01"));
    assertThat(h.call(() -> venue.fees(YES)).takerFee(Price.parse("0.5"), Quantity.parse("100")))
        .isEqualTo(Money.parse("0.75"));
  }
}
