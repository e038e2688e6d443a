package io.github.crossarb.polymarket.clob;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.crossarb.polymarket.internal.Json;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /balance-allowance}: the balance and the allowance per spender, in 6-decimal base units.
 */
public record BalanceAllowance(BigInteger balance, Map<String, BigInteger> allowances) {
  public BalanceAllowance {
    allowances = Map.copyOf(allowances);
  }

  /** What orders can spend: the balance, capped by the smallest exchange allowance (when any is given). */
  public BigInteger spendable() {
    BigInteger out = balance;
    for (BigInteger allowance : allowances.values()) {
      out = out.min(allowance);
    }
    return out;
  }

  public static BalanceAllowance decode(JsonNode node) {
    return Json.decode("balance-allowance", () -> {
      Json.object(node, "balance-allowance");
      Map<String, BigInteger> allowances = new LinkedHashMap<>();
      JsonNode a = node.get("allowances");
      if (a != null && !a.isNull()) {
        Json.object(a, "field \"allowances\"");
        a.properties().forEach(e -> allowances.put(e.getKey(), units(e.getValue().asText(), "allowance")));
      }
      return new BalanceAllowance(units(Json.text(node, "balance"), "balance"), allowances);
    });
  }

  private static BigInteger units(String text, String what) {
    try {
      BigInteger v = new BigInteger(text.strip());
      if (v.signum() < 0 || v.bitLength() > 256) {
        throw Json.error(what + " out of range");
      }
      return v;
    } catch (NumberFormatException e) {
      throw Json.error(what + " is not an integer: " + Json.clip(text));
    }
  }
}
