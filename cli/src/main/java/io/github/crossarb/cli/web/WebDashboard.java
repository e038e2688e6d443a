package io.github.crossarb.cli.web;

import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.config.Secret;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.cli.daemon.ControlFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The web server as the engine runs it: {@code ARB_WEB_LISTEN} ({@code off}: none), and the token
 * from {@code ARB_WEB_TOKEN} or, when that is unset, from {@code $ARB_DATA_DIR/web.token}: reused
 * if a valid one is there (a restart does not log the operator's tools out), otherwise a new
 * random one written owner-only.
 */
public final class WebDashboard {
  public static final String TOKEN_FILE = "web.token";

  private WebDashboard() {}

  /** A started server, and where its token came from (for the operator; never the token itself). */
  public record Started(WebServer server, String tokenSource) {}

  /**
   * Starts the server, or returns empty when {@code ARB_WEB_LISTEN=off}.
   *
   * @throws ConfigException when the address cannot be bound or the token file cannot be written
   */
  public static Optional<Started> start(Configuration config, WebTarget target, Supplier<String> metrics)
      throws Exception {
    String listen = config.require(Settings.ARB_WEB_LISTEN);
    if (listen.equals("off")) {
      return Optional.empty();
    }
    int colon = listen.lastIndexOf(':');
    String host = listen.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = Integer.parseInt(listen.substring(colon + 1));
    Optional<Secret> configured = config.get(Settings.ARB_WEB_TOKEN);
    Secret token;
    String source;
    if (configured.isPresent()) {
      token = configured.get();
      source = "ARB_WEB_TOKEN (from " + config.sourceOf(Settings.ARB_WEB_TOKEN) + ")";
    } else {
      Path file = config.require(Settings.ARB_DATA_DIR).resolve(TOKEN_FILE);
      token = tokenFile(file);
      source = file.toString();
    }
    WebServer server = WebServer.start(WebServer.Options.defaults(host, port, token), target, metrics);
    return Optional.of(new Started(server, source));
  }

  /** The token in {@code file} when it holds a valid one, else a new one written there owner-only. */
  static Secret tokenFile(Path file) {
    try {
      if (Files.isRegularFile(file)) {
        String existing = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (existing.length() >= 32 && existing.chars().allMatch(c -> c > ' ' && c < 127)) {
          ControlFiles.writeOwnerOnly(file, existing + "\n"); // and owner-only again, whatever it was
          return Secret.of(existing);
        }
      }
      String token = ControlFiles.newToken();
      ControlFiles.writeOwnerOnly(file, token + "\n");
      return Secret.of(token);
    } catch (IOException | RuntimeException e) {
      throw new ConfigException("cannot write the web token file " + file + ": " + e.getMessage()
          + "; set ARB_WEB_TOKEN, or ARB_WEB_LISTEN=off", e);
    }
  }
}
