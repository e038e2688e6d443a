package io.github.crossarb.link.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.link.LinkSecret;
import org.junit.jupiter.api.Test;

class LinkOptionsTest {
  private static final LinkSecret SECRET = LinkSecret.of("some secret that is long enough, 32+");

  @Test
  void listenAddressesParse() {
    assertThat(LinkServerOptions.listen("0.0.0.0:9001", SECRET)).extracting(LinkServerOptions::host, LinkServerOptions::port)
        .containsExactly("0.0.0.0", 9001);
    assertThat(LinkServerOptions.listen("[::1]:9001", SECRET).host()).isEqualTo("::1");
    assertThat(LinkServerOptions.listen("9001", SECRET).host()).isEqualTo("0.0.0.0");
    for (String bad : new String[] {"", "host:", ":9001", "host:99999", "host:port"}) {
      assertThatThrownBy(() -> LinkServerOptions.listen(bad, SECRET)).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TRADER_LINK_LISTEN");
    }
  }

  @Test
  void optionsNeverPrintTheSecret() {
    assertThat(LinkServerOptions.listen("127.0.0.1:0", SECRET).toString()).doesNotContain("some secret").contains("***");
    LinkClientOptions client = LinkClientOptions.of("wss://controller:9001", SECRET, "laptop", java.util.Map.of(),
        RawPeer.LIMITS);
    assertThat(client.toString()).doesNotContain("some secret");
    assertThat(client.tls()).isTrue();
  }

  @Test
  void badUrlsAndHalfTlsAreRefused() {
    assertThatThrownBy(() -> LinkClientOptions.of("http://controller:9001", SECRET, "laptop", java.util.Map.of(),
        RawPeer.LIMITS)).hasMessageContaining("ws://host:port");
    assertThatThrownBy(() -> LinkServerOptions.of("127.0.0.1", 0, SECRET).withTls("cert.pem", null))
        .hasMessageContaining("both");
    assertThatThrownBy(() -> LinkClientOptions.of("ws://c:1", SECRET, "my laptop", java.util.Map.of(), RawPeer.LIMITS))
        .hasMessageContaining("TRADER_ID");
  }
}
