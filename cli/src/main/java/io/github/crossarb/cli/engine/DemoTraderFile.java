package io.github.crossarb.cli.engine;

import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pair.MarketPair;
import io.github.crossarb.core.pair.PairEntry;
import io.github.crossarb.core.pair.PairRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * When the demo routes a venue's orders through a trader ({@code ARB_EXECUTE_REMOTE}), the settings
 * that trader needs, written to {@code $ARB_DATA_DIR/trader.env} (owner-only): the simulator's venue
 * settings, the link's address, and the demo's instruments as its allowed markets. The link secret
 * is not in the file: the operator gives both processes the same {@code TRADER_LINK_SECRET}.
 */
public final class DemoTraderFile {
  public static final String FILE_NAME = "trader.env";

  private DemoTraderFile() {}

  /** Writes the file and says how to start the trader, if a venue executes remotely; else nothing. */
  public static void writeIfRemote(EngineRuntime runtime, Configuration config, EngineSettings settings,
      Map<String, String> simulator, PairRegistry registry, Path dataDir, PrintWriter out) throws IOException {
    if (settings.remoteVenues().isEmpty() || runtime.linkPort().isEmpty()) {
      return;
    }
    String address = runtime.linkAddress().orElseThrow();
    Optional<Path> certificate = config.get(Settings.TRADER_LINK_TLS_CERT);
    List<String> lines = new ArrayList<>();
    lines.add("# Written by 'controller demo': a trader for this demo's simulated venues.");
    lines.add("# set -a; . " + dataDir.resolve(FILE_NAME) + "; set +a   (with the controller's TRADER_LINK_SECRET)");
    simulator.forEach((key, value) -> lines.add(key + "=" + quoted(value)));
    lines.add(Settings.ARB_DATA_DIR.key() + "=" + quoted(dataDir.resolve("trader-host").toAbsolutePath().toString()));
    lines.add(Settings.TRADER_LINK_URL.key() + "=" + quoted((certificate.isPresent() ? "wss" : "ws") + "://127.0.0.1:"
        + runtime.linkPort().get()));
    certificate.ifPresent(cert -> lines.add(Settings.TRADER_LINK_TLS_TRUST.key() + "="
        + quoted(cert.toAbsolutePath().toString())));
    lines.add(Settings.TRADER_ID.key() + "=demo-trader");
    lines.add(Settings.TRADER_ALLOWED_MARKETS.key() + "=" + quoted(allowedMarkets(registry, settings)));
    Path file = dataDir.resolve(FILE_NAME);
    Files.deleteIfExists(file);
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.write(file, lines);
    String venues = settings.remoteVenues().stream().map(v -> v.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(","));
    out.println("demo: " + venues + " orders wait for a trader on the link (" + address + "); start one with the same"
        + " TRADER_LINK_SECRET:");
    out.println("  set -a; . " + file + "; set +a; ./trader run --venues " + venues);
    out.flush();
  }

  /** The approved pairs' instruments on the remote venues: a demo trader may trade those and nothing else. */
  static String allowedMarkets(PairRegistry registry, EngineSettings settings) {
    List<String> markets = new ArrayList<>();
    for (PairEntry entry : registry.approved()) {
      MarketPair pair = entry.toMarketPair();
      if (settings.remoteVenues().contains(VenueId.KALSHI)) {
        markets.add(pair.kalshiInstrument().toString());
      }
      if (settings.remoteVenues().contains(VenueId.POLYMARKET)) {
        markets.add("POLYMARKET:" + pair.polymarket().yesTokenId());
        markets.add("POLYMARKET:" + pair.polymarket().noTokenId());
      }
    }
    return String.join(",", markets);
  }

  /** Single-quoted for {@code sh}: nothing inside is expanded. */
  private static String quoted(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
