package io.github.crossarb.cli.venue;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.cli.TestKeys;
import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.polymarket.PolymarketConfig;
import io.github.crossarb.polymarket.order.SignatureType;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolymarketVenuesTest {
  @TempDir Path dataDir;

  private Configuration config(String... keyValues) {
    Map<String, String> env = new HashMap<>();
    env.put("ARB_DATA_DIR", dataDir.toString());
    for (int i = 0; i < keyValues.length; i += 2) {
      env.put(keyValues[i], keyValues[i + 1]);
    }
    return Configuration.resolve(Map.of(), env);
  }

  @Test
  void settingsBecomeTheClientConfig() {
    PolymarketConfig c = PolymarketVenues.polymarketConfig(config("POLY_PRIVATE_KEY", TestKeys.POLY_KEY,
        "POLY_FUNDER", TestKeys.FUNDER, "POLY_CLOB_URL", "http://127.0.0.1:9/", "POLY_WS_URL", "ws://127.0.0.1:9/ws",
        "POLY_API_KEY", "k", "POLY_API_SECRET", "c2VjcmV0", "POLY_API_PASSPHRASE", "p"));
    assertThat(c.clobUrl()).hasToString("http://127.0.0.1:9");
    assertThat(c.wsUrl()).hasToString("ws://127.0.0.1:9/ws");
    assertThat(c.signatureType()).isEqualTo(SignatureType.POLY_GNOSIS_SAFE);
    assertThat(c.maker()).isEqualTo(TestKeys.FUNDER);
    assertThat(c.credentials().apiKey()).isEqualTo("k");
    assertThat(c.credentialCacheDir()).isEqualTo(dataDir);
    assertThat(c.geoblockUrl()).hasToString("https://polymarket.com/api/geoblock");
  }

  @Test
  void opensWithoutCredentialsForPublicReads() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      var venue = PolymarketVenues.open(vertx, config());
      assertThat(venue.id()).isEqualTo(VenueId.POLYMARKET);
      venue.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
