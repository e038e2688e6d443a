package io.github.crossarb.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.cli.CliRunner;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {
  @TempDir Path dataDir;

  private Map<String, String> env(String... keyValues) {
    return CliRunner.environment(dataDir, keyValues);
  }

  private Path configFile(String content) throws IOException {
    return Files.writeString(dataDir.resolve("config.properties"), content, StandardCharsets.UTF_8);
  }

  @Test
  void flagBeatsEnvironmentBeatsFileBeatsDefault() throws IOException {
    Path file = configFile("ARB_MAX_SIZE=30\nARB_MIN_EDGE=0.03\nARB_MAX_UNHEDGED=33\n");
    Map<String, String> environment = env("ARB_MAX_SIZE", "20", "ARB_MIN_EDGE", "0.025");
    Map<String, String> flags = Map.of("ARB_MAX_SIZE", "10");

    Configuration config = Configuration.resolve(flags, environment);

    assertThat(config.get(Settings.ARB_MAX_SIZE)).contains(Quantity.of(10));
    assertThat(config.sourceOf(Settings.ARB_MAX_SIZE)).isEqualTo(Source.FLAG);
    assertThat(config.get(Settings.ARB_MIN_EDGE)).contains(Money.parse("0.025"));
    assertThat(config.sourceOf(Settings.ARB_MIN_EDGE)).isEqualTo(Source.ENV);
    assertThat(config.get(Settings.ARB_MAX_UNHEDGED)).contains(Money.parse("33"));
    assertThat(config.sourceOf(Settings.ARB_MAX_UNHEDGED)).isEqualTo(Source.file(file));
    assertThat(config.sourceOf(Settings.ARB_MAX_UNHEDGED)).hasToString("file " + file);
    assertThat(config.get(Settings.ARB_DAILY_LOSS_LIMIT)).contains(Money.parse("50"));
    assertThat(config.sourceOf(Settings.ARB_DAILY_LOSS_LIMIT)).isEqualTo(Source.DEFAULT);
    assertThat(config.get(Settings.KALSHI_API_KEY_ID)).isEmpty();
    assertThat(config.sourceOf(Settings.KALSHI_API_KEY_ID)).isEqualTo(Source.NONE);
  }

  @Test
  void defaultsAreTypedValues() {
    Configuration config = Configuration.resolve(Map.of(), env());

    assertThat(config.get(Settings.ARB_MAX_NOTIONAL_PER_PAIR)).contains(Money.parse("100"));
    assertThat(config.get(Settings.ARB_MAX_NOTIONAL_TOTAL)).contains(Money.parse("1000"));
    assertThat(config.get(Settings.ARB_MAX_UNHEDGED)).contains(Money.parse("25"));
    assertThat(config.get(Settings.ARB_DAILY_LOSS_LIMIT)).contains(Money.parse("50"));
    assertThat(config.get(Settings.ARB_MAX_CONSECUTIVE_ERRORS)).contains(5);
    assertThat(config.get(Settings.ARB_MIN_EDGE)).contains(Money.parse("0.02"));
    assertThat(config.get(Settings.ARB_MIN_EDGE_REL)).hasValueSatisfying(
        rel -> assertThat(rel).isEqualByComparingTo(new BigDecimal("0.005")));
    assertThat(config.get(Settings.ARB_MAX_SIZE)).contains(Quantity.of(100));
    assertThat(config.get(Settings.ARB_MAX_BOOK_AGE_MS)).contains(Duration.ofMillis(2000));
    assertThat(config.get(Settings.ARB_SILENCE_MS)).contains(Duration.ofSeconds(10));
  }

  @Test
  void dataDirectoryDefaultsToDotData() {
    Configuration config = Configuration.resolve(Map.of(), Map.of());

    assertThat(config.get(Settings.ARB_DATA_DIR)).contains(Path.of("./data"));
    assertThat(config.sourceOf(Settings.ARB_DATA_DIR)).isEqualTo(Source.DEFAULT);
  }

  @Test
  void dataDirectoryFromTheFlagLocatesTheFile() throws IOException {
    Path other = Files.createDirectory(dataDir.resolve("other"));
    Files.writeString(other.resolve("config.properties"), "ARB_MAX_SIZE=3\n");

    Configuration config = Configuration.resolve(Map.of("ARB_DATA_DIR", other.toString()), env());

    assertThat(config.get(Settings.ARB_MAX_SIZE)).contains(Quantity.of(3));
    assertThat(config.sourceOf(Settings.ARB_DATA_DIR)).isEqualTo(Source.FLAG);
  }

  @Test
  void valuesAreTrimmedAndBlankValuesFallThroughToTheNextLayer() throws IOException {
    configFile("ARB_MAX_SIZE = 30  \n");

    Configuration config = Configuration.resolve(Map.of("ARB_MAX_SIZE", ""), env("ARB_MAX_SIZE", "  "));

    assertThat(config.get(Settings.ARB_MAX_SIZE)).contains(Quantity.of(30));
    assertThat(config.entries()).filteredOn(e -> e.key().equals("ARB_MAX_SIZE"))
        .singleElement().extracting(Configuration.Entry::value).isEqualTo("30");
  }

  @Test
  void anAbsentFileIsFine() {
    assertThat(Configuration.resolve(Map.of(), env()).entries()).hasSize(Settings.all().size());
  }

  @Test
  void aFileThatCannotBeReadIsAConfigErrorNamingTheFile() throws IOException {
    Path file = Files.createDirectory(dataDir.resolve("config.properties"));

    assertThatThrownBy(() -> Configuration.resolve(Map.of(), env()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("cannot read config file " + file + ": ");
  }

  @Test
  void aDanglingLinkIsAConfigError() throws IOException {
    Files.createSymbolicLink(dataDir.resolve("config.properties"), dataDir.resolve("gone"));

    assertThatThrownBy(() -> Configuration.resolve(Map.of(), env()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("dangling link");
  }

  @Test
  void aMalformedFileIsAConfigError() throws IOException {
    configFile("ARB_MAX_SIZE=\\u12G4\n");

    assertThatThrownBy(() -> Configuration.resolve(Map.of(), env()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("cannot read config file ")
        .hasMessageContaining("Malformed");
  }

  @Test
  void aFileThatIsNotUtf8IsAConfigError() throws IOException {
    Files.write(dataDir.resolve("config.properties"), new byte[] {'A', '=', (byte) 0xC3, (byte) 0x28});

    assertThatThrownBy(() -> Configuration.resolve(Map.of(), env()))
        .isInstanceOf(ConfigException.class)
        .hasMessageEndingWith("not valid UTF-8");
  }

  @Test
  void anUnknownKeyInTheFileNamesFileAndKey() throws IOException {
    Path file = configFile("ARB_MAX_SIZE=3\nARB_MAX_SIZ=4\n");

    assertThatThrownBy(() -> Configuration.resolve(Map.of(), env()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config file " + file + ": unknown setting 'ARB_MAX_SIZ'");
  }

  @Test
  void theFileCannotMoveTheDataDirectory() throws IOException {
    configFile("ARB_DATA_DIR=/elsewhere\n");

    assertThatThrownBy(() -> Configuration.resolve(Map.of(), env()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ARB_DATA_DIR cannot be set in the file it locates");
  }

  @Test
  void anInvalidValueNamesTheSettingItsSourceAndTheValue() throws IOException {
    Path file = configFile("ARB_MAX_NOTIONAL_TOTAL=lots\n");

    assertThatThrownBy(() -> Configuration.resolve(Map.of(), env()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("invalid ARB_MAX_NOTIONAL_TOTAL (from file " + file + "): not a decimal number: \"lots\"");
  }

  @Test
  void everyKindOfInvalidValueIsRefused() {
    Map<String, String> invalid = Map.ofEntries(
        Map.entry("KALSHI_API_KEY_ID", "not-a-uuid"),
        Map.entry("POLY_FUNDER", "0x1234"),
        Map.entry("ARB_MAX_NOTIONAL_PER_PAIR", "0"),
        Map.entry("ARB_MAX_NOTIONAL_TOTAL", "-5"),
        Map.entry("ARB_MAX_UNHEDGED", "1e3"),
        Map.entry("ARB_DAILY_LOSS_LIMIT", "0.0000001"),
        Map.entry("ARB_MAX_CONSECUTIVE_ERRORS", "0"),
        Map.entry("ARB_MIN_EDGE", "-0.01"),
        Map.entry("ARB_MIN_EDGE_REL", "1"),
        Map.entry("ARB_MAX_SIZE", "0"),
        Map.entry("ARB_MAX_BOOK_AGE_MS", "2.5"),
        Map.entry("ARB_SILENCE_MS", "0"),
        Map.entry("KALSHI_KEY_FILE", dataDir.resolve("missing.pem").toString()));
    invalid.forEach((key, value) -> assertThatThrownBy(() -> Configuration.resolve(Map.of(key, value), env()))
        .as("%s=%s", key, value)
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("invalid " + key + " (from flag): "));
  }

  @Test
  void validNonDefaultValuesAreAccepted() {
    Configuration config = Configuration.resolve(Map.of(
        "KALSHI_API_KEY_ID", "A952BCBE-EC3B-4B5B-B8F9-11DAE589608C",
        "POLY_FUNDER", "0xAbCdEf0123456789aBcDeF0123456789AbCdEf01",
        "ARB_MIN_EDGE", "0",
        "ARB_MIN_EDGE_REL", "0.0125",
        "ARB_MAX_SIZE", "12.5",
        "ARB_MAX_CONSECUTIVE_ERRORS", "1"), env());

    assertThat(config.get(Settings.KALSHI_API_KEY_ID)).contains("A952BCBE-EC3B-4B5B-B8F9-11DAE589608C");
    assertThat(config.get(Settings.POLY_FUNDER)).contains("0xAbCdEf0123456789aBcDeF0123456789AbCdEf01");
    assertThat(config.get(Settings.ARB_MIN_EDGE)).contains(Money.ZERO);
    assertThat(config.get(Settings.ARB_MAX_SIZE)).contains(Quantity.parse("12.5"));
    assertThat(config.get(Settings.ARB_MAX_CONSECUTIVE_ERRORS)).contains(1);
  }

  @Test
  void anUnknownFlagKeyIsRefused() {
    assertThatThrownBy(() -> Configuration.resolve(Map.of("NOPE", "1"), env()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown setting 'NOPE'");
  }

  @Test
  void requireExplainsHowToSetAMissingValue() {
    Configuration config = Configuration.resolve(Map.of(), env());

    assertThatThrownBy(() -> config.require(Settings.KALSHI_API_KEY_ID))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("KALSHI_API_KEY_ID is not set; set it in the environment, with --set");
    assertThat(config.require(Settings.ARB_MAX_SIZE)).isEqualTo(Quantity.of(100));
  }

  @Test
  void settingsOutsideTheRegistryAreRefused() {
    Setting<String> stray = Setting.of("STRAY", String.class, text -> text, "not registered");
    Configuration config = Configuration.resolve(Map.of(), env());

    assertThatThrownBy(() -> config.get(stray)).isInstanceOf(IllegalArgumentException.class);
  }
}
