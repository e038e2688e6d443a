package io.github.crossarb.simulator;

import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.TickGrid;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.simulator.exchange.Exchange;
import io.github.crossarb.simulator.fault.FaultInjector;
import io.github.crossarb.simulator.fault.FaultKinds;
import io.github.crossarb.simulator.fault.FaultRule;
import io.github.crossarb.simulator.internal.RsaPem;
import io.github.crossarb.simulator.kalshi.KalshiSimulator;
import io.github.crossarb.simulator.process.PriceProcess;
import io.github.crossarb.simulator.process.ProcessTimer;
import io.github.crossarb.simulator.scenario.Scenario;
import io.github.crossarb.simulator.scenario.ScenarioExchanges;
import io.github.crossarb.simulator.scenario.ScenarioLoader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Both venue simulators over one scenario: builds the engines, rests the market maker's books,
 * starts the servers on loopback, and steps the price process (on a timer, or by hand in tests).
 * The Kalshi server is built in; other venues come from {@link VenueSimulatorProvider}s.
 *
 * <pre>{@code
 * Simulation sim = Simulation.start(vertx, ScenarioLoader.defaultScenario(),
 *     SimulationOptions.defaults(dataDir)).toCompletionStage().toCompletableFuture().get();
 * sim.environment(); // KALSHI_API_URL=..., KALSHI_WS_URL=..., KALSHI_API_KEY_ID=..., KALSHI_KEY_FILE=...
 * sim.close();
 * }</pre>
 */
public final class Simulation {
  /** File names under the data directory. */
  public static final String KALSHI_KEY_FILE = "kalshi-sim-key.pem";
  public static final String KALSHI_KEY_ID_FILE = "kalshi-sim-key-id";

  private final SimulationContext context;
  private final KalshiSimulator kalshi;
  private final String kalshiKeyId;
  private final Path kalshiKeyFile;
  private final List<VenueSimulator> venues;
  private final ProcessTimer timer;

  private Simulation(SimulationContext context, KalshiSimulator kalshi, String kalshiKeyId, Path kalshiKeyFile,
      List<VenueSimulator> venues, ProcessTimer timer) {
    this.context = context;
    this.kalshi = kalshi;
    this.kalshiKeyId = kalshiKeyId;
    this.kalshiKeyFile = kalshiKeyFile;
    this.venues = List.copyOf(venues);
    this.timer = timer;
  }

  /** The default scenario with default options under {@code dataDir}. */
  public static Future<Simulation> start(Vertx vertx, Path dataDir) {
    return start(vertx, ScenarioLoader.defaultScenario(), SimulationOptions.defaults(dataDir));
  }

  /**
   * Starts everything; fails (and stops what started) if a server cannot bind or the key
   * directory cannot be written. Generates (or reuses) the Kalshi key pair under the data
   * directory, owner-only. Call off the event loop: key generation blocks briefly.
   */
  public static Future<Simulation> start(Vertx vertx, Scenario scenario, SimulationOptions options) {
    Path dir;
    KeyPair keys;
    String keyId;
    try {
      ScenarioLoader.validate(scenario);
      dir = ownerOnlyDirectory(options.dataDir());
      keyId = readOrCreateKeyId(dir);
      keys = readOrCreateKey(dir.resolve(KALSHI_KEY_FILE));
    } catch (RuntimeException | IOException | GeneralSecurityException e) {
      return Future.failedFuture(e);
    }
    Exchange kalshiExchange = ScenarioExchanges.kalshi(scenario, options.clock());
    Exchange polyExchange = ScenarioExchanges.polymarket(scenario, options.clock());
    Map<VenueId, Exchange> exchanges = new EnumMap<>(VenueId.class);
    exchanges.put(VenueId.KALSHI, kalshiExchange);
    exchanges.put(VenueId.POLYMARKET, polyExchange);
    Map<VenueId, FaultInjector> faults = new EnumMap<>(VenueId.class);
    faults.put(VenueId.KALSHI, new FaultInjector(scenario.seed() + 1, scenario.faults().kalshi()));
    faults.put(VenueId.POLYMARKET, new FaultInjector(scenario.seed() + 2, scenario.faults().polymarket()));
    PriceProcess process = new PriceProcess(scenario, kalshiExchange, polyExchange);
    SimulationContext context = new SimulationContext(vertx, scenario, options.clock(), exchanges, faults, process, dir);
    process.beforeStep(step -> applyScheduled(context, step));
    process.start();

    KalshiSimulator kalshi = new KalshiSimulator(vertx, scenario, kalshiExchange, faults.get(VenueId.KALSHI), keyId,
        keys.getPublic(), options.maxSkew(), options.pingInterval());
    List<VenueSimulatorProvider> providers = new ArrayList<>(options.providers());
    Set<VenueId> explicit = Collections.newSetFromMap(new EnumMap<>(VenueId.class));
    providers.forEach(p -> explicit.add(p.venue()));
    for (VenueSimulatorProvider p : ServiceLoader.load(VenueSimulatorProvider.class)) {
      if (!explicit.contains(p.venue()) && p.venue() != VenueId.KALSHI) {
        providers.add(p);
      }
    }
    List<VenueSimulator> started = Collections.synchronizedList(new ArrayList<>());
    Path keyFile = dir.resolve(KALSHI_KEY_FILE);
    Future<Void> all = kalshi.start(options.kalshiPort()).mapEmpty();
    for (VenueSimulatorProvider p : providers) {
      int port = p.venue() == VenueId.POLYMARKET ? options.polymarketPort() : 0;
      all = all.compose(v -> p.start(context, port).map(s -> {
        started.add(s);
        return null;
      }));
    }
    return all.map(v -> {
      ProcessTimer timer = options.stepTimer()
          ? ProcessTimer.start(vertx, process, scenario.process().intervalMillis()) : null;
      return new Simulation(context, kalshi, keyId, keyFile, started, timer);
    }).recover(e -> {
      List<Future<Void>> closing = new ArrayList<>();
      closing.add(kalshi.close());
      started.forEach(s -> closing.add(s.close()));
      return Future.join(closing).transform(ignored -> Future.failedFuture(e));
    });
  }

  private static void applyScheduled(SimulationContext context, long step) {
    for (VenueId venue : VenueId.values()) {
      for (FaultRule rule : context.faults(venue).scheduled(step)) {
        if (rule.kind().equals(FaultKinds.TICK_SIZE_CHANGE)) {
          Exchange exchange = context.exchange(venue);
          if (exchange.market(rule.target()).isPresent()) {
            exchange.changeTicks(rule.target(), TickGrid.fixed(Price.parse(rule.params().get("step"))));
          }
        }
        for (Consumer<FaultRule> handler : context.scheduledHandlers(venue)) {
          handler.accept(rule);
        }
      }
    }
  }

  // ---------------------------------------------------------------- accessors

  public SimulationContext context() {
    return context;
  }

  public KalshiSimulator kalshi() {
    return kalshi;
  }

  public Exchange exchange(VenueId venue) {
    return context.exchange(venue);
  }

  public FaultInjector faults(VenueId venue) {
    return context.faults(venue);
  }

  public PriceProcess process() {
    return context.process();
  }

  /** The other venues' servers (Polymarket when its provider is present). */
  public List<VenueSimulator> venues() {
    return venues;
  }

  public String kalshiKeyId() {
    return kalshiKeyId;
  }

  /** The generated Kalshi private key (PKCS#1 PEM), owner-only. */
  public Path kalshiKeyFile() {
    return kalshiKeyFile;
  }

  /**
   * The environment a controller needs to trade against this simulation, in print order:
   * Kalshi's URLs and credentials, then each other venue's.
   */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("KALSHI_API_URL", kalshi.apiUrl());
    env.put("KALSHI_WS_URL", kalshi.wsUrl());
    env.put("KALSHI_API_KEY_ID", kalshiKeyId);
    env.put("KALSHI_KEY_FILE", kalshiKeyFile.toString());
    for (VenueSimulator v : venues) {
      env.putAll(v.environment());
    }
    return env;
  }

  /**
   * Installs {@code probe} (null removes it) on every server: book frames written and order
   * requests arriving are reported to it.
   */
  public void wireProbe(WireProbe probe) {
    kalshi.wireProbe(probe);
    venues.forEach(v -> v.wireProbe(probe));
  }

  /** Stops the timer and every server. */
  public Future<Void> close() {
    if (timer != null) {
      timer.close();
    }
    List<Future<Void>> closing = new ArrayList<>();
    closing.add(kalshi.close());
    venues.forEach(v -> closing.add(v.close()));
    return Future.join(closing).mapEmpty();
  }

  @Override
  public String toString() {
    return "Simulation[scenario=" + context.scenario().name() + ", kalshi=" + kalshi.apiUrl() + "]";
  }

  // ---------------------------------------------------------------- keys

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  private static Path ownerOnlyDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      if (posix()) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(dir);
      }
    }
    if (posix()) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
    return dir;
  }

  private static void writeOwnerOnly(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    if (posix()) {
      Set<PosixFilePermission> rw = PosixFilePermissions.fromString("rw-------");
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(rw));
    }
    Files.writeString(tmp, text, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static String readOrCreateKeyId(Path dir) throws IOException {
    Path file = dir.resolve(KALSHI_KEY_ID_FILE);
    if (Files.isRegularFile(file)) {
      String id = Files.readString(file, StandardCharsets.US_ASCII).strip();
      try {
        return UUID.fromString(id).toString();
      } catch (IllegalArgumentException e) {
        // regenerate below
      }
    }
    String id = UUID.randomUUID().toString();
    writeOwnerOnly(file, id + "\n");
    return id;
  }

  private static KeyPair readOrCreateKey(Path file) throws IOException, GeneralSecurityException {
    if (Files.isRegularFile(file)) {
      try {
        return RsaPem.read(Files.readString(file, StandardCharsets.US_ASCII));
      } catch (GeneralSecurityException | UncheckedIOException e) {
        // an unreadable key is replaced by a fresh one
      }
    }
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    writeOwnerOnly(file, RsaPem.privateKeyPkcs1(keys.getPrivate()));
    return keys;
  }
}
