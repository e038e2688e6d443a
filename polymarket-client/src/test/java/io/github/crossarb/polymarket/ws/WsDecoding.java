package io.github.crossarb.polymarket.ws;

import java.util.List;

/** Test access to the package-private WebSocket decoder. */
public final class WsDecoding {
  private WsDecoding() {}

  public static List<PolymarketWsMessage> decode(String text) {
    return PolymarketWsMessage.decode(text);
  }
}
