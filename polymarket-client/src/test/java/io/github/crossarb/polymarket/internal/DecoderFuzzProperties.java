package io.github.crossarb.polymarket.internal;

import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.crossarb.core.venue.VenueProtocolException;
import io.github.crossarb.polymarket.Golden;
import io.github.crossarb.polymarket.clob.BalanceAllowance;
import io.github.crossarb.polymarket.clob.CancelResponse;
import io.github.crossarb.polymarket.clob.ClobMarketInfo;
import io.github.crossarb.polymarket.clob.OpenOrder;
import io.github.crossarb.polymarket.clob.PolymarketBook;
import io.github.crossarb.polymarket.clob.PolymarketTrade;
import io.github.crossarb.polymarket.clob.PostOrderResponse;
import io.github.crossarb.polymarket.gamma.DataPosition;
import io.github.crossarb.polymarket.gamma.GammaEvent;
import io.github.crossarb.polymarket.gamma.GammaMarket;
import io.github.crossarb.polymarket.ws.WsDecoding;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every decoder, fed garbage and mutated real payloads, either decodes or throws a
 * {@link VenueProtocolException} with a one-line message: never another exception.
 */
class DecoderFuzzProperties {
  private static final List<String> SEEDS = List.of(
      Golden.text("polymarket/http_get_clob_market.json"),
      Golden.text("polymarket/http_get_book.json"),
      Golden.text("polymarket/http_get_gamma_markets.json"),
      Golden.text("polymarket/http_get_trades_page1.json"),
      Golden.text("polymarket/http_get_trades_page2.json"),
      "{\"success\":true,\"errorMsg\":\"\",\"orderID\":\"0x1\",\"status\":\"live\",\"tradeIDs\":[\"a\"]}",
      "{\"canceled\":[\"0x1\"],\"not_canceled\":{\"0x2\":\"gone\"}}",
      "{\"balance\":\"100\",\"allowances\":{\"0xE1\":\"5\"}}",
      "{\"event_type\":\"price_change\",\"market\":\"m\",\"price_changes\":[{\"asset_id\":\"1\",\"price\":\"0.5\","
          + "\"size\":\"3\",\"side\":\"BUY\",\"hash\":\"h\"}]}",
      "{\"event_type\":\"tick_size_change\",\"asset_id\":\"1\",\"old_tick_size\":\"0.01\",\"new_tick_size\":\"0.001\"}",
      "{\"event_type\":\"order\",\"type\":\"PLACEMENT\",\"id\":\"0x1\",\"asset_id\":\"1\",\"side\":\"BUY\","
          + "\"price\":\"0.5\",\"original_size\":\"10\",\"size_matched\":\"0\"}",
      "[{\"asset\":\"1\",\"size\":1.5,\"initialValue\":0.75}]");

  private static final List<Function<JsonNode, ?>> DECODERS = List.of(
      ClobMarketInfo::decode, io.github.crossarb.polymarket.clob.ClobMarket::decode, PolymarketBook::decode, PostOrderResponse::decode, OpenOrder::decode,
      PolymarketTrade::decode, CancelResponse::decode, BalanceAllowance::decode, GammaMarket::decode,
      GammaEvent::decode, DataPosition::decode);

  @Property(tries = 400)
  void mutatedPayloadsGiveTypedErrorsOnly(@ForAll("mutations") String text) {
    check(text);
  }

  @Property(tries = 300)
  void arbitraryTextGivesTypedErrorsOnly(@ForAll("junk") String text) {
    check(text);
  }

  private static void check(String text) {
    assertThatCode(() -> {
      try {
        WsDecoding.decode(text);
      } catch (VenueProtocolException e) {
        oneLine(e);
      }
      JsonNode node;
      try {
        node = Json.parse(text, "fuzz");
      } catch (VenueProtocolException e) {
        oneLine(e);
        return;
      }
      List<JsonNode> candidates = new java.util.ArrayList<>(List.of(node));
      if (node.isArray()) {
        node.forEach(candidates::add);
      }
      if (node.has("data")) {
        node.get("data").forEach(candidates::add);
      }
      for (JsonNode candidate : candidates) {
        for (Function<JsonNode, ?> decoder : DECODERS) {
          try {
            decoder.apply(candidate);
          } catch (VenueProtocolException e) {
            oneLine(e);
          }
        }
      }
    }).doesNotThrowAnyException();
  }

  private static void oneLine(VenueProtocolException e) {
    if (e.getMessage() == null || e.getMessage().contains("\n")) {
      throw new AssertionError("not a one-line message: " + e.getMessage());
    }
  }

  @Provide
  Arbitrary<String> mutations() {
    Arbitrary<String> seed = Arbitraries.of(SEEDS);
    Arbitrary<Integer> position = Arbitraries.integers().between(0, 10_000);
    Arbitrary<String> insert = Arbitraries.of("", "\"", "{", "}", "[", "]", ",", ":", "null", "-1", "1e400", "\"x\"",
        "true", "0.1234567", "99999999999999999999999999", "\\u0000", "NaN");
    Arbitrary<Integer> cut = Arbitraries.integers().between(0, 6);
    return net.jqwik.api.Combinators.combine(seed, position, insert, cut).as((s, p, ins, c) -> {
      int at = p % (s.length() + 1);
      int end = Math.min(s.length(), at + c);
      return s.substring(0, at) + ins + s.substring(end);
    });
  }

  @Provide
  Arbitrary<String> junk() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(200),
        Arbitraries.strings().withChars("{}[]\":,0123456789.-truefalsn ").ofMaxLength(120),
        Arbitraries.of("[]", "{}", "null", "1", "\"s\"", "[[[[[[[[", "{\"event_type\":5}",
            "{\"event_type\":\"book\"}", "{\"event_type\":\"trade\",\"id\":\"1\",\"status\":\"FAILED\"}",
            "[{\"event_type\":\"book\",\"asset_id\":\"1\",\"bids\":{}}]"));
  }
}
