package io.github.crossarb.polymarket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.polymarket.order.SignatureType;
import org.junit.jupiter.api.Test;

class PolymarketConfigTest {
  private static final String FUNDER = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

  @Test
  void signatureTypeDefaultsToEoaWithoutAFunderAndSafeWithOne() {
    PolymarketConfig eoa = PolymarketConfig.builder().privateKey(VenueHarness.KEY).build();
    assertThat(eoa.signatureType()).isEqualTo(SignatureType.EOA);
    assertThat(eoa.maker()).isEqualTo(VenueHarness.ADDRESS);
    PolymarketConfig safe = PolymarketConfig.builder().privateKey(VenueHarness.KEY).funder(FUNDER).build();
    assertThat(safe.signatureType()).isEqualTo(SignatureType.POLY_GNOSIS_SAFE);
    assertThat(safe.maker()).isEqualTo(FUNDER);
    PolymarketConfig proxy = PolymarketConfig.builder().privateKey(VenueHarness.KEY).funder(FUNDER)
        .signatureType(SignatureType.POLY_PROXY).build();
    assertThat(proxy.maker()).isEqualTo(FUNDER);
  }

  @Test
  void proxyOrSafeWithoutAFunderIsRefused() {
    assertThatThrownBy(() -> PolymarketConfig.builder().signatureType(SignatureType.POLY_PROXY).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("funder");
    assertThatThrownBy(() -> SignatureType.of(3)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void defaultsAreProductionAndToStringHidesSecrets() {
    PolymarketConfig config = PolymarketConfig.builder().privateKey(VenueHarness.KEY)
        .credentials(VenueHarness.CREDS).build();
    assertThat(config.clobUrl()).hasToString("https://clob.polymarket.com");
    assertThat(config.wsUrl()).hasToString("wss://ws-subscriptions-clob.polymarket.com/ws");
    assertThat(config.geoblockUrl()).hasToString("https://polymarket.com/api/geoblock");
    assertThat(config.chainId()).isEqualTo(137);
    assertThat(config.toString()).doesNotContain(VenueHarness.KEY.substring(2), "pass-1",
        VenueHarness.CREDS.secret());
  }
}
