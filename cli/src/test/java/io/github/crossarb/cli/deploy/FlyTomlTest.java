package io.github.crossarb.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The repository's fly.toml keeps the deployment's invariants, and each invariant is shown to catch
 * a deliberate mistake in a mutated copy of the real file.
 */
class FlyTomlTest {
  /** Surefire runs in the module directory (cli/); fly.toml is at the repository root. */
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Path FLY_TOML = REPO.resolve("fly.toml");

  private static String original;

  @BeforeAll
  static void readFile() throws IOException {
    assertThat(FLY_TOML).as("fly.toml at the repository root").isRegularFile();
    original = Files.readString(FLY_TOML);
  }

  @Test
  void theRepositoryFlyTomlKeepsEveryInvariant() throws IOException {
    assertThat(FlyTomlRules.violations(FLY_TOML)).isEmpty();
  }

  @Test
  void theDockerfileItNamesExists() {
    assertThat(REPO.resolve(FlyTomlRules.DOCKERFILE)).isRegularFile();
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of("wrong region", "primary_region = \"ams\"", "primary_region = \"fra\"", "primary_region"),
        Arguments.of("wrong app", "app = \"arb-controller\"", "app = \"arb-controler\"", "app must be"),
        Arguments.of("mount elsewhere", "destination = \"/data\"", "destination = \"/srv\"", "mount must be"),
        Arguments.of("other volume", "source = \"arb_data\"", "source = \"arb_dat\"", "mount must be"),
        Arguments.of("no mount", "[[mounts]]", "[[mount]]", "exactly one mount"),
        Arguments.of("data dir not on the volume", "ARB_DATA_DIR = \"/data\"", "ARB_DATA_DIR = \"/tmp\"", "ARB_DATA_DIR"),
        Arguments.of("public http service", "[[mounts]]",
            "[http_service]\n  internal_port = 8080\n  force_https = true\n\n[[mounts]]", "no public service"),
        Arguments.of("public tcp service", "[[mounts]]",
            "[[services]]\n  internal_port = 9000\n  protocol = \"tcp\"\n\n[[mounts]]", "no public service"),
        Arguments.of("default-size memory", "memory = \"1gb\"", "memory = \"256mb\"", "at least 1024 MB"),
        Arguments.of("memory in plain MB", "memory = \"1gb\"", "memory = 512", "at least 1024 MB"),
        Arguments.of("memory unset", "memory = \"1gb\"", "cpus = 1", "memory must be set"),
        Arguments.of("memory unreadable", "memory = \"1gb\"", "memory = \"lots\"", "memory is not like"),
        Arguments.of("no vm", "[[vm]]", "[[vms]]", "[[vm]]"),
        Arguments.of("short kill timeout", "kill_timeout = 30", "kill_timeout = 5", "kill_timeout"),
        Arguments.of("kill timeout over Fly's maximum", "kill_timeout = 30", "kill_timeout = 600", "kill_timeout"),
        Arguments.of("kill timeout unset", "kill_timeout = 30", "", "kill_timeout"),
        Arguments.of("kill signal not trapped", "kill_signal = \"SIGTERM\"", "kill_signal = \"SIGKILL\"", "kill_signal"),
        Arguments.of("restart on failure only", "policy = \"always\"", "policy = \"on-failure\"", "restart"),
        Arguments.of("other Dockerfile", "dockerfile = \"deploy/Dockerfile\"", "dockerfile = \"Dockerfile\"", "dockerfile"),
        Arguments.of("web on loopback: the check cannot reach it", "ARB_WEB_LISTEN = \"0.0.0.0:8080\"",
            "ARB_WEB_LISTEN = \"127.0.0.1:8080\"", "ARB_WEB_LISTEN"),
        Arguments.of("check on another port", "port = 8080", "port = 9090", "/health"),
        Arguments.of("check on another path", "path = \"/health\"", "path = \"/ready\"", "/health"),
        Arguments.of("no health check", "[checks.controller]", "[checks_disabled.controller]", "/health"),
        Arguments.of("invalid TOML", "primary_region = \"ams\"", "primary_region = \"ams", "not valid TOML"),
        Arguments.of("duplicate key", "primary_region = \"ams\"", "primary_region = \"ams\"\nprimary_region = \"ams\"",
            "not valid TOML"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void aMistakeInACopyIsCaught(String name, String from, String to, String expected) {
    assertThat(original).as("the text the mutation replaces").contains(from);
    String broken = original.replace(from, to);

    List<String> violations = FlyTomlRules.violations(broken);

    assertThat(violations).as(name).isNotEmpty().anySatisfy(v -> assertThat(v).contains(expected));
  }

  @Test
  void killTimeoutMayBeADurationString() {
    String asDuration = original.replace("kill_timeout = 30", "kill_timeout = \"45s\"");
    assertThat(asDuration).isNotEqualTo(original);
    assertThat(FlyTomlRules.violations(asDuration)).isEmpty();
  }

  @Test
  void memoryNotations() {
    assertThat(FlyTomlRules.memoryMb(TextNode.valueOf("1gb"))).isEqualTo(1024);
    assertThat(FlyTomlRules.memoryMb(TextNode.valueOf("2GB"))).isEqualTo(2048);
    assertThat(FlyTomlRules.memoryMb(TextNode.valueOf("512mb"))).isEqualTo(512);
    assertThat(FlyTomlRules.memoryMb(TextNode.valueOf("768"))).isEqualTo(768);
    assertThat(FlyTomlRules.memoryMb(IntNode.valueOf(4096))).isEqualTo(4096);
    assertThatThrownBy(() -> FlyTomlRules.memoryMb(TextNode.valueOf("1 tb")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
