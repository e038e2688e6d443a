package io.github.crossarb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.cli.CliRunner.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever is given as a secret, valid or not, through any layer and output format, it is never printed. */
class SecretMaskingTest {
  // A data dir that cannot exist: no config file is read, whatever the machine has.
  private static final String NO_DATA_DIR = "/nonexistent/crossarb-test";
  private static final String HEX = "0123456789abcdef".repeat(4);

  static Stream<Arguments> secrets() {
    List<String> values = List.of(
        HEX, "0x" + HEX, "0X" + HEX.toUpperCase(java.util.Locale.ROOT), // valid
        HEX.substring(1), "0x" + HEX + "0", HEX.replace('a', 'g'), // wrong length or digit
        HEX.substring(0, 32) + " " + HEX.substring(32), // a space inside
        "0x" + "0".repeat(64), "0x" + "f".repeat(64), // out of range
        "c2VjcmV0LXZhbHVlLXRoYXQtaXMtbm90LWEta2V5", // base64 of some text
        "SECRETMARKER-not-hex-at-all");
    List<Arguments> cases = new ArrayList<>();
    for (String value : values) {
      for (String key : List.of("POLY_PRIVATE_KEY", "KALSHI_KEY_B64")) {
        for (boolean asFlag : new boolean[] {true, false}) {
          for (String option : List.of("--json", "--debug")) {
            cases.add(Arguments.of(key, value, asFlag, option));
          }
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} as flag={2} with {3}: {1}")
  @MethodSource("secrets")
  void secretValueIsNeverPrinted(String key, String value, boolean asFlag, String option) {
    Result result = asFlag
        ? CliRunner.controller(Map.of("ARB_DATA_DIR", NO_DATA_DIR), "config", option, "--set", key + "=" + value)
        : CliRunner.controller(Map.of("ARB_DATA_DIR", NO_DATA_DIR, key, value), "config", option);

    assertThat(result.exitCode()).isIn(ExitCodes.OK, ExitCodes.CONFIG);
    String printed = result.out() + result.err();
    assertThat(printed).doesNotContain(value.strip());
    // Nor a recognisable piece of it.
    assertThat(printed).doesNotContain(value.strip().substring(2, 14));
  }
}
