package io.github.crossarb.kalshi.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.core.venue.VenueProtocolException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever arrives, the decoder returns a message or throws VenueProtocolException: nothing else. */
class KalshiWsDecoderProperties {
  static final List<String> VALID = List.of(
      "{\"id\":1,\"type\":\"subscribed\",\"msg\":{\"channel\":\"orderbook_delta\",\"sid\":1}}",
      "{\"type\":\"ok\",\"id\":3,\"sid\":1,\"seq\":9,\"msg\":{\"market_tickers\":[\"A\",\"B\"]}}",
      "{\"id\":123,\"type\":\"error\",\"msg\":{\"code\":6,\"msg\":\"Already subscribed\"}}",
      "{\"type\":\"orderbook_snapshot\",\"sid\":2,\"seq\":2,\"msg\":{\"market_ticker\":\"A\",\"market_id\":\"x\","
          + "\"yes_dollars_fp\":[[\"0.0800\",\"300.00\"],[\"0.0015\",\"1.25\"]],\"no_dollars_fp\":[[\"0.9000\",\"1.00\"]]}}",
      "{\"type\":\"orderbook_delta\",\"sid\":2,\"seq\":3,\"msg\":{\"market_ticker\":\"A\",\"market_id\":\"x\","
          + "\"price_dollars\":\"0.960\",\"delta_fp\":\"-54.00\",\"side\":\"yes\",\"ts_ms\":1}}",
      "{\"type\":\"ticker\",\"sid\":4,\"msg\":{\"market_ticker\":\"A\",\"price_dollars\":\"0.5\",\"yes_bid_dollars\":\"0.49\","
          + "\"yes_ask_dollars\":\"0.51\",\"volume_fp\":\"10.00\",\"ts_ms\":5}}",
      "{\"type\":\"fill\",\"sid\":5,\"msg\":{\"trade_id\":\"t\",\"order_id\":\"o\",\"market_ticker\":\"A\",\"is_taker\":true,"
          + "\"yes_price_dollars\":\"0.5500\",\"count_fp\":\"1.00\",\"fee_cost\":\"0.0100\",\"outcome_side\":\"yes\","
          + "\"book_side\":\"bid\",\"ts_ms\":7}}",
      "{\"type\":\"user_order\",\"sid\":6,\"msg\":{\"order_id\":\"o\",\"ticker\":\"A\",\"status\":\"resting\","
          + "\"book_side\":\"bid\",\"yes_price_dollars\":\"0.4200\",\"fill_count_fp\":\"0.00\",\"remaining_count_fp\":\"2.00\"}}",
      "{\"type\":\"market_lifecycle_v2\",\"sid\":7,\"msg\":{\"market_ticker\":\"A\",\"event_type\":\"price_level_structure_updated\"}}",
      "{\"type\":\"trade\",\"sid\":8,\"msg\":{}}");

  @Example
  void everyValidSampleDecodes() {
    for (String text : VALID) {
      assertThat(KalshiWsDecoder.decode(text)).isNotNull();
    }
  }

  @Example
  void typicalDamageIsTyped() {
    for (String text : List.of("", "null", "[]", "42", "{}", "{\"type\":7}", "{\"type\":\"orderbook_delta\"}",
        "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":\"2\",\"msg\":{}}",
        "{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":1,\"msg\":{\"market_ticker\":\"A\",\"yes_dollars_fp\":[[\"0.5\"]]}}",
        "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":2,\"msg\":{\"market_ticker\":\"A\",\"price_dollars\":\"-0.1\","
            + "\"delta_fp\":\"1\",\"side\":\"yes\"}}",
        "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":2,\"msg\":{\"market_ticker\":\"A\",\"price_dollars\":\"0.1\","
            + "\"delta_fp\":\"1e400\",\"side\":\"maybe\"}}",
        "{\"type\":\"fill\",\"sid\":1,\"msg\":{\"trade_id\":\"t\",\"order_id\":\"o\",\"market_ticker\":\"A\",\"is_taker\":true,"
            + "\"yes_price_dollars\":\"0.5\",\"count_fp\":\"-1\",\"outcome_side\":\"yes\",\"book_side\":\"bid\",\"ts_ms\":1}}",
        "{\"type\":\"subscribed\",\"id\":99999999999,\"msg\":{\"channel\":\"x\",\"sid\":1}}")) {
      assertThatThrownBy(() -> KalshiWsDecoder.decode(text)).as(text).isInstanceOf(VenueProtocolException.class)
          .hasMessageStartingWith("malformed Kalshi WebSocket message");
    }
  }

  @Property(tries = 2000)
  void arbitraryTextNeverEscapesUntyped(@ForAll("noise") String text) {
    decodeTyped(text);
  }

  @Property(tries = 3000)
  void mutatedValidMessagesNeverEscapeUntyped(@ForAll("mutations") String text) {
    decodeTyped(text);
  }

  private static void decodeTyped(String text) {
    try {
      assertThat(KalshiWsDecoder.decode(text)).isNotNull();
    } catch (VenueProtocolException expected) {
      assertThat(expected.getMessage()).doesNotContain("\n");
    }
  }

  @Provide
  Arbitrary<String> noise() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(200),
        Arbitraries.strings().withChars("{}[]\":,0123456789.-abcdefnulltrue ").ofMaxLength(120));
  }

  /** A valid message with one span cut out, duplicated or replaced by a JSON-ish token. */
  @Provide
  Arbitrary<String> mutations() {
    Arbitrary<String> token = Arbitraries.of("", "null", "\"\"", "-1", "1e999", "\"abc\"", "[]", "{}", "true",
        "\"1.0000001\"", "\"-0.5\"", "99999999999999999999", "\"NaN\"", "[[]]", "\"yes\"", "\"\\u0000\"");
    return Arbitraries.of(VALID).flatMap(valid -> Arbitraries.integers().between(0, valid.length()).flatMap(from ->
        Arbitraries.integers().between(from, Math.min(valid.length(), from + 12)).flatMap(to ->
            token.map(t -> valid.substring(0, from) + t + valid.substring(to)))));
  }
}
