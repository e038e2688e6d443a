package io.github.crossarb.polymarket.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Money is exact in this module too: binary floating point (the two primitive types, their boxes,
 * their conversions and literals) must not appear anywhere in polymarket-client's main sources,
 * comments included. The official client's own binary arithmetic lives in test code only
 * ({@code order.SdkArithmetic}, the oracle). Same rules as core's scan; the forbidden words are
 * spelled in pieces here so that this file would pass its own scan.
 */
class NoFloatingPointTest {
  private static final String D = "d" + "ouble";
  private static final String F = "f" + "loat";
  /** The primitive and boxed type names as whole words, and the usual conversions. */
  private static final Pattern FORBIDDEN_WORD = Pattern.compile(
      "(?i)\\b(?:" + D + "|" + F + ")\\b|" + D + "Value|" + F + "Value|parse" + cap(D) + "|parse" + cap(F));
  /** The boxed names inside identifiers in code, which the whole-word check misses: asX(), XStream, isXingPoint(). */
  private static final Pattern EMBEDDED_NAME = Pattern.compile(cap(D) + "|" + cap(F));
  /** A floating literal in code (after comments and strings are removed): 1.5, 2e3, 3f, 4d. */
  private static final Pattern FLOATING_LITERAL = Pattern.compile(
      "(?<![\\w.])(?:\\d[\\d_]*\\.\\d|\\.\\d|\\d[\\d_]*[eE][+-]?\\d|\\d[\\d_]*[fFdD]\\b)");

  private static String cap(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static Path module() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
  }

  static List<String> findings(String source) {
    List<String> out = new ArrayList<>();
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = FORBIDDEN_WORD.matcher(lines[i]);
      if (m.find()) {
        out.add("line " + (i + 1) + ": \"" + m.group() + "\" in: " + lines[i].trim());
      }
    }
    String code = stripCommentsAndLiterals(source);
    String[] codeLines = code.split("\n", -1);
    for (int i = 0; i < codeLines.length; i++) {
      Matcher e = EMBEDDED_NAME.matcher(codeLines[i]);
      if (e.find() && !FORBIDDEN_WORD.matcher(lines[i]).find()) {
        out.add("line " + (i + 1) + ": \"" + e.group() + "\" in: " + codeLines[i].trim());
      }
    }
    Matcher m = FLOATING_LITERAL.matcher(code);
    while (m.find()) {
      out.add("floating literal \"" + m.group() + "\"");
    }
    return out;
  }

  /** Blanks out comments and string/char literals, keeping line breaks. */
  static String stripCommentsAndLiterals(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
        while (i < n && s.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        int end = s.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        for (int k = i; k < end; k++) {
          if (s.charAt(k) == '\n') {
            out.append('\n');
          }
        }
        i = end;
      } else if (s.startsWith("\"\"\"", i)) {
        int end = s.indexOf("\"\"\"", i + 3);
        end = end < 0 ? n : end + 3;
        for (int k = i; k < end; k++) {
          if (s.charAt(k) == '\n') {
            out.append('\n');
          }
        }
        out.append("\"\"");
        i = end;
      } else if (c == '"' || c == '\'') {
        int k = i + 1;
        while (k < n && s.charAt(k) != c && s.charAt(k) != '\n') {
          k += s.charAt(k) == '\\' ? 2 : 1;
        }
        out.append(c).append(c);
        i = Math.min(n, k + 1);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  @Test
  void mainSourcesUseNoFloatingPoint() throws IOException {
    Path root = module().resolve("src/main/java/io/github/crossarb/polymarket");
    assertThat(root).as("main sources must be where this test looks").isDirectory();
    List<String> problems = new ArrayList<>();
    List<String> scanned = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        scanned.add(file.getFileName().toString());
        for (String finding : findings(Files.readString(file, StandardCharsets.UTF_8))) {
          problems.add(module().relativize(file) + " " + finding);
        }
      }
    }
    assertThat(scanned).contains("OrderAmounts.java", "TickSize.java", "PolymarketExecution.java",
        "PolymarketMapper.java", "OrderSigner.java", "PolymarketRestClient.java", "PolymarketMarketStream.java")
        .doesNotContain("SdkArithmetic.java", "SdkOracle.java");
    assertThat(problems).isEmpty();
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
