package io.github.crossarb.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A tmux server of a test's own ({@code -L}, no user config), for driving the dashboard over a real
 * pseudo-terminal. Commands run without the caller's crossarb settings and with the web server on a
 * free port (never the default 8080: tests run side by side).
 */
public final class TmuxServer {
  private final String name;

  public TmuxServer(String prefix) {
    this.name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Runs {@code tmux ARGS} against this server; its output (stdout and stderr). */
  public String run(List<String> args) throws Exception {
    List<String> all = new ArrayList<>(List.of("tmux", "-L", name, "-f", "/dev/null"));
    all.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(all).redirectErrorStream(true);
    builder.environment().keySet().removeIf(key -> key.startsWith("ARB_") || key.startsWith("KALSHI_")
        || key.startsWith("POLY_") || key.equals("JAVA_OPTS") || key.equals("TMUX") || key.equals("NO_COLOR"));
    builder.environment().put("TERM", "xterm-256color");
    builder.environment().put("ARB_WEB_LISTEN", "127.0.0.1:0");
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("tmux " + args + " did not finish");
    }
    return out;
  }
}
