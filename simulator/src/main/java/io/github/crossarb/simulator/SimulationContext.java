package io.github.crossarb.simulator;

import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.simulator.exchange.Exchange;
import io.github.crossarb.simulator.fault.FaultInjector;
import io.github.crossarb.simulator.fault.FaultRule;
import io.github.crossarb.simulator.process.PriceProcess;
import io.github.crossarb.simulator.scenario.Scenario;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What a venue server is built from: the Vert.x instance, the scenario, both engines, the
 * per-venue fault injectors, the price process and a private directory for generated files.
 */
public final class SimulationContext {
  private final Vertx vertx;
  private final Scenario scenario;
  private final InstantSource clock;
  private final Map<VenueId, Exchange> exchanges;
  private final Map<VenueId, FaultInjector> faults;
  private final PriceProcess process;
  private final Path dataDir;
  private final Map<VenueId, List<Consumer<FaultRule>>> scheduledHandlers = Map.of(
      VenueId.KALSHI, new CopyOnWriteArrayList<>(), VenueId.POLYMARKET, new CopyOnWriteArrayList<>());

  SimulationContext(Vertx vertx, Scenario scenario, InstantSource clock, Map<VenueId, Exchange> exchanges,
      Map<VenueId, FaultInjector> faults, PriceProcess process, Path dataDir) {
    this.vertx = vertx;
    this.scenario = scenario;
    this.clock = clock;
    this.exchanges = Map.copyOf(exchanges);
    this.faults = Map.copyOf(faults);
    this.process = process;
    this.dataDir = dataDir;
  }

  public Vertx vertx() {
    return vertx;
  }

  public Scenario scenario() {
    return scenario;
  }

  public InstantSource clock() {
    return clock;
  }

  /** The venue's engine: Kalshi books per ticker (YES prices), Polymarket books per token. */
  public Exchange exchange(VenueId venue) {
    return exchanges.get(venue);
  }

  public FaultInjector faults(VenueId venue) {
    return faults.get(venue);
  }

  public PriceProcess process() {
    return process;
  }

  /** Where the venue may write generated files (keys); owner-only. */
  public Path dataDir() {
    return dataDir;
  }

  /**
   * Called with each scheduled fault ({@code atStep}) of {@code venue} when its step comes; the
   * simulation applies {@code tick_size_change} itself before calling handlers.
   */
  public void onScheduledFault(VenueId venue, Consumer<FaultRule> handler) {
    scheduledHandlers.get(venue).add(handler);
  }

  List<Consumer<FaultRule>> scheduledHandlers(VenueId venue) {
    return scheduledHandlers.get(venue);
  }
}
