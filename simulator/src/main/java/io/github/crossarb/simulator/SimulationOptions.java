package io.github.crossarb.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to run a {@link Simulation}.
 *
 * @param kalshiPort 0 for any free port
 * @param polymarketPort 0 for any free port
 * @param dataDir where generated keys are written (created owner-only)
 * @param clock the engines' clock; the system clock for a real run, a {@code ManualClock} in tests
 * @param stepTimer whether a Vert.x timer steps the price process ({@code false}: tests call
 *     {@code process().step()})
 * @param maxSkew how far a Kalshi request timestamp may be from the clock
 * @param pingInterval how often stream servers ping (Kalshi: 10 s)
 * @param providers extra venue servers (beside those found by {@link java.util.ServiceLoader})
 */
public record SimulationOptions(int kalshiPort, int polymarketPort, Path dataDir, InstantSource clock,
    boolean stepTimer, Duration maxSkew, Duration pingInterval, List<VenueSimulatorProvider> providers) {
  public SimulationOptions {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(maxSkew, "maxSkew");
    Objects.requireNonNull(pingInterval, "pingInterval");
    providers = List.copyOf(providers);
    if (kalshiPort < 0 || kalshiPort > 65535 || polymarketPort < 0 || polymarketPort > 65535) {
      throw new IllegalArgumentException("ports must be in [0, 65535]");
    }
  }

  /** Any free ports, the system clock, a stepping timer, 30 s skew, 10 s pings. */
  public static SimulationOptions defaults(Path dataDir) {
    return new SimulationOptions(0, 0, dataDir, InstantSource.system(), true, Duration.ofSeconds(30),
        Duration.ofSeconds(10), List.of());
  }

  public SimulationOptions withPorts(int kalshi, int polymarket) {
    return new SimulationOptions(kalshi, polymarket, dataDir, clock, stepTimer, maxSkew, pingInterval, providers);
  }

  public SimulationOptions withClock(InstantSource value, boolean timer) {
    return new SimulationOptions(kalshiPort, polymarketPort, dataDir, value, timer, maxSkew, pingInterval, providers);
  }

  public SimulationOptions withPingInterval(Duration value) {
    return new SimulationOptions(kalshiPort, polymarketPort, dataDir, clock, stepTimer, maxSkew, value, providers);
  }

  public SimulationOptions withProvider(VenueSimulatorProvider provider) {
    List<VenueSimulatorProvider> all = new ArrayList<>(providers);
    all.add(provider);
    return new SimulationOptions(kalshiPort, polymarketPort, dataDir, clock, stepTimer, maxSkew, pingInterval, all);
  }
}
