package io.github.crossarb.cli.trader;

import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.config.Secret;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.link.protocol.TraderLimits;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@code trader run} needs from the configuration, checked up front.
 *
 * @param controllerUrl {@code TRADER_LINK_URL} (or {@code --controller})
 * @param secret {@code TRADER_LINK_SECRET}
 * @param tlsTrust {@code TRADER_LINK_TLS_TRUST}, or null for the JVM's CAs
 * @param traderId {@code TRADER_ID}, default the host name
 * @param venues the venues this trader serves ({@code --venues})
 * @param traderDir {@code $ARB_DATA_DIR/trader}
 */
public record TraderSettings(
    String controllerUrl,
    Secret secret,
    Path tlsTrust,
    String traderId,
    List<VenueId> venues,
    Duration deadman,
    Duration heartbeat,
    Duration linkTimeout,
    TraderLimits limits,
    Path traderDir) {
  /** The directory inside {@code ARB_DATA_DIR} that holds the trader's files. */
  public static final String DIR_NAME = "trader";

  public TraderSettings {
    Objects.requireNonNull(controllerUrl, "controllerUrl");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(traderId, "traderId");
    venues = List.copyOf(venues);
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(traderDir, "traderDir");
  }

  /**
   * Reads the settings; {@code venues} comes from {@code --venues}.
   *
   * @throws ConfigException naming the setting that is missing or wrong
   */
  public static TraderSettings from(Configuration config, List<VenueId> venues) {
    // The allowed markets first: a trader without them must not start, whatever else is missing.
    String markets = config.get(Settings.TRADER_ALLOWED_MARKETS).orElseThrow(() -> new ConfigException(
        Settings.TRADER_ALLOWED_MARKETS.key() + " is required by 'trader run': the markets this trader may trade,"
            + " e.g. KALSHI:KXFED-* or * for all"));
    String url = config.get(Settings.TRADER_LINK_URL).orElseThrow(() -> new ConfigException(
        Settings.TRADER_LINK_URL.key() + " is not set; give --controller ws://HOST:9001 or set it in the environment"));
    Secret secret = config.require(Settings.TRADER_LINK_SECRET);
    Money maxOrder = config.require(Settings.TRADER_MAX_ORDER_NOTIONAL);
    Money maxDaily = config.require(Settings.TRADER_MAX_DAILY_NOTIONAL);
    if (maxOrder.compareTo(maxDaily) > 0) {
      throw new ConfigException(Settings.TRADER_MAX_ORDER_NOTIONAL.key() + " (" + maxOrder + ") is above "
          + Settings.TRADER_MAX_DAILY_NOTIONAL.key() + " (" + maxDaily + ")");
    }
    return new TraderSettings(
        url,
        secret,
        config.get(Settings.TRADER_LINK_TLS_TRUST).orElse(null),
        config.get(Settings.TRADER_ID).orElseGet(TraderSettings::hostName),
        venues,
        config.require(Settings.TRADER_DEADMAN_MS),
        config.require(Settings.TRADER_LINK_HEARTBEAT_MS),
        config.require(Settings.TRADER_LINK_TIMEOUT_MS),
        new TraderLimits(maxOrder, maxDaily, List.of(markets.split(","))),
        config.require(Settings.ARB_DATA_DIR).resolve(DIR_NAME));
  }

  /** The host name, cut to what a trader id may hold; {@code trader} when it cannot be read. */
  static String hostName() {
    String name;
    try {
      name = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException | SecurityException e) {
      name = System.getenv().getOrDefault("HOSTNAME", "");
    }
    int dot = name.indexOf('.');
    name = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9._-]", "-").toLowerCase(Locale.ROOT);
    if (name.length() > 64) {
      name = name.substring(0, 64);
    }
    return name.isEmpty() ? "trader" : name;
  }

  @Override
  public String toString() {
    return "TraderSettings[controllerUrl=" + controllerUrl + ", secret=***, traderId=" + traderId + ", venues=" + venues
        + ", limits=" + limits + ", traderDir=" + traderDir + "]";
  }
}
