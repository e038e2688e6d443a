package io.github.crossarb.polymarket.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.crossarb.polymarket.Golden;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Maker/taker amounts against the official client's amount grid (off-tick prices included). */
class OrderAmountsGoldenTest {

  @Test
  void everyGridRowTheSdkAcceptsMatchesExactly() {
    List<JsonNode> rows = Golden.vectors("amount_grid.json");
    int compared = 0;
    for (JsonNode row : rows) {
      if (row.has("error")) {
        continue;
      }
      TickSize tick = TickSize.parse(row.get("tickSize").asText()).orElseThrow();
      OrderSide side = OrderSide.valueOf(row.get("side").asText());
      BigDecimal price = new BigDecimal(row.get("price").asText());
      boolean market = row.get("kind").asText().equals("market");
      OrderAmounts amounts = market
          ? OrderAmounts.market(side, price, new BigDecimal(row.get("amount").asText()), tick)
          : OrderAmounts.limit(side, price, new BigDecimal(row.get("size").asText()), tick);
      assertThat(amounts)
          .as(row.toString())
          .isEqualTo(new OrderAmounts(row.get("makerAmount").asLong(), row.get("takerAmount").asLong()));
      compared++;
    }
    assertThat(compared).isGreaterThan(3000);
  }

  @Test
  void sdkRejectsOnlyPricesOutsideTickToOneMinusTick() {
    for (JsonNode row : Golden.vectors("amount_grid.json")) {
      TickSize tick = TickSize.parse(row.get("tickSize").asText()).orElseThrow();
      BigDecimal price = new BigDecimal(row.get("price").asText());
      boolean inRange = price.compareTo(tick.value()) >= 0 && price.compareTo(BigDecimal.ONE.subtract(tick.value())) <= 0;
      assertThat(row.has("error")).as(row.toString()).isEqualTo(!inRange);
    }
  }
}
