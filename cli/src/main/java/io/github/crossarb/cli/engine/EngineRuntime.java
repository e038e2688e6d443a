package io.github.crossarb.cli.engine;

import io.github.crossarb.cli.alert.AlertClassifier;
import io.github.crossarb.cli.alert.AlertNotifier;
import io.github.crossarb.cli.alert.AlertSettings;
import io.github.crossarb.cli.alert.DeliveryPolicy;
import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.cli.daemon.EventBuffer;
import io.github.crossarb.cli.link.ControllerLink;
import io.github.crossarb.cli.link.LinkServerFactory;
import io.github.crossarb.cli.link.LinkServers;
import io.github.crossarb.cli.metrics.EngineMetrics;
import io.github.crossarb.cli.tui.DashboardAction;
import io.github.crossarb.cli.tui.TuiLoop;
import io.github.crossarb.cli.venue.VenueFactory;
import io.github.crossarb.cli.web.WebDashboard;
import io.github.crossarb.cli.web.WebTarget;
import io.github.crossarb.core.engine.ArbEngine;
import io.github.crossarb.core.engine.EngineBooks;
import io.github.crossarb.core.engine.EngineMode;
import io.github.crossarb.core.engine.EngineSetup;
import io.github.crossarb.core.engine.EngineSnapshot;
import io.github.crossarb.core.engine.Trading;
import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EventSink;
import io.github.crossarb.core.execution.LegExecutor;
import io.github.crossarb.core.execution.PaperExecutionClient;
import io.github.crossarb.core.execution.VenueReconciler;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pair.MarketPair;
import io.github.crossarb.core.pair.PairEntry;
import io.github.crossarb.core.pair.PairRegistry;
import io.github.crossarb.core.position.DurableLedger;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.position.FillVoid;
import io.github.crossarb.core.position.JournalEntry;
import io.github.crossarb.core.position.PositionLedger;
import io.github.crossarb.core.store.CachedMarketDirectory;
import io.github.crossarb.core.store.BackgroundEventWriter;
import io.github.crossarb.core.store.EventLog;
import io.github.crossarb.core.store.JsonLedgerStore;
import io.github.crossarb.core.store.PairsFile;
import io.github.crossarb.core.venue.ExecutionClient;
import io.github.crossarb.core.venue.Venue;
import io.github.crossarb.core.venue.VenueCapabilities;
import io.github.crossarb.link.controller.LinkStatus;
import io.github.crossarb.link.controller.RemoteOptions;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The engine with everything it runs on, built from the configuration: Vert.x, both venues (on the
 * engine's context, so their callbacks need no hop), the pair registry, the ledger
 * ({@code positions.json} + {@code fills.jsonl}), the event log ({@code events.jsonl}), and one
 * {@link Trading} per tradable mode: live orders through the venues (only with
 * {@code ARB_ALLOW_LIVE=true}) and paper orders filled against the engine's own books, with their
 * own ledger in {@code $ARB_DATA_DIR/paper/}. With {@code TRADER_LINK_LISTEN} set, the trader link
 * server runs on the engine's context too, and live orders for the venues in
 * {@code ARB_EXECUTE_REMOTE} go through the trader serving them (market data stays local; paper
 * stays local). Closing stops the engine and closes everything in reverse order.
 */
public final class EngineRuntime implements AutoCloseable {
  /** How long starting may take (market descriptions, subscriptions) before it is given up. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration CLOSE_STEP_TIMEOUT = Duration.ofSeconds(15);

  private final Vertx vertx;
  private final Context context;
  private final List<Venue> venues;
  private final List<Closeable> files;
  private final ArbEngine engine;
  private final Path eventsFile;
  private final DurableLedger ledger;
  private final Link link;
  private final EngineMetrics metrics;
  private final AlertNotifier alerts;
  // Web dashboard (issue 11): set once the engine is built; null when ARB_WEB_LISTEN=off.
  private EventBuffer webEvents;
  private EventSink notices;
  private WebDashboard.Started web;

  private EngineRuntime(Vertx vertx, Context context, List<Venue> venues, List<Closeable> files, ArbEngine engine,
      Path eventsFile, DurableLedger ledger, Link link, EngineMetrics metrics, AlertNotifier alerts) {
    this.vertx = vertx;
    this.context = context;
    this.venues = venues;
    this.files = files;
    this.engine = engine;
    this.eventsFile = eventsFile;
    this.ledger = ledger;
    this.link = link;
    this.metrics = metrics;
    this.alerts = alerts;
  }

  /** The trader link, when {@code TRADER_LINK_LISTEN} is set: its server and the controller's end. */
  private record Link(LinkServerFactory.RunningLinkServer server, ControllerLink controller) {}

  /** A holder filled on the engine's context while it is set up. */
  private static final class LinkHolder {
    Link link;
  }

  /**
   * Builds and starts the engine; returns once it is subscribed (trading may still wait for the
   * start reconciliation).
   *
   * @throws ConfigException when there is nothing to trade or a state file is unreadable
   */
  public static EngineRuntime start(Configuration config, VenueFactory venueFactory, EngineSettings settings,
      EventSink console, Clock clock) throws Exception {
    return start(config, venueFactory, settings, console, clock, LinkServers::standard);
  }

  /** {@link #start}, with the trader link server from {@code linkServers} (tests join traders in memory). */
  public static EngineRuntime start(Configuration config, VenueFactory venueFactory, EngineSettings settings,
      EventSink console, Clock clock, LinkServerFactory linkServers) throws Exception {
    Path dataDir = config.require(Settings.ARB_DATA_DIR);
    PairRegistry registry = PairsFile.read(dataDir);
    if (registry.approved().isEmpty()) {
      throw new ConfigException("no approved pairs in " + PairsFile.path(dataDir)
          + "; find candidates with 'controller pairs suggest' and approve them with 'controller pairs approve'");
    }
    List<MarketPair> pairs = registry.entries().stream().map(PairEntry::toMarketPair).toList();
    List<Closeable> files = new ArrayList<>();
    Vertx vertx = Vertx.vertx();
    EngineRuntime runtime;
    try {
      EventLog log = EventLog.openIn(dataDir, EventLog.DEFAULT_SYNC_INTERVAL,
          problem -> console.emit(new EngineEvent.Alert(clock.instant(), EngineEvent.Severity.CRITICAL, null,
              "the event log cannot be written: " + problem)));
      files.add(log);
      // Metrics and alerts (issue 11): meters from the events, the engine's probe and its published
      // snapshot; webhooks only when a sink is configured, on a context of their own, never blocking.
      AtomicReference<ArbEngine> built = new AtomicReference<>();
      Supplier<EngineSnapshot> published = () -> built.get() == null ? null : built.get().snapshot();
      EngineMetrics metrics = new EngineMetrics(published, clock);
      files.add(metrics::close);
      EventSink counted = metrics.sink();
      AtomicReference<EventSink> alerting = new AtomicReference<>(event -> { });
      EventBuffer webEvents = new EventBuffer(WEB_EVENTS_KEPT, event -> ConsoleEvents.format(event, false));
      // The JSON line, the console line and the dashboard's line are made and written on one
      // background thread, in order: the engine's thread only enqueues, so an execution's orders
      // are not sent after its events' serialisation and writes. Meters and alerts stay inline.
      BackgroundEventWriter written = new BackgroundEventWriter("event-writer", event -> {
        log.emit(event);
        console.emit(event);
        webEvents.emit(event); // the web dashboard's live log
      }, BackgroundEventWriter.DEFAULT_CAPACITY, problem -> {
        EngineEvent.Alert alert = new EngineEvent.Alert(clock.instant(), EngineEvent.Severity.CRITICAL, null, problem);
        counted.emit(alert);
        alerting.get().emit(alert);
      }, clock);
      files.add(written); // closed before the log (files close in reverse): flushes into it first
      EventSink events = event -> {
        written.emit(event);
        counted.emit(event);
        alerting.get().emit(event);
      };
      AlertSettings alertSettings = AlertSettings.from(config);
      AlertNotifier alerts = !alertSettings.enabled() ? null : new AlertNotifier(vertx, alertSettings,
          DeliveryPolicy.defaults(), new AlertClassifier(settings.engine().riskLimits().dailyLossLimit(),
              alertSettings.feedUntrustedAfter()), published, events, clock)
          .registerMetrics(metrics.registry()).start();
      if (alerts != null) {
        alerting.set(alerts.sink());
      }
      Ledger live = Ledger.open(dataDir, pairs, clock);
      files.add(live.ledger());
      Context context = vertx.getOrCreateContext();
      List<Venue> venues = new ArrayList<>();
      LinkHolder link = new LinkHolder();
      if (config.get(Settings.TRADER_LINK_LISTEN).isPresent()) {
        link.link = startLink(vertx, context, config, settings, linkServers, dataDir, events, clock);
        if (alerts != null) {
          link.link.controller().venues().onEvent(alerts::linkEvent);
        }
      }
      ArbEngine engine = onContext(context, () -> {
        Venue kalshi = venueFactory.open(VenueId.KALSHI, vertx, config);
        venues.add(kalshi);
        Venue polymarket = venueFactory.open(VenueId.POLYMARKET, vertx, config);
        venues.add(polymarket);
        EngineBooks books = new EngineBooks(clock);
        Map<VenueId, VenueCapabilities> capabilities = Map.of(
            VenueId.KALSHI, kalshi.capabilities(), VenueId.POLYMARKET, polymarket.capabilities());
        Map<EngineMode, Trading> trading = new EnumMap<>(EngineMode.class);
        if (settings.engine().allowLive()) {
          Map<VenueId, ExecutionClient> liveClients = new EnumMap<>(VenueId.class);
          liveClients.put(VenueId.KALSHI, kalshi.execution());
          liveClients.put(VenueId.POLYMARKET, polymarket.execution());
          if (link.link != null) {
            for (VenueId remote : settings.remoteVenues()) {
              liveClients.put(remote, link.link.controller().client(remote)); // orders only: books stay local
            }
          }
          trading.put(EngineMode.LIVE, trading(vertx, liveClients, capabilities, live, pairs, settings, clock));
        }
        Ledger paperLedger = Ledger.open(dataDir.resolve("paper"), pairs, clock);
        files.add(paperLedger.ledger());
        Map<VenueId, ExecutionClient> paper = Map.of(
            VenueId.KALSHI, new PaperExecutionClient(vertx, VenueId.KALSHI, books, settings.paperBalance(),
                settings.paperLatency(), clock),
            VenueId.POLYMARKET, new PaperExecutionClient(vertx, VenueId.POLYMARKET, books, settings.paperBalance(),
                settings.paperLatency(), clock));
        trading.put(EngineMode.PAPER, trading(vertx, paper, capabilities, paperLedger, pairs, settings, clock));
        // Lines reach the OS at once; this bounds how long one may wait to be forced to disk.
        vertx.setPeriodic(EventLog.DEFAULT_SYNC_INTERVAL.toMillis(), id -> vertx.executeBlocking(() -> {
          written.flush(EventLog.DEFAULT_SYNC_INTERVAL);
          log.sync();
          return null;
        }));
        CachedMarketDirectory markets = CachedMarketDirectory.open(dataDir, CachedMarketDirectory.DEFAULT_TTL, clock,
            command -> vertx.executeBlocking(() -> {
              command.run();
              return null;
            }, false),
            problem -> events.emit(new EngineEvent.Alert(clock.instant(), EngineEvent.Severity.WARNING, null,
                "market cache: " + problem.getMessage())));
        RegistryWriter writer = new RegistryWriter(dataDir, events, clock);
        EngineSetup setup = new EngineSetup(kalshi, polymarket, registry.entries(), writer::save, markets, books,
            events, trading, settings.engine(), clock, metrics);
        return new ArbEngine(vertx, setup);
      });
      built.set(engine);
      runtime = new EngineRuntime(vertx, context, venues, files, engine, log.file(), live.ledger(), link.link, metrics,
          alerts);
      runtime.webEvents = webEvents;
      runtime.notices = events;
    } catch (Exception | Error e) {
      closeQuietly(vertx, List.of(), null, files);
      throw e;
    }
    try {
      await(runtime.engine.start(), START_TIMEOUT, "the engine did not start");
      runtime.startWeb(config, clock); // after: starting it must not delay the engine's first books
    } catch (Exception | Error e) {
      runtime.close();
      throw e;
    }
    return runtime;
  }

  /** How many recent events the web dashboard's live log keeps for its streams. */
  private static final int WEB_EVENTS_KEPT = 500;

  /**
   * Starts the web server (dashboard, /health, /ready, /metrics) unless {@code ARB_WEB_LISTEN=off},
   * and tells the operator where it is and where its token comes from (never the token).
   */
  private void startWeb(Configuration config, Clock clock) throws Exception {
    web = WebDashboard.start(config, new RuntimeWebTarget(), metrics::scrape).orElse(null);
    if (web != null) {
      // To the console and events.jsonl (the terminal dashboard shows only the engine's own events).
      notices.emit(new EngineEvent.Alert(clock.instant(), EngineEvent.Severity.INFO, null, "web dashboard on http://"
          + web.server().address() + "/ (token: " + web.tokenSource() + ")"));
    }
  }

  /** Where the web server listens, {@code HOST:PORT} with the port bound; empty when it is off. */
  public Optional<String> webAddress() {
    return web == null ? Optional.empty() : Optional.of(web.server().address());
  }

  /** The web server's view of this engine. */
  private final class RuntimeWebTarget implements WebTarget {
    @Override
    public EngineSnapshot published() {
      return engine.snapshot();
    }

    @Override
    public Future<EngineSnapshot> snapshot() {
      return engine.currentSnapshot();
    }

    @Override
    public Future<Void> ping() {
      Promise<Void> answered = Promise.promise();
      context.runOnContext(ignored -> answered.complete());
      return answered.future();
    }

    @Override
    public Future<Optional<LinkStatus>> remoteLink() {
      if (link == null) {
        return Future.succeededFuture(Optional.empty());
      }
      return link.controller().venues().status()
          .map(status -> status.remoteVenues().isEmpty() ? Optional.empty() : Optional.of(status));
    }

    @Override
    public EventBuffer events() {
      return webEvents;
    }

    @Override
    public Future<?> perform(DashboardAction action) {
      return TuiLoop.perform(engine, action);
    }
  }

  /** Starts the link server on the engine's context, and the controller's end of it. */
  private static Link startLink(Vertx vertx, Context context, Configuration config, EngineSettings settings,
      LinkServerFactory linkServers, Path dataDir, EventSink events, Clock clock) throws Exception {
    ControllerLink[] controller = new ControllerLink[1];
    LinkServerFactory.RunningLinkServer server = await(onContext(context,
        () -> linkServers.start(vertx, config, reason -> {
          if (controller[0] != null) {
            controller[0].refused(reason);
          }
        })), START_TIMEOUT, "the trader link server did not start");
    try {
      controller[0] = onContext(context, () -> ControllerLink.start(context, server.directory(),
          settings.remoteVenues(), RemoteOptions.of(settings.remoteLegTimeout()), dataDir, events, clock));
    } catch (Exception | Error e) {
      await(onContext(context, server::close), CLOSE_STEP_TIMEOUT, "the trader link server did not close");
      throw e;
    }
    events.emit(new EngineEvent.Alert(clock.instant(), EngineEvent.Severity.INFO, null, "trader link listening on "
        + server.address() + (settings.remoteVenues().isEmpty() ? "; every venue executes locally"
            : "; live orders for " + settings.remoteVenues() + " go through the trader serving them")));
    return new Link(server, controller[0]);
  }

  private static Trading trading(Vertx vertx, Map<VenueId, ExecutionClient> clients,
      Map<VenueId, VenueCapabilities> capabilities, Ledger ledger, List<MarketPair> pairs, EngineSettings settings,
      Clock clock) {
    VenueReconciler.Policy policy = VenueReconciler.Policy.defaults().withLedgerNewestFills(ledger.newestFills());
    return new Trading(clients, new LegExecutor(vertx, clients, capabilities, settings.engine().legRisk()),
        new VenueReconciler(clients, ledger.ledger(), pairs, policy, clock), ledger.ledger(), ledger::realizedPnlBefore);
  }

  /**
   * A ledger, and what its journal held at start: the newest fill per venue (where reconciliation
   * looks back from) and the entries (today's loss limit counts fills from before a restart).
   */
  private record Ledger(DurableLedger ledger, Map<VenueId, Instant> newestFills, List<JournalEntry> history,
      List<MarketPair> pairs) {
    static Ledger open(Path dir, List<MarketPair> pairs, Clock clock) throws IOException {
      JsonLedgerStore store = JsonLedgerStore.open(dir, clock);
      try {
        List<JournalEntry> history = List.copyOf(store.journal());
        Map<VenueId, Instant> newest = VenueReconciler.newestFills(history);
        // Snapshots written after each fill, off the engine's event loop (the journal stays durable first).
        return new Ledger(DurableLedger.open(store, pairs, true), newest, history, pairs);
      } catch (IOException | RuntimeException e) {
        store.close();
        throw e;
      }
    }

    /** The realised P&L of the journal's entries before {@code instant}, as at start; null if it cannot be rebuilt. */
    Money realizedPnlBefore(Instant instant) {
      try {
        List<JournalEntry> before = history.stream().filter(e -> time(e).isBefore(instant)).toList();
        return PositionLedger.replay(pairs, before).snapshot().totals().realizedPnl();
      } catch (RuntimeException e) {
        return null;
      }
    }

    private static Instant time(JournalEntry entry) {
      return entry instanceof Fill fill ? fill.time() : ((FillVoid) entry).time();
    }
  }

  public ArbEngine engine() {
    return engine;
  }

  /** The engine's state now, reflecting every event it has emitted. */
  public EngineSnapshot snapshot() throws Exception {
    return await(engine.currentSnapshot(), CLOSE_STEP_TIMEOUT, "no snapshot from the engine");
  }

  public Path eventsFile() {
    return eventsFile;
  }

  /** The trader link's state now, or empty when the link is off ({@code TRADER_LINK_LISTEN} unset). */
  public Optional<LinkStatus> linkStatus() throws Exception {
    if (link == null) {
      return Optional.empty();
    }
    return Optional.of(await(link.controller().venues().status(), CLOSE_STEP_TIMEOUT, "no link status"));
  }

  /** Where the trader link listens, {@code HOST:PORT} with the port bound; empty when the link is off. */
  public Optional<String> linkAddress() {
    return link == null ? Optional.empty() : Optional.of(link.server().address());
  }

  /** The port the trader link is bound to; empty when the link is off. */
  public Optional<Integer> linkPort() {
    return link == null ? Optional.empty() : Optional.of(link.server().port());
  }

  /** The trader link for the dashboard's header: one line per trader, or {@code link: local} when it is off. */
  public List<String> linkLines() {
    LinkStatus status = link == null ? null : link.controller().lastStatus();
    if (status == null) {
      return List.of(link == null ? "link: local" : "link: starting");
    }
    return ConsoleCommands.traders(status).lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }

  /** The controller's Prometheus metrics ({@code scrape()} gives the text for {@code /metrics}). */
  public EngineMetrics metrics() {
    return metrics;
  }

  /** The alert webhooks' notifier, or empty when no {@code ARB_ALERT_*} sink is configured. */
  public Optional<AlertNotifier> alerts() {
    return Optional.ofNullable(alerts);
  }

  /** The live ledger (positions.json); the paper ledger lives in {@code paper/}. */
  public DurableLedger ledger() {
    return ledger;
  }

  @Override
  public void close() {
    if (web != null) {
      web.server().close(); // first: no command reaches an engine that is stopping
    }
    try {
      await(engine.stop(), CLOSE_STEP_TIMEOUT, "the engine did not stop");
    } catch (Exception e) {
      // Closing goes on: the ledger is durable after every fill, so nothing is lost by a slow stop.
    }
    if (link != null) {
      try {
        await(link.controller().close(), CLOSE_STEP_TIMEOUT, "the trader link did not close");
        await(onContext(context, () -> link.server().close()), CLOSE_STEP_TIMEOUT, "the trader link server did not close");
      } catch (Exception e) {
        // Best effort: closing Vert.x below closes the traders' sockets anyway.
      }
    }
    if (alerts != null) {
      try {
        await(alerts.close(), CLOSE_STEP_TIMEOUT, "the alert notifier did not close");
      } catch (Exception e) {
        // Best effort: closing Vert.x below ends its timers and connections anyway.
      }
    }
    closeQuietly(vertx, venues, context, files);
  }

  private static void closeQuietly(Vertx vertx, List<Venue> venues, Context context, List<Closeable> files) {
    if (context != null && !venues.isEmpty()) {
      Promise<Void> closed = Promise.promise();
      context.runOnContext(ignored -> Future.join(venues.stream().map(Venue::close).toList())
          .onComplete(ar -> closed.complete()));
      try {
        await(closed.future(), CLOSE_STEP_TIMEOUT, "venues did not close");
      } catch (Exception e) {
        // Best effort: closing Vert.x below closes their sockets anyway.
      }
    }
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(CLOSE_STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Best effort: the process is ending.
    }
    for (int i = files.size() - 1; i >= 0; i--) {
      try {
        files.get(i).close();
      } catch (IOException e) {
        // Each file syncs on every write that matters; a failing close loses nothing.
      }
    }
  }

  interface ContextCall<T> {
    T call() throws Exception;
  }

  static <T> T onContext(Context context, ContextCall<T> call) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    context.runOnContext(ignored -> {
      try {
        result.complete(call.call());
      } catch (Exception | Error e) {
        result.completeExceptionally(e);
      }
    });
    return join(result, START_TIMEOUT, "setting up the engine timed out");
  }

  static <T> T await(Future<T> future, Duration timeout, String what) throws Exception {
    return join(future.toCompletionStage().toCompletableFuture(), timeout, what);
  }

  private static <T> T join(CompletableFuture<T> future, Duration timeout, String what) throws Exception {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(what + " within " + timeout.toSeconds() + " s", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) {
        throw ex;
      }
      throw (Error) cause;
    }
  }
}
