package io.github.crossarb.polymarket.clob;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.crossarb.core.venue.MarketInfo;
import io.github.crossarb.core.venue.MarketQuery;
import io.github.crossarb.polymarket.Golden;
import io.github.crossarb.polymarket.PolymarketVenue;
import io.github.crossarb.polymarket.VenueHarness;
import io.github.crossarb.polymarket.gamma.GammaEvent;
import io.github.crossarb.polymarket.order.TickSize;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@WireMockTest
@Timeout(60)
class PolymarketRestClientIT {
  private final VenueHarness h = new VenueHarness();
  private PolymarketRestClient rest;
  private String base;

  @BeforeEach
  void client(WireMockRuntimeInfo wm) {
    base = wm.getHttpBaseUrl();
    rest = new PolymarketRestClient(WebClient.create(h.vertx), VenueHarness.config(base).privateKey(VenueHarness.KEY)
        .credentials(VenueHarness.CREDS).build());
  }

  @AfterEach
  void close() throws Exception {
    h.close();
  }

  @Test
  void publicEndpoints() throws Exception {
    stubFor(get(urlEqualTo("/time")).willReturn(okJson("1767225600")));
    stubFor(get(urlEqualTo("/version")).willReturn(okJson("{}")));
    stubFor(get(urlEqualTo("/tick-size?token_id=1111")).willReturn(okJson("{\"minimum_tick_size\":0.0025}")));
    stubFor(get(urlEqualTo("/neg-risk?token_id=1111")).willReturn(okJson("{\"neg_risk\":true}")));
    stubFor(post(urlEqualTo("/books")).withRequestBody(equalToJson("[{\"token_id\":\"1111\"},{\"token_id\":\"2222\"}]"))
        .willReturn(okJson("[" + Golden.text("polymarket/http_get_book.json") + ","
            + Golden.text("polymarket/http_get_book.json").replace("\"1111\"", "\"2222\"") + "]")));
    assertThat(h.call(() -> rest.getTime())).isEqualTo(1767225600L);
    assertThat(h.call(() -> rest.getVersion())).as("no version field means 2").isEqualTo(2);
    assertThat(h.call(() -> rest.getTickSize("1111"))).isEqualTo(TickSize.T0_0025);
    assertThat(h.call(() -> rest.getNegRisk("1111"))).isTrue();
    List<PolymarketBook> books = h.call(() -> rest.getBooks(List.of("1111", "2222")));
    assertThat(books).extracting(PolymarketBook::assetId).containsExactly("1111", "2222");
    assertThat(books.get(1).bids().get(0).price().toString()).isEqualTo("0.45");
  }

  @Test
  void clobMarketsPageAndSingleMarket() throws Exception {
    String market = "{\"condition_id\":\"0xc\",\"question\":\"Q?\",\"tokens\":[{\"token_id\":\"1\",\"outcome\":\"Yes\","
        + "\"price\":0.5},{\"token_id\":\"2\",\"outcome\":\"No\",\"price\":0.5}],\"minimum_tick_size\":0.01,"
        + "\"minimum_order_size\":5,\"neg_risk\":false,\"active\":true,\"closed\":false,\"accepting_orders\":true}";
    stubFor(get(urlEqualTo("/markets?next_cursor=MA%3D%3D")).willReturn(okJson(
        "{\"limit\":1,\"count\":1,\"next_cursor\":\"LTE=\",\"data\":[" + market + "]}")));
    stubFor(get(urlEqualTo("/markets/0xc")).willReturn(okJson(market)));
    Page<ClobMarket> page = h.call(() -> rest.getMarkets(Page.FIRST));
    assertThat(page.isLast()).isTrue();
    assertThat(page.data()).singleElement().satisfies(m -> {
      assertThat(m.tokens()).extracting(ClobMarketInfo.Token::tokenId).containsExactly("1", "2");
      assertThat(m.minimumTickSize()).isEqualTo("0.01");
    });
    assertThat(h.call(() -> rest.getMarket("0xc")).acceptingOrders()).isTrue();
  }

  @Test
  void ordersPaginateWithTheEncodedCursorAndSignThePathOnly() throws Exception {
    stubFor(get(urlPathEqualTo("/data/orders")).withQueryParam("next_cursor", equalTo("MA=="))
        .willReturn(okJson("{\"next_cursor\":\"Mg==\",\"data\":[{\"id\":\"0x1\",\"status\":\"LIVE\",\"asset_id\":\"1\","
            + "\"side\":\"BUY\",\"original_size\":\"5\",\"size_matched\":\"0\",\"price\":\"0.5\"}]}")));
    stubFor(get(urlPathEqualTo("/data/orders")).withQueryParam("next_cursor", equalTo("Mg=="))
        .willReturn(okJson("{\"next_cursor\":\"LTE=\",\"data\":[{\"id\":\"0x2\",\"status\":\"MATCHED\",\"asset_id\":\"1\","
            + "\"side\":\"SELL\",\"original_size\":\"5\",\"size_matched\":\"5\",\"price\":\"0.5\"}]}")));
    List<OpenOrder> orders = h.call(() -> rest.getOrders(Map.of("market", "0xm")));
    assertThat(orders).extracting(OpenOrder::id).containsExactly("0x1", "0x2");
    var requests = findAll(getRequestedFor(urlPathEqualTo("/data/orders")));
    assertThat(requests.get(0).getUrl()).isEqualTo("/data/orders?market=0xm&next_cursor=MA%3D%3D");
    var signer = new io.github.crossarb.polymarket.auth.L2HeaderSigner(VenueHarness.ADDRESS, VenueHarness.CREDS);
    assertThat(requests.get(1).getHeader("POLY_SIGNATURE"))
        .isEqualTo(signer.sign(VenueHarness.NOW.getEpochSecond(), "GET", "/data/orders", null));
  }

  @Test
  void batchOrdersCancelsHeartbeatsAndBalanceUpdate() throws Exception {
    stubFor(post(urlEqualTo("/orders")).willReturn(okJson("[{\"success\":true,\"orderID\":\"0xa\",\"status\":\"live\"},"
        + "{\"success\":false,\"errorMsg\":\"not enough balance / allowance\"}]")));
    stubFor(delete(urlEqualTo("/orders")).withRequestBody(equalToJson("[\"0xa\",\"0xb\"]"))
        .willReturn(okJson("{\"canceled\":[\"0xa\"],\"not_canceled\":{\"0xb\":\"matched\"}}")));
    stubFor(post(urlEqualTo("/v1/heartbeats")).withRequestBody(equalToJson("{\"heartbeat_id\":\"\"}"))
        .willReturn(okJson("{\"heartbeat_id\":\"hb-2\"}")));
    stubFor(get(urlPathEqualTo("/balance-allowance/update")).willReturn(okJson("{}")));
    List<PostOrderResponse> responses = h.call(() -> rest.postOrders("[]"));
    assertThat(responses).extracting(PostOrderResponse::accepted).containsExactly(true, false);
    CancelResponse cancel = h.call(() -> rest.cancelOrders(List.of("0xa", "0xb")));
    assertThat(cancel.canceled()).containsExactly("0xa");
    assertThat(cancel.notCanceled()).containsEntry("0xb", "matched");
    assertThat(h.call(() -> rest.postHeartbeat(null))).isEqualTo("hb-2");
    h.call(() -> rest.updateBalanceAllowance("CONDITIONAL", "1111"));
    verify(getRequestedFor(urlEqualTo("/balance-allowance/update?asset_type=CONDITIONAL&token_id=1111&signature_type=0")));
    verify(deleteRequestedFor(urlEqualTo("/orders")).withHeader("POLY_PASSPHRASE", equalTo("pass-1")));
    verify(postRequestedFor(urlEqualTo("/v1/heartbeats")).withHeader("POLY_API_KEY", equalTo("api-key-1")));
  }

  @Test
  void createOrDeriveFallsBackToDeriveWhenCreateIsRefused() throws Exception {
    stubFor(post(urlEqualTo("/auth/api-key")).willReturn(aResponse().withStatus(400).withBody("{\"error\":\"exists\"}")));
    stubFor(get(urlEqualTo("/auth/derive-api-key")).willReturn(okJson(
        "{\"apiKey\":\"k2\",\"secret\":\"c2VjcmV0\",\"passphrase\":\"p2\"}")));
    var creds = h.call(() -> rest.createOrDeriveApiKey(0));
    assertThat(creds.apiKey()).isEqualTo("k2");
    var post = findAll(postRequestedFor(urlEqualTo("/auth/api-key"))).get(0);
    assertThat(post.getBody()).isEmpty();
    assertThat(post.getHeader("POLY_TIMESTAMP")).isEqualTo(Long.toString(VenueHarness.NOW.getEpochSecond()));
  }

  @Test
  void gammaListsSearchesAndDecodesEvents() throws Exception {
    stubFor(get(urlPathEqualTo("/gamma/markets")).willReturn(okJson(Golden.text("polymarket/http_get_gamma_markets.json"))));
    stubFor(get(urlPathEqualTo("/gamma/events")).willReturn(okJson("[{\"id\":\"e1\",\"title\":\"Paris weather\","
        + "\"markets\":" + Golden.text("polymarket/http_get_gamma_markets.json") + "}]")));
    PolymarketVenue venue = h.venue(VenueHarness.config(base).build());
    List<MarketInfo> hits = h.call(() -> venue.markets(new MarketQuery("rain paris", true, 10)));
    assertThat(hits).singleElement().satisfies(m -> assertThat(m.title()).contains("rain in Paris"));
    assertThat(h.call(() -> venue.markets(new MarketQuery("snow", true, 10)))).isEmpty();
    verify(getRequestedFor(urlPathEqualTo("/gamma/markets")).withQueryParam("active", equalTo("true"))
        .withQueryParam("closed", equalTo("false")));
    List<GammaEvent> events = h.call(() -> venue.gamma().getEvents(Map.of("slug", "paris")));
    assertThat(events.get(0).markets().get(0).tokenIds()).containsExactly("1111", "2222");
  }
}
