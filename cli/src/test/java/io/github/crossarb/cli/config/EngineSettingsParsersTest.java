package io.github.crossarb.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EngineSettingsParsersTest {
  @Test
  void booleansAreTrueOrFalseOnly() {
    assertThat(ValueParsers.bool("true")).isTrue();
    assertThat(ValueParsers.bool("FALSE")).isFalse();
    assertThatThrownBy(() -> ValueParsers.bool("yes")).hasMessageContaining("true, false");
  }

  @Test
  void pairPoliciesNameAPairAndAPolicyEach() {
    assertThat(ValueParsers.pairPolicies("fed-dec=sequential,btc-100k=parallel"))
        .isEqualTo("fed-dec=sequential,btc-100k=parallel");
    assertThatThrownBy(() -> ValueParsers.pairPolicies("fed-dec=fast")).hasMessageContaining("parallel, sequential");
    assertThatThrownBy(() -> ValueParsers.pairPolicies("=parallel")).hasMessageContaining("PAIR_ID=");
    assertThatThrownBy(() -> ValueParsers.pairPolicies("a=parallel,,b=parallel")).hasMessageContaining("PAIR_ID=");
  }

  @Test
  void engineSettingsHaveSafeDefaults() {
    Configuration config = Configuration.resolve(java.util.Map.of(), java.util.Map.of("ARB_DATA_DIR", "/nonexistent-dir"));
    assertThat(config.require(Settings.ARB_MODE)).isEqualTo("dry-run");
    assertThat(config.require(Settings.ARB_ALLOW_LIVE)).isFalse();
  }
}
