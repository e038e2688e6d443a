package io.github.crossarb.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The invariants of the repository's {@code fly.toml} (see docs/deploy.md): one machine named
 * arb-controller in ams, the arb_data volume at /data, nothing exposed, a JVM-sized VM, and a kill
 * signal and timeout that leave the controller time to persist and cancel. {@link #violations}
 * lists every broken one, in words; an empty list means the file is fine.
 */
final class FlyTomlRules {
  static final String APP = "arb-controller";
  static final String REGION = "ams";
  static final String VOLUME = "arb_data";
  static final String DATA_DIR = "/data";
  static final String DOCKERFILE = "deploy/Dockerfile";
  /** Fly's default is 256 MB; the JVM (and a second one for an interactive session) needs more. */
  static final long MIN_MEMORY_MB = 1024;
  /** Enough for the entrypoint's 25 s controller stop plus tailscaled; Fly's maximum is 300 s. */
  static final long MIN_KILL_TIMEOUT_S = 30;
  static final long MAX_KILL_TIMEOUT_S = 300;
  /** Signals the entrypoint traps as "shut down gracefully". */
  static final Set<String> GRACEFUL_SIGNALS = Set.of("SIGTERM", "SIGINT");

  private static final Pattern MEMORY = Pattern.compile("(\\d+)\\s*(mb|gb)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern SECONDS = Pattern.compile("(\\d+)s?");

  private FlyTomlRules() {}

  /** The broken invariants of the TOML text, or a single "not valid TOML" entry. */
  static List<String> violations(String toml) {
    JsonNode root;
    try {
      root = new TomlMapper().readTree(toml);
    } catch (IOException e) {
      return List.of("not valid TOML: " + e.getMessage().lines().findFirst().orElse(""));
    }
    List<String> found = new ArrayList<>();
    expectText(root, "app", APP, found);
    expectText(root, "primary_region", REGION, found);
    expectText(root.path("build"), "dockerfile", DOCKERFILE, found);
    expectText(root.path("env"), "ARB_DATA_DIR", DATA_DIR, found);
    checkMounts(root, found);
    checkNoPublicService(root, found);
    checkMemory(root, found);
    checkKill(root, found);
    checkRestart(root, found);
    checkHealth(root, found);
    return found;
  }

  static List<String> violations(Path flyToml) throws IOException {
    return violations(Files.readString(flyToml));
  }

  /** Fly's memory notation: an integer (MB), "512mb" or "1gb". */
  static long memoryMb(JsonNode value) {
    if (value.isIntegralNumber()) {
      return value.asLong();
    }
    Matcher m = MEMORY.matcher(value.asText().trim());
    if (!value.isTextual() || !m.matches()) {
      throw new IllegalArgumentException("memory is not like 1024, \"512mb\" or \"1gb\": " + value);
    }
    long amount = Long.parseLong(m.group(1));
    return "gb".equals(lower(m.group(2))) ? amount * 1024 : amount;
  }

  private static void expectText(JsonNode table, String key, String expected, List<String> found) {
    JsonNode value = table.path(key);
    if (!value.isTextual() || !value.asText().equals(expected)) {
      found.add(key + " must be \"" + expected + "\" (is " + describe(value) + ")");
    }
  }

  private static void checkMounts(JsonNode root, List<String> found) {
    List<JsonNode> mounts = tables(root.path("mounts"));
    if (mounts.size() != 1) {
      found.add("exactly one mount expected, the " + VOLUME + " volume at " + DATA_DIR + " (found " + mounts.size() + ")");
      return;
    }
    JsonNode mount = mounts.get(0);
    if (!VOLUME.equals(mount.path("source").asText(null))
        || !DATA_DIR.equals(mount.path("destination").asText(null))) {
      found.add("mount must be source \"" + VOLUME + "\" at destination \"" + DATA_DIR + "\" (is "
          + describe(mount.path("source")) + " at " + describe(mount.path("destination")) + ")");
    }
  }

  private static void checkNoPublicService(JsonNode root, List<String> found) {
    for (String key : List.of("services", "http_service")) {
      if (root.has(key)) {
        found.add("no public service allowed: remove [" + key + "] (the controller only dials out)");
      }
    }
  }

  private static void checkMemory(JsonNode root, List<String> found) {
    List<JsonNode> vms = tables(root.path("vm"));
    if (vms.isEmpty()) {
      found.add("a [[vm]] with memory >= " + MIN_MEMORY_MB + " MB is required (Fly's default is 256 MB)");
      return;
    }
    for (JsonNode vm : vms) {
      JsonNode memory = vm.has("memory_mb") ? vm.get("memory_mb") : vm.path("memory");
      if (memory.isMissingNode()) {
        found.add("vm memory must be set, at least " + MIN_MEMORY_MB + " MB (Fly's default is 256 MB)");
        continue;
      }
      try {
        long mb = memoryMb(memory);
        if (mb < MIN_MEMORY_MB) {
          found.add("vm memory must be at least " + MIN_MEMORY_MB + " MB (is " + mb + " MB)");
        }
      } catch (IllegalArgumentException e) {
        found.add("vm " + e.getMessage());
      }
    }
  }

  private static void checkKill(JsonNode root, List<String> found) {
    JsonNode signal = root.path("kill_signal");
    if (!GRACEFUL_SIGNALS.contains(signal.asText(""))) {
      found.add("kill_signal must be one the entrypoint handles, " + GRACEFUL_SIGNALS + " (is " + describe(signal) + ")");
    }
    JsonNode timeout = root.path("kill_timeout");
    Long seconds = null;
    if (timeout.isIntegralNumber()) {
      seconds = timeout.asLong();
    } else if (timeout.isTextual() && SECONDS.matcher(timeout.asText()).matches()) {
      Matcher m = SECONDS.matcher(timeout.asText());
      m.matches();
      seconds = Long.parseLong(m.group(1));
    }
    if (seconds == null || seconds < MIN_KILL_TIMEOUT_S || seconds > MAX_KILL_TIMEOUT_S) {
      found.add("kill_timeout must be " + MIN_KILL_TIMEOUT_S + ".." + MAX_KILL_TIMEOUT_S
          + " seconds, time for the controller to persist and cancel (is " + describe(timeout) + ")");
    }
  }

  private static void checkRestart(JsonNode root, List<String> found) {
    List<JsonNode> restarts = tables(root.path("restart"));
    boolean always = restarts.size() == 1 && "always".equals(restarts.get(0).path("policy").asText(null));
    if (!always) {
      found.add("one [[restart]] with policy \"always\" expected: the machine has no service to wake it");
    }
  }

  /**
   * An http check on GET /health at the port of ARB_WEB_LISTEN, which must bind every address:
   * Fly's checks dial the machine's private address, never its loopback.
   */
  private static void checkHealth(JsonNode root, List<String> found) {
    String listen = root.path("env").path("ARB_WEB_LISTEN").asText("");
    if (!listen.startsWith("0.0.0.0:")) {
      found.add("env ARB_WEB_LISTEN must be \"0.0.0.0:PORT\": Fly's health check dials the machine's private"
          + " address (is " + describe(root.path("env").path("ARB_WEB_LISTEN")) + ")");
      return;
    }
    String port = listen.substring("0.0.0.0:".length());
    JsonNode checks = root.path("checks");
    boolean health = false;
    for (java.util.Iterator<JsonNode> it = checks.elements(); it.hasNext(); ) {
      JsonNode check = it.next();
      health |= "http".equals(check.path("type").asText(null)) && "/health".equals(check.path("path").asText(null))
          && port.equals(check.path("port").asText(null));
    }
    if (!health) {
      found.add("a [checks.NAME] of type \"http\" on path \"/health\" and port " + port
          + " (ARB_WEB_LISTEN) is required");
    }
  }

  /** A TOML array of tables, or a single table, as a list; anything else as an empty list. */
  private static List<JsonNode> tables(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(out::add);
    } else if (node.isObject()) {
      out.add(node);
    }
    return out;
  }

  private static String describe(JsonNode value) {
    return value.isMissingNode() ? "missing" : value.toString();
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
