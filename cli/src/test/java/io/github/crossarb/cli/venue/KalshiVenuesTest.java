package io.github.crossarb.cli.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.cli.CliRunner;
import io.github.crossarb.cli.TestKeys;
import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.Venue;
import io.github.crossarb.core.venue.VenueConfigException;
import io.github.crossarb.kalshi.KalshiConfig;
import io.github.crossarb.kalshi.KalshiRateTier;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class KalshiVenuesTest {
  @TempDir Path dataDir;

  private static String rsaPem() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  private Configuration config(String... keyValues) {
    return Configuration.resolve(Map.of(), CliRunner.environment(dataDir, keyValues));
  }

  @Test
  void defaultsToProductionBasicTierWithoutCredentials() {
    KalshiConfig kalshi = KalshiVenues.kalshiConfig(config());

    assertThat(kalshi.restBaseUrl()).hasToString("https://external-api.kalshi.com/trade-api/v2");
    assertThat(kalshi.wsUrl()).hasToString("wss://external-api-ws.kalshi.com/trade-api/ws/v2");
    assertThat(kalshi.rateTier()).isEqualTo(KalshiRateTier.BASIC);
    assertThat(kalshi.credentials()).isNull();
    assertThat(kalshi.silenceThreshold()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void demoAndTierAreSelectable() {
    KalshiConfig kalshi = KalshiVenues.kalshiConfig(config("KALSHI_ENV", "DEMO", "KALSHI_RATE_TIER", "advanced"));

    assertThat(kalshi.restBaseUrl()).hasToString("https://external-api.demo.kalshi.co/trade-api/v2");
    assertThat(kalshi.wsUrl()).hasToString("wss://external-api-ws.demo.kalshi.co/trade-api/ws/v2");
    assertThat(kalshi.rateTier()).isEqualTo(KalshiRateTier.ADVANCED);
  }

  @Test
  void anApiUrlAloneAlsoMovesTheWebSocket() {
    KalshiConfig kalshi = KalshiVenues.kalshiConfig(config("KALSHI_API_URL", "http://127.0.0.1:8123/trade-api/v2"));

    assertThat(kalshi.restBaseUrl()).hasToString("http://127.0.0.1:8123/trade-api/v2");
    assertThat(kalshi.wsUrl()).hasToString("ws://127.0.0.1:8123/trade-api/ws/v2");
  }

  @Test
  void bothUrlsCanBeGiven() {
    KalshiConfig kalshi = KalshiVenues.kalshiConfig(config("KALSHI_ENV", "demo",
        "KALSHI_API_URL", "http://127.0.0.1:1/trade-api/v2", "KALSHI_WS_URL", "ws://127.0.0.1:2/trade-api/ws/v2"));

    assertThat(kalshi.restBaseUrl()).hasToString("http://127.0.0.1:1/trade-api/v2");
    assertThat(kalshi.wsUrl()).hasToString("ws://127.0.0.1:2/trade-api/ws/v2");
  }

  @Test
  void badValuesAreConfigurationErrors() {
    assertThatThrownBy(() -> config("KALSHI_ENV", "staging")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("KALSHI_ENV");
    assertThatThrownBy(() -> config("KALSHI_WS_URL", "http://127.0.0.1/x")).isInstanceOf(ConfigException.class);
    assertThatThrownBy(() -> config("KALSHI_API_URL", "ftp://x/y")).isInstanceOf(ConfigException.class);
    assertThatThrownBy(() -> config("KALSHI_RATE_TIER", "gold")).isInstanceOf(ConfigException.class);
  }

  @Test
  void credentialsComeFromBase64OrFileAndNeverPrint() throws Exception {
    String pem = rsaPem();
    String b64 = Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    Path file = Files.writeString(dataDir.resolve("kalshi.key"), pem);

    KalshiConfig fromB64 = KalshiVenues.kalshiConfig(config("KALSHI_API_KEY_ID", TestKeys.KALSHI_KEY_ID, "KALSHI_KEY_B64", b64));
    KalshiConfig fromFile = KalshiVenues.kalshiConfig(
        config("KALSHI_API_KEY_ID", TestKeys.KALSHI_KEY_ID, "KALSHI_KEY_FILE", file.toString()));

    assertThat(fromB64.credentials().keyId()).isEqualTo(TestKeys.KALSHI_KEY_ID);
    assertThat(fromFile.credentials().privateKey()).isEqualTo(fromB64.credentials().privateKey());
    assertThat(fromB64.toString()).doesNotContain(TestKeys.KALSHI_KEY_ID).contains("credentials=***");
    assertThat(fromB64.credentials().toString()).doesNotContain(TestKeys.KALSHI_KEY_ID);
  }

  @Test
  void aKeyThatIsNotAnRsaKeyIsAVenueConfigErrorWithoutItsText() {
    // The cli's fake key has valid PEM framing but no key inside.
    Configuration config = config("KALSHI_API_KEY_ID", TestKeys.KALSHI_KEY_ID, "KALSHI_KEY_B64", TestKeys.KALSHI_PEM_B64);

    assertThatThrownBy(() -> KalshiVenues.kalshiConfig(config)).isInstanceOf(VenueConfigException.class)
        .hasMessageNotContaining("TESTKEYBODY").hasNoCause();
  }

  @Test
  void openGivesAKalshiVenueWhosePrivateCallsNeedCredentials() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Venue venue = KalshiVenues.open(vertx, config("KALSHI_API_URL", "http://127.0.0.1:1/trade-api/v2"));

      assertThat(venue.id()).isEqualTo(VenueId.KALSHI);
      assertThatThrownBy(() -> venue.execution().balance().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(VenueConfigException.class);
      venue.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void webSocketUrlsAreDerivedFromRestBases() {
    assertThat(KalshiVenues.webSocketFor("https://demo-api.kalshi.co/trade-api/v2"))
        .isEqualTo("wss://demo-api.kalshi.co/trade-api/ws/v2");
    assertThat(KalshiVenues.webSocketFor("http://127.0.0.1:9/sim/trade-api/v2/")).isEqualTo("ws://127.0.0.1:9/sim/trade-api/ws/v2");
  }
}
