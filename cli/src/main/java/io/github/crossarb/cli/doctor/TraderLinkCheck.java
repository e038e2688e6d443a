package io.github.crossarb.cli.doctor;

import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.cli.link.LinkStatusFile;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.link.controller.LinkStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The trader link, when {@code TRADER_LINK_LISTEN} is set: its secret, its TLS files, and what the
 * running controller last wrote to {@code link-status.json} (which traders are connected, serving
 * which venues). Older than 5 s, the file means no controller is running.
 */
public final class TraderLinkCheck implements DoctorCheck {
  static final String NAME = "trader link";

  private final Configuration config;
  private final InstantSource clock;

  public TraderLinkCheck(Configuration config, InstantSource clock) {
    this.config = config;
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckResult run() {
    Optional<String> listen = config.get(Settings.TRADER_LINK_LISTEN);
    Set<VenueId> remote = Checks.remoteVenues(config);
    if (listen.isEmpty()) {
      return CheckResult.ok(NAME, "not configured (TRADER_LINK_LISTEN unset): every venue executes on this host");
    }
    if (config.get(Settings.TRADER_LINK_SECRET).isEmpty()) {
      return CheckResult.fail(NAME, "TRADER_LINK_LISTEN is " + listen.get() + " but TRADER_LINK_SECRET is not set",
          "set TRADER_LINK_SECRET (at least 32 characters: openssl rand -base64 32), the same on the trader");
    }
    for (var setting : List.of(Settings.TRADER_LINK_TLS_CERT, Settings.TRADER_LINK_TLS_KEY)) {
      Optional<Path> file = config.get(setting);
      if (file.isPresent() && !Files.isReadable(file.get())) {
        return CheckResult.fail(NAME, setting.key() + " " + file.get() + " is not readable",
            "fix the file's path or permissions, or unset TRADER_LINK_TLS_CERT and TRADER_LINK_TLS_KEY for plain ws://");
      }
    }
    String setup = "listens on " + listen.get() + (config.get(Settings.TRADER_LINK_TLS_CERT).isPresent() ? " (TLS)" : "")
        + ", remote venues: " + (remote.isEmpty() ? "none" : names(remote));
    Path dataDir = config.require(Settings.ARB_DATA_DIR);
    Optional<LinkStatus> read;
    try {
      read = LinkStatusFile.read(dataDir);
    } catch (ConfigException e) {
      return CheckResult.warn(NAME, setup + "; " + e.getMessage(), "remove " + LinkStatusFile.path(dataDir)
          + "; a running controller rewrites it every second");
    }
    if (read.isEmpty()) {
      return CheckResult.ok(NAME, setup + "; no controller running (no " + LinkStatusFile.NAME + ")");
    }
    LinkStatus status = read.get();
    Duration age = Duration.between(status.at(), clock.instant());
    if (age.compareTo(LinkStatusFile.STALE_AFTER) > 0) {
      return CheckResult.ok(NAME, setup + "; no controller running (" + LinkStatusFile.NAME + " last written "
          + age.toSeconds() + " s ago)");
    }
    Set<VenueId> running = EnumSet.noneOf(VenueId.class);
    running.addAll(status.remoteVenues());
    if (!running.equals(remote)) {
      return CheckResult.warn(NAME, setup + "; but the running controller executes remotely: "
          + (running.isEmpty() ? "none" : names(running)),
          "restart the controller (or the daemon) so it applies ARB_EXECUTE_REMOTE as configured");
    }
    List<LinkStatus.Trader> connected = status.traders().stream().filter(LinkStatus.Trader::connected).toList();
    String traders = connected.stream()
        .map(t -> t.traderId() + " (" + (t.venues().isEmpty() ? "no venues" : names(t.venues())) + ")")
        .collect(Collectors.joining(", "));
    if (connected.isEmpty()) {
      return remote.isEmpty()
          ? CheckResult.ok(NAME, setup + "; no trader connected")
          : CheckResult.warn(NAME, setup + "; no trader connected",
              "start the trader ('trader run') with TRADER_LINK_URL pointing here and the same TRADER_LINK_SECRET;"
                  + " 'controller link status' shows refused connections");
    }
    Set<VenueId> served = EnumSet.noneOf(VenueId.class);
    connected.forEach(t -> served.addAll(t.venues()));
    Set<VenueId> unserved = EnumSet.noneOf(VenueId.class);
    unserved.addAll(remote);
    unserved.removeAll(served);
    if (!unserved.isEmpty()) {
      return CheckResult.warn(NAME, setup + "; connected: " + traders + "; no trader serves " + names(unserved),
          "configure " + names(unserved) + " credentials on a trader, or remove it from ARB_EXECUTE_REMOTE");
    }
    return CheckResult.ok(NAME, setup + "; connected: " + traders);
  }

  private static String names(java.util.Collection<VenueId> venues) {
    return venues.stream().map(v -> v.name().toLowerCase(Locale.ROOT)).sorted().collect(Collectors.joining(","));
  }
}
