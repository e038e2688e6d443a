package io.github.crossarb.polymarket.clob;

import io.github.crossarb.polymarket.internal.Json;
import java.util.Locale;

/** Where a matched trade stands on chain. Strict: an unknown status is a protocol error. */
public enum TradeStatus {
  MATCHED,
  MINED,
  CONFIRMED,
  RETRYING,
  FAILED;

  public static TradeStatus parse(String text) {
    String upper = text.strip().toUpperCase(Locale.ROOT);
    if (upper.startsWith("TRADE_STATUS_")) {
      upper = upper.substring("TRADE_STATUS_".length());
    }
    for (TradeStatus s : values()) {
      if (s.name().equals(upper)) {
        return s;
      }
    }
    throw Json.error("unknown trade status " + Json.clip(text));
  }
}
