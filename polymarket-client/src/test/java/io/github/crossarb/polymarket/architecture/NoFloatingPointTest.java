package io.github.crossarb.polymarket.architecture;

import static io.github.crossarb.testkit.FloatingPointScan.D;
import static io.github.crossarb.testkit.FloatingPointScan.F;
import static io.github.crossarb.testkit.FloatingPointScan.cap;
import static io.github.crossarb.testkit.FloatingPointScan.findings;
import static io.github.crossarb.testkit.FloatingPointScan.module;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.testkit.FloatingPointScan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Money is exact in this module too: binary floating point (the two primitive types, their boxes,
 * their conversions and literals) must not appear anywhere in polymarket-client's main sources,
 * comments included. The official client's own binary arithmetic lives in test code only
 * ({@code order.SdkArithmetic}, the oracle). Same rules as core's scan ({@link FloatingPointScan}).
 */
class NoFloatingPointTest {
  @Test
  void mainSourcesUseNoFloatingPoint() {
    FloatingPointScan.Result scan =
        FloatingPointScan.scan(List.of(module().resolve("src/main/java/io/github/crossarb/polymarket")));
    assertThat(scan.scanned()).contains("OrderAmounts.java", "TickSize.java", "PolymarketExecution.java",
        "PolymarketMapper.java", "OrderSigner.java", "PolymarketRestClient.java", "PolymarketMarketStream.java")
        .doesNotContain("SdkArithmetic.java", "SdkOracle.java");
    assertThat(scan.problems()).isEmpty();
  }

  @Test
  void theOracleInTestCodeIsWhatTheScanWouldCatch() throws IOException {
    // Guards the scan itself against silently passing: the oracle is full of what main must not have.
    Path oracle = module().resolve("src/test/java/io/github/crossarb/polymarket/order/SdkArithmetic.java");
    assertThat(findings(Files.readString(oracle, StandardCharsets.UTF_8))).hasSizeGreaterThan(10);
  }

  @Test
  void theScanCatchesWhatItShould() {
    assertThat(findings("  " + D + " x = 1;")).hasSize(1);
    assertThat(findings("  " + cap(F) + " boxed;")).hasSize(1);
    assertThat(findings("  return big." + D + "Value();")).hasSize(1);
    assertThat(findings("  long v = Long.parseLong(s); var w = parse" + cap(D) + "(s);")).hasSize(1); // static import
    assertThat(findings("  var f = " + cap(F) + ".parse" + cap(F) + "(s);\n  " + D + " g;")).hasSize(2); // per line
    assertThat(findings("  long x = 1.5;")).hasSize(1);
    assertThat(findings("  var y = 2e3 + 3f + 4d;")).hasSize(3);
    assertThat(findings("  var z = .5;")).hasSize(1);
    assertThat(findings("  var j = node.as" + cap(D) + "();")).hasSize(1); // Jackson
    assertThat(findings("  " + cap(D) + "Stream.of(); n.is" + cap(F) + "ingPointNumber();")).hasSize(1); // per line
    assertThat(findings("  BigDecimal v = node.decimalValue(); long floor = Math.floorDiv(a, b);")).isEmpty();
  }

  @Test
  void theScanLeavesExactCodeAlone() {
    assertThat(findings("  long floor = 1_000_000L; int floating = 0x1d; String s = \"0.50\"; char c = '.';")).isEmpty();
    assertThat(findings("  // costs 0.25 dollars\n  /* 1.5 */ long a = 2; Money.parse(\"-0.01\");")).isEmpty();
    assertThat(findings("  String t = \"\"\"\n      0.07, 1.5\n      \"\"\";")).isEmpty();
    assertThat(findings("  String e = \"a \\\" 1.5\";")).isEmpty();
  }
}
