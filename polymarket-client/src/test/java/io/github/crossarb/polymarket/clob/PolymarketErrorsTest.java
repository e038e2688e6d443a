package io.github.crossarb.polymarket.clob;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.venue.RateLimitedException;
import io.github.crossarb.core.venue.VenueAuthException;
import io.github.crossarb.core.venue.VenueRejectedException;
import io.github.crossarb.core.venue.VenueUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PolymarketErrorsTest {
  @Test
  void statusesMapIntoTheCoreTaxonomy() {
    assertThat(PolymarketErrors.fromStatus(429, "", "3", "GET /book")).isInstanceOf(RateLimitedException.class)
        .satisfies(e -> assertThat(((RateLimitedException) e).retryAfter()).contains(Duration.ofSeconds(3)));
    assertThat(PolymarketErrors.fromStatus(502, "<html>bad gateway</html>", null, "x"))
        .isInstanceOf(VenueUnavailableException.class).isNotInstanceOf(RateLimitedException.class);
    assertThat(PolymarketErrors.fromStatus(401, "{\"error\":\"Unauthorized/Invalid api key\"}", null, "x"))
        .isInstanceOf(VenueAuthException.class);
    assertThat(PolymarketErrors.fromStatus(403, "{\"error\":\"Trading restricted in your region\"}", null, "x"))
        .isInstanceOfSatisfying(VenueRejectedException.class, e -> assertThat(e.venueCode()).isEqualTo("geoblocked"));
    assertThat(PolymarketErrors.fromStatus(400, "{\"error\":\"order_version_mismatch\"}", null, "x"))
        .isInstanceOfSatisfying(VenueRejectedException.class,
            e -> assertThat(e.venueCode()).isEqualTo(PolymarketErrors.ORDER_VERSION_MISMATCH));
    assertThat(PolymarketErrors.fromStatus(400, "{\"error\":\"something odd\"}", null, "x"))
        .isInstanceOfSatisfying(VenueRejectedException.class, e -> {
          assertThat(e.venueCode()).isEqualTo("http_400");
          assertThat(e.httpStatus()).isEqualTo(400);
        });
  }

  @Test
  void orderErrorTextsGetStableCodes() {
    assertThat(PolymarketErrors.orderRejected(200, "not enough balance / allowance").venueCode())
        .isEqualTo("insufficient_balance");
    assertThat(PolymarketErrors.orderRejected(200, "INVALID_ORDER_MIN_TICK_SIZE").venueCode())
        .isEqualTo("invalid_tick_size");
    assertThat(PolymarketErrors.orderRejected(200, "invalid post-only order: order crosses book").venueCode())
        .isEqualTo("post_only_would_cross");
    assertThat(PolymarketErrors.orderRejected(200, "").venueCode()).isEqualTo("http_200");
  }

  @Test
  void messagesAreOneClippedLine() {
    String long400 = "{\"error\":\"" + "x".repeat(500) + "\\nsecond line\"}";
    var e = PolymarketErrors.fromStatus(400, long400, null, "POST /order");
    assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(140);
  }
}
