package io.github.crossarb.polymarket.clob;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.venue.WireRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A dry run shows the call as sent, with the API key and passphrase redacted in headers and body. */
class HttpCallTest {
  private static final String KEY = "1f0c5a3e-0000-4000-8000-00000000abcd";

  private static HttpCall call(String body) {
    return new HttpCall("POST", "http://127.0.0.1/orders", List.of(Map.entry("POLY_ADDRESS", "0xabc"),
        Map.entry("POLY_API_KEY", KEY), Map.entry("POLY_PASSPHRASE", "pass-phrase"),
        Map.entry("POLY_SIGNATURE", "sig")), body);
  }

  @Test
  void redactsTheOwnerOfEveryOrderInTheBody() {
    String body = "[{\"order\":{\"maker\":\"0xabc\"},\"owner\":\"" + KEY + "\",\"orderType\":\"FAK\"},"
        + "{\"order\":{\"maker\":\"0xabc\"},\"owner\":\"" + KEY + "\",\"orderType\":\"GTC\"}]";
    HttpCall call = call(body);
    WireRequest shown = call.redacted();

    assertThat(shown.body()).isEqualTo(body.replace(KEY, WireRequest.REDACTED));
    assertThat(shown.body()).contains("\"owner\":\"***\"").doesNotContain(KEY);
    assertThat(shown.headers()).containsExactly(Map.entry("POLY_ADDRESS", "0xabc"),
        Map.entry("POLY_API_KEY", WireRequest.REDACTED), Map.entry("POLY_PASSPHRASE", WireRequest.REDACTED),
        Map.entry("POLY_SIGNATURE", "sig"));
    assertThat(call.toString()).doesNotContain(KEY).doesNotContain("pass-phrase");
    // What is sent keeps the real owner.
    assertThat(call.body()).contains("\"owner\":\"" + KEY + "\"");
  }

  @Test
  void leavesBodiesWithoutSecretsAndEmptyBodiesAlone() {
    assertThat(call("{\"a\":1}").redacted().body()).isEqualTo("{\"a\":1}");
    assertThat(call(null).redacted().body()).isNull();
  }
}
