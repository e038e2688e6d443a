package io.github.crossarb.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.cli.TestKeys;
import io.github.crossarb.cli.CliRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
  @TempDir Path dataDir;

  private Map<String, String> env(String... keyValues) {
    return CliRunner.environment(dataDir, keyValues);
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void secretPrintsAsStars() {
    Secret secret = Secret.of("hunter2");

    assertThat(secret).hasToString("***");
    assertThat("key=" + secret).isEqualTo("key=***");
    assertThat(secret.reveal()).isEqualTo("hunter2");
  }

  @Test
  void onlySecretTypedSettingsAreSecret() {
    assertThat(Settings.all()).filteredOn(Setting::isSecret).extracting(Setting::key)
        .containsExactly("KALSHI_KEY_B64", "POLY_PRIVATE_KEY", "POLY_API_KEY", "POLY_API_SECRET", "POLY_API_PASSPHRASE",
            "TRADER_LINK_SECRET", "ARB_ALERT_SLACK_URL", "ARB_ALERT_DISCORD_URL", "ARB_ALERT_TELEGRAM_TOKEN",
            "ARB_ALERT_NTFY_URL", "ARB_ALERT_NTFY_TOKEN", "ARB_WEB_TOKEN");
    assertThat(Settings.all()).filteredOn(Setting::isSecret)
        .allSatisfy(setting -> assertThat(setting.defaultText()).isEmpty());
  }

  @Test
  void aShortWebTokenIsRefusedWithoutQuotingIt() {
    String shortToken = "not-long-enough-token-123";

    assertThatThrownBy(() -> Configuration.resolve(Map.of(), env("ARB_WEB_TOKEN", shortToken)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ARB_WEB_TOKEN").hasMessageContaining("at least 32 characters")
        .hasMessageNotContaining(shortToken);
    String token = "0123456789abcdef0123456789abcdef-web";
    Configuration config = Configuration.resolve(Map.of(), env("ARB_WEB_TOKEN", token));
    assertThat(config.require(Settings.ARB_WEB_TOKEN).reveal()).isEqualTo(token);
    assertThat(config.require(Settings.ARB_WEB_TOKEN)).hasToString("***");
  }

  @Test
  void webListenIsHostPortOrOff() {
    assertThat(Configuration.resolve(Map.of(), env()).require(Settings.ARB_WEB_LISTEN)).isEqualTo("127.0.0.1:8080");
    assertThat(Configuration.resolve(Map.of(), env("ARB_WEB_LISTEN", "OFF")).require(Settings.ARB_WEB_LISTEN))
        .isEqualTo("off");
    assertThat(Configuration.resolve(Map.of(), env("ARB_WEB_LISTEN", "0.0.0.0:0")).require(Settings.ARB_WEB_LISTEN))
        .isEqualTo("0.0.0.0:0");
    assertThatThrownBy(() -> Configuration.resolve(Map.of(), env("ARB_WEB_LISTEN", "8080")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("ARB_WEB_LISTEN");
    assertThatThrownBy(() -> Configuration.resolve(Map.of(), env("ARB_WEB_LISTEN", "127.0.0.1:70000")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("ARB_WEB_LISTEN");
  }

  @Test
  void kalshiKeyB64DecodesToThePem() {
    Configuration config = Configuration.resolve(Map.of(), env("KALSHI_KEY_B64", TestKeys.KALSHI_PEM_B64));

    assertThat(config.require(Settings.KALSHI_KEY_B64).reveal()).isEqualTo(TestKeys.KALSHI_PEM);
  }

  @Test
  void kalshiKeyB64WrappedByTheBase64ToolIsAccepted() {
    String wrapped = TestKeys.KALSHI_PEM_B64.substring(0, 40) + "\n" + TestKeys.KALSHI_PEM_B64.substring(40);

    Configuration config = Configuration.resolve(Map.of(), env("KALSHI_KEY_B64", wrapped));

    assertThat(config.require(Settings.KALSHI_KEY_B64).reveal()).isEqualTo(TestKeys.KALSHI_PEM);
  }

  @Test
  void alertWebhookUrlsAndTokensAreSecretsRefusedWithoutEchoingThem() {
    String url = "https://hooks.example.test/services/T0/B0/SECRETMARKER";
    Configuration config = Configuration.resolve(Map.of(), env("ARB_ALERT_SLACK_URL", url,
        "ARB_ALERT_TELEGRAM_TOKEN", "123456:SECRETMARKER_abcdefghijklmnop", "ARB_ALERT_TELEGRAM_CHAT_ID", "-1001",
        "ARB_ALERT_NTFY_URL", "https://ntfy.example.test/SECRETMARKER", "ARB_ALERT_NTFY_TOKEN", "tk_SECRETMARKER"));
    assertThat(config.require(Settings.ARB_ALERT_SLACK_URL).reveal()).isEqualTo(url);
    assertThat(config.entries().toString()).doesNotContain("SECRETMARKER");

    assertThatThrownBy(() -> Configuration.resolve(Map.of(), env("ARB_ALERT_DISCORD_URL", "ftp://SECRETMARKER/x")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("invalid ARB_ALERT_DISCORD_URL (from env): must be an http:// or https:// URL with a host");
    assertThatThrownBy(() -> Configuration.resolve(Map.of(), env("ARB_ALERT_TELEGRAM_TOKEN", "SECRETMARKER",
        "ARB_ALERT_TELEGRAM_CHAT_ID", "42")))
        .isInstanceOf(ConfigException.class)
        .hasMessageNotContaining("SECRETMARKER");
    assertThatThrownBy(() -> Configuration.resolve(Map.of(), env("ARB_ALERT_NTFY_TOKEN", "SECRET MARKER\n",
        "ARB_ALERT_NTFY_URL", "https://ntfy.example.test/t")))
        .isInstanceOf(ConfigException.class)
        .hasMessageNotContaining("SECRET");
  }

  @Test
  void alertTelegramNeedsTokenAndChatTogether() {
    assertThatThrownBy(() -> Configuration.resolve(Map.of(), env("ARB_ALERT_TELEGRAM_CHAT_ID", "42")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ARB_ALERT_TELEGRAM_TOKEN and ARB_ALERT_TELEGRAM_CHAT_ID");
  }

  @Test
  void kalshiKeyB64ThatIsNotBase64IsRefusedWithoutEchoingIt() {
    String bad = "SECRETMARKER!!!";

    assertThatThrownBy(() -> Configuration.resolve(Map.of(), env("KALSHI_KEY_B64", bad)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("invalid KALSHI_KEY_B64 (from env): not valid base64")
        .hasNoCause();
  }

  @Test
  void kalshiKeyB64ThatIsNotAPemIsRefusedWithoutEchoingIt() {
    String bad = base64("SECRETMARKER just some text");

    assertThatThrownBy(() -> Configuration.resolve(Map.of(), env("KALSHI_KEY_B64", bad)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("invalid KALSHI_KEY_B64 (from env): does not decode to a PEM private key")
        .hasMessageNotContaining("SECRETMARKER")
        .hasMessageNotContaining(bad);
  }

  @Test
  void encryptedKeysAreRefused() {
    String encrypted = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nabc\n-----END ENCRYPTED PRIVATE KEY-----\n";

    assertThatThrownBy(() -> Configuration.resolve(Map.of(), env("KALSHI_KEY_B64", base64(encrypted))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("encrypted private keys are not supported");
  }

  @Test
  void bothKalshiKeySourcesIsAConfigErrorNamingTheirSources() throws IOException {
    Path pem = Files.writeString(dataDir.resolve("kalshi.pem"), TestKeys.KALSHI_PEM);
    Files.writeString(dataDir.resolve("config.properties"), "KALSHI_KEY_FILE=" + pem + "\n");

    assertThatThrownBy(() -> Configuration.resolve(Map.of(), env("KALSHI_KEY_B64", TestKeys.KALSHI_PEM_B64)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("set only one of KALSHI_KEY_B64 (from env) and KALSHI_KEY_FILE (from file "
            + dataDir.resolve("config.properties") + ")");
  }

  @Test
  void kalshiKeyFileMustBeAReadablePem() throws IOException {
    Path pem = Files.writeString(dataDir.resolve("kalshi.pem"), TestKeys.KALSHI_PEM);
    Path notPem = Files.writeString(dataDir.resolve("notes.txt"), "SECRETMARKER");

    assertThat(Configuration.resolve(Map.of("KALSHI_KEY_FILE", pem.toString()), env())
        .get(Settings.KALSHI_KEY_FILE)).contains(pem);
    assertThatThrownBy(() -> Configuration.resolve(Map.of("KALSHI_KEY_FILE", notPem.toString()), env()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is not a PEM private key")
        .hasMessageNotContaining("SECRETMARKER");
    assertThatThrownBy(() -> Configuration.resolve(Map.of("KALSHI_KEY_FILE", dataDir.toString()), env()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is not a regular file");
  }

  @Test
  void polymarketKeyIsNormalisedToLowerCaseWithPrefix() {
    String bare = TestKeys.POLY_KEY.substring(2).toUpperCase(java.util.Locale.ROOT);

    Configuration config = Configuration.resolve(Map.of(), env("POLY_PRIVATE_KEY", bare));

    assertThat(config.require(Settings.POLY_PRIVATE_KEY).reveal()).isEqualTo(TestKeys.POLY_KEY);
  }

  @Test
  void badPolymarketKeysAreRefusedWithoutEchoingThem() {
    String[] bad = {
        TestKeys.POLY_KEY.substring(0, 65), // one digit short
        TestKeys.POLY_KEY.replace('c', 'g'), // not hex
        "0x" + "0".repeat(64), // zero is not a key
        "0x" + "f".repeat(64)}; // above the curve order
    for (String key : bad) {
      assertThatThrownBy(() -> Configuration.resolve(Map.of(), env("POLY_PRIVATE_KEY", key)))
          .as(key)
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("invalid POLY_PRIVATE_KEY (from env): ")
          .hasMessageNotContaining(key.substring(2, 20))
          .hasNoCause();
    }
  }

  @Test
  void entriesMaskSecrets() {
    Configuration config = Configuration.resolve(Map.of("POLY_PRIVATE_KEY", TestKeys.POLY_KEY),
        env("KALSHI_KEY_B64", TestKeys.KALSHI_PEM_B64));

    assertThat(config.entries()).filteredOn(entry -> entry.key().equals("KALSHI_KEY_B64")
            || entry.key().equals("POLY_PRIVATE_KEY"))
        .extracting(Configuration.Entry::value).containsOnly("***");
    assertThat(config.entries().toString()).doesNotContain(TestKeys.POLY_KEY.substring(2), "TESTKEYBODY",
        TestKeys.KALSHI_PEM_B64);
  }
}
