package io.github.crossarb.link.architecture;

import static io.github.crossarb.testkit.FloatingPointScan.module;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.testkit.FloatingPointScan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Prices, sizes and money cross the link as decimal strings: no binary floating point in the codec or the session. */
class NoFloatingPointTest {
  @Test
  void linkSourcesUseNoFloatingPoint() {
    FloatingPointScan.Result scan = FloatingPointScan.scan(List.of(
        module().resolve("src/main/java/io/github/crossarb/link/codec"),
        module().resolve("src/main/java/io/github/crossarb/link/session"),
        module().resolve("src/main/java/io/github/crossarb/link/transport"),
        module().resolve("src/main/java/io/github/crossarb/link/protocol")));
    assertThat(scan.scanned()).contains("LinkCodec.java", "LinkSession.java", "LinkServer.java", "PlaceLeg.java");
    assertThat(scan.problems()).isEmpty();
  }
}
