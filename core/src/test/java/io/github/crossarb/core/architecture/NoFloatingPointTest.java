package io.github.crossarb.core.architecture;

import static io.github.crossarb.testkit.FloatingPointScan.D;
import static io.github.crossarb.testkit.FloatingPointScan.F;
import static io.github.crossarb.testkit.FloatingPointScan.cap;
import static io.github.crossarb.testkit.FloatingPointScan.findings;
import static io.github.crossarb.testkit.FloatingPointScan.module;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.testkit.FloatingPointScan;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Money in core is exact: binary floating point must not appear in core's main sources, nor in
 * the pricing tests that compare against exact references.
 * The rules live in {@link FloatingPointScan}, which other modules reuse.
 */
class NoFloatingPointTest {
  @Test
  void coreSourcesUseNoFloatingPoint() {
    FloatingPointScan.Result scan = FloatingPointScan.scan(List.of(
        module().resolve("src/main/java/io/github/crossarb/core"),
        module().resolve("src/test/java/io/github/crossarb/core/pricing")));
    assertThat(scan.scanned()).contains("Fixed.java", "OrderBook.java", "EdgeCalculator.java", "KalshiFeeModel.java",
        "PolymarketFeeModel.java", "PositionLedger.java", "RiskGuard.java", "EdgeCalculatorProperties.java");
    assertThat(scan.problems()).isEmpty();
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
  }

  @Test
  void theScanLeavesExactCodeAlone() {
    assertThat(findings("  long floor = 1_000_000L; int floating = 0x1d; String s = \"0.50\"; char c = '.';")).isEmpty();
    assertThat(findings("  // costs 0.25 dollars\n  /* 1.5 */ long a = 2; Money.parse(\"-0.01\");")).isEmpty();
    assertThat(findings("  String t = \"\"\"\n      0.07, 1.5\n      \"\"\";")).isEmpty();
    assertThat(findings("  String e = \"a \\\" 1.5\";")).isEmpty();
  }
}
