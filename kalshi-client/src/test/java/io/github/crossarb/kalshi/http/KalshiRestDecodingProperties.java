package io.github.crossarb.kalshi.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.venue.VenueProtocolException;
import io.github.crossarb.kalshi.KalshiTestSupport;
import io.github.crossarb.kalshi.dto.KalshiMarketData;
import io.github.crossarb.kalshi.dto.KalshiOrders;
import io.github.crossarb.kalshi.dto.KalshiPortfolio;
import io.github.crossarb.kalshi.internal.KalshiMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every REST decoder (body → DTO → core type) on damaged bodies: a value or a
 * VenueProtocolException, never anything else.
 */
class KalshiRestDecodingProperties {
  private static final ObjectMapper JSON = KalshiRestClient.mapper();

  record Case(String body, Consumer<byte[]> decoder) {}

  private static final List<Case> CASES = List.of(
      new Case(KalshiTestSupport.resource("kalshi/http_get_markets_page1.json"), bytes ->
          each(KalshiRestClient.decode(JSON, bytes, KalshiMarketData.MarketsPage.class, "markets").markets()).forEach(m -> {
            KalshiMapper.marketInfo(m);
            KalshiMapper.instrument(m);
          })),
      new Case(KalshiTestSupport.resource("kalshi/http_get_orderbook.json"), bytes -> KalshiMapper.bookSnapshot(
          InstrumentId.kalshi("T"), orderbook(KalshiRestClient.decode(JSON, bytes, KalshiMarketData.OrderbookResponse.class, "book")))),
      new Case("{\"orders\":[{\"order_id\":\"o\",\"client_order_id\":\"c\",\"ticker\":\"T\",\"outcome_side\":\"no\","
          + "\"book_side\":\"ask\",\"status\":\"resting\",\"yes_price_dollars\":\"0.0015\",\"fill_count_fp\":\"0.25\","
          + "\"remaining_count_fp\":\"1.75\",\"initial_count_fp\":\"2.00\",\"created_time\":\"2026-11-27T04:00:00Z\"}],\"cursor\":\"\"}",
          bytes -> each(KalshiRestClient.decode(JSON, bytes, KalshiPortfolio.OrdersPage.class, "orders").orders())
              .forEach(o -> KalshiMapper.orderReport(o, null))),
      new Case("{\"fills\":[{\"fill_id\":\"f\",\"trade_id\":\"t\",\"order_id\":\"o\",\"ticker\":\"T\",\"outcome_side\":\"no\","
          + "\"book_side\":\"ask\",\"count_fp\":\"1.50\",\"yes_price_dollars\":\"0.5510\",\"is_taker\":true,"
          + "\"fee_cost\":\"0.0200\",\"created_time\":\"2026-11-27T04:00:02Z\"}],\"cursor\":\"\"}",
          bytes -> each(KalshiRestClient.decode(JSON, bytes, KalshiPortfolio.FillsPage.class, "fills").fills())
              .forEach(f -> KalshiMapper.fill(f, null))),
      new Case("{\"market_positions\":[{\"ticker\":\"T\",\"position_fp\":\"-3.50\",\"market_exposure_dollars\":\"1.9250\"}],"
          + "\"cursor\":\"\"}",
          bytes -> each(KalshiRestClient.decode(JSON, bytes, KalshiPortfolio.PositionsPage.class, "positions").marketPositions())
              .forEach(KalshiMapper::position)),
      new Case("{\"balance\":12345,\"balance_dollars\":\"123.4567\",\"portfolio_value\":5000,\"updated_ts\":1}",
          bytes -> KalshiMapper.balance(KalshiRestClient.decode(JSON, bytes, KalshiPortfolio.Balance.class, "balance"))),
      new Case("{\"order_id\":\"o\",\"fill_count\":\"2.50\",\"remaining_count\":\"7.50\",\"ts_ms\":1}",
          bytes -> KalshiMapper.quantityOrZero(
              KalshiRestClient.decode(JSON, bytes, KalshiOrders.CreateOrderResponse.class, "create").fillCount())),
      new Case("{\"series\":{\"ticker\":\"S\",\"fee_type\":\"quadratic\",\"fee_multiplier\":1.5}}",
          bytes -> KalshiRestClient.decode(JSON, bytes, KalshiMarketData.SeriesResponse.class, "series")));

  /** As the venue reads pages: an absent list is empty. */
  private static <T> List<T> each(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static KalshiMarketData.OrderbookFp orderbook(KalshiMarketData.OrderbookResponse response) {
    if (response.orderbookFp() == null) {
      throw new VenueProtocolException(io.github.crossarb.core.model.VenueId.KALSHI, "no orderbook_fp");
    }
    return response.orderbookFp();
  }

  @Property(tries = 3000)
  void damagedBodiesDecodeOrFailTyped(@ForAll("damaged") Case damaged) {
    try {
      damaged.decoder().accept(damaged.body().getBytes(StandardCharsets.UTF_8));
    } catch (VenueProtocolException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  @Property(tries = 10)
  void undamagedBodiesDecode(@ForAll("undamaged") Case intact) {
    intact.decoder().accept(intact.body().getBytes(StandardCharsets.UTF_8));
  }

  @Provide
  Arbitrary<Case> undamaged() {
    return Arbitraries.of(CASES);
  }

  @Provide
  Arbitrary<Case> damaged() {
    Arbitrary<String> token = Arbitraries.of("", "null", "\"\"", "-1", "1e999", "\"abc\"", "[]", "{}", "true", "\"-0.5\"",
        "99999999999999999999", "[[]]", "[\"1\"]", "\"2026-13-45T99:00:00Z\"", "\"1.0000001\"");
    return Arbitraries.of(CASES).flatMap(c -> Combinators.combine(
            Arbitraries.integers().between(0, c.body().length()), Arbitraries.integers().between(0, 16), token)
        .as((from, span, t) -> {
          int to = Math.min(c.body().length(), from + span);
          return new Case(c.body().substring(0, from) + t + c.body().substring(to), c.decoder());
        }));
  }
}
