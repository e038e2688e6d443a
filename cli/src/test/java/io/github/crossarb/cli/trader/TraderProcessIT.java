package io.github.crossarb.cli.trader;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.link.LinkChannel;
import io.github.crossarb.link.LinkHandler;
import io.github.crossarb.link.LinkPeer;
import io.github.crossarb.link.LinkSecret;
import io.github.crossarb.link.protocol.DisconnectReason;
import io.github.crossarb.link.protocol.LegResult;
import io.github.crossarb.link.protocol.LinkMessage;
import io.github.crossarb.link.protocol.PlaceLeg;
import io.github.crossarb.link.trader.TraderStatusFile;
import io.github.crossarb.link.transport.LinkServer;
import io.github.crossarb.link.transport.LinkServerOptions;
import io.github.crossarb.simulator.Simulation;
import io.github.crossarb.simulator.SimulationOptions;
import io.github.crossarb.simulator.exchange.Accounts;
import io.github.crossarb.simulator.exchange.OrderState;
import io.github.crossarb.simulator.scenario.Scenario;
import io.github.crossarb.simulator.scenario.ScenarioLoader;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./trader run} as a process (the launcher and the jar {@code package} built) against the
 * simulator and a link server in this JVM: it connects, places a leg, keeps a second trader off its
 * data directory, and on SIGTERM stops gracefully (cancels its resting order) with exit code 0.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TraderProcessIT {
  static final Duration WAIT = Duration.ofSeconds(60);
  static final String SECRET = "0123456789abcdef0123456789abcdef-proc";

  @TempDir Path dataDir;
  @TempDir Path workDir;

  private Vertx vertx;
  private Simulation sim;
  private LinkServer server;
  private final LinkedBlockingQueue<LinkMessage> received = new LinkedBlockingQueue<>();
  private volatile LinkChannel controller;
  private volatile Context serverContext;
  private final List<String> disconnects = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    Scenario scenario = ScenarioLoader.load(Path.of(TraderProcessIT.class.getResource(
        "/scenarios/engine-quiet.yaml").toURI()));
    vertx = Vertx.vertx();
    sim = join(Simulation.start(vertx, scenario,
        SimulationOptions.defaults(dataDir.resolve("sim")).withClock(InstantSource.system(), false))
        .toCompletionStage().toCompletableFuture());
    server = join(LinkServer.start(vertx, LinkServerOptions.of("127.0.0.1", 0, LinkSecret.of(SECRET))
        .withTiming(Duration.ofMillis(200), Duration.ofMillis(3000))).toCompletionStage().toCompletableFuture());
    server.onChannel(channel -> {
      serverContext = Vertx.currentContext();
      channel.handler(new LinkHandler() {
        @Override
        public void onConnected(LinkPeer peer) {}

        @Override
        public void onMessage(LinkMessage message) {
          received.add(message);
        }

        @Override
        public void onDisconnected(DisconnectReason reason, String detail) {
          synchronized (disconnects) {
            disconnects.add(reason + ": " + detail);
          }
        }
      });
      controller = channel;
    });
  }

  @AfterEach
  void stop() throws Exception {
    try {
      join(server.close().toCompletionStage().toCompletableFuture());
      join(sim.close().toCompletionStage().toCompletableFuture());
    } finally {
      join(vertx.close().toCompletionStage().toCompletableFuture());
    }
  }

  private static Path repoRoot() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath().getParent();
  }

  private Process launch(String name, String... args) throws Exception {
    Path root = repoRoot();
    assertThat(root.resolve("cli/target/crossarb.jar")).as("jar built by package").isRegularFile();
    List<String> command = new ArrayList<>(List.of(root.resolve("trader").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectOutput(workDir.resolve(name + ".out").toFile())
        .redirectError(workDir.resolve(name + ".err").toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(key -> key.startsWith("ARB_") || key.startsWith("KALSHI_") || key.startsWith("POLY_")
        || key.startsWith("TRADER_") || key.equals("JAVA_OPTS"));
    env.putAll(sim.environment());
    env.put("ARB_DATA_DIR", dataDir.toString());
    env.put("TRADER_LINK_URL", "ws://127.0.0.1:" + server.actualPort());
    env.put("TRADER_LINK_SECRET", SECRET);
    env.put("TRADER_LINK_HEARTBEAT_MS", "200");
    env.put("TRADER_LINK_TIMEOUT_MS", "3000");
    env.put("TRADER_ID", "laptop");
    env.put("TRADER_ALLOWED_MARKETS", "KALSHI:KXFED-*");
    return builder.start();
  }

  private String out(String name) throws Exception {
    return Files.readString(workDir.resolve(name + ".out")) + Files.readString(workDir.resolve(name + ".err"));
  }

  private void await(String what, BooleanSupplier condition, String name) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + " never happened within " + WAIT + "; trader output:\n" + out(name));
      }
      received.poll(50, TimeUnit.MILLISECONDS); // a bounded wait between checks (nothing else expected)
    }
  }

  private static <T> T join(CompletableFuture<T> future) throws Exception {
    return future.get(30, TimeUnit.SECONDS);
  }

  @Test
  void traderRunConnectsTradesKeepsASecondTraderOutAndStopsOnSigtermWithExitZero() throws Exception {
    Process trader = launch("trader", "run", "--venues", "kalshi");
    try {
      await("the trader's handshake", () -> controller != null && controller.connected(), "trader");

      PlaceLeg leg = new PlaceLeg("k-1", VenueId.KALSHI, new OrderRequest(new ClientOrderId("k-1"),
          InstrumentId.kalshi("KXFED-26DEC-T4.25"), Outcome.YES, Side.BUY, Price.parse("0.10"), Quantity.of(2),
          TimeInForce.GTC, false, null), Instant.now().plusSeconds(30));
      serverContext.runOnContext(v -> controller.send(leg));
      LegResult result = null;
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (result == null && System.nanoTime() < deadline) {
        LinkMessage m = received.poll(100, TimeUnit.MILLISECONDS);
        if (m instanceof LegResult r) {
          result = r;
        }
      }
      assertThat(result).as("trader output:\n%s", out("trader")).isNotNull();
      assertThat(result.result()).isInstanceOf(SubmitResult.Accepted.class);
      assertThat(sim.exchange(VenueId.KALSHI).orders(Accounts.USER)).singleElement()
          .satisfies(o -> assertThat(o.state()).isEqualTo(OrderState.RESTING));

      Process second = launch("second", "run", "--venues", "kalshi");
      assertThat(second.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue()).as(out("second")).isEqualTo(ExitCodes.CONFIG);
      assertThat(Files.readString(workDir.resolve("second.err")).lines()).containsExactly(
          "trader: another trader is running on this data directory (" + dataDir.resolve("trader").resolve("lock")
              + " is locked)");

      Process status = launch("status", "status");
      assertThat(status.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(status.exitValue()).as(out("status")).isEqualTo(ExitCodes.OK);
      assertThat(Files.readString(workDir.resolve("status.out"))).startsWith("trader laptop: running since ")
          .contains("controller: connected").contains("legs: 1 done, 0 denied, 0 in flight");

      trader.destroy(); // SIGTERM
      assertThat(trader.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as(out("trader")).isTrue();
      assertThat(trader.exitValue()).as(out("trader")).isEqualTo(ExitCodes.OK);
    } finally {
      if (trader.isAlive()) {
        trader.destroyForcibly();
      }
    }
    String output = out("trader");
    assertThat(output).contains("connected to the controller").contains("leg k-1 sending")
        .contains("stopping: refusing new legs").contains("stopping: cancelled 1 open order(s) on kalshi")
        .contains("trader laptop stopped").doesNotContain(SECRET);
    assertThat(sim.exchange(VenueId.KALSHI).orders(Accounts.USER)).singleElement()
        .satisfies(o -> assertThat(o.state()).isEqualTo(OrderState.CANCELED));
    assertThat(TraderStatusFile.read(dataDir.resolve("trader")).orElseThrow().stopping()).isTrue();
    await("the controller to see the trader leave", () -> {
      synchronized (disconnects) {
        return disconnects.stream().anyMatch(d -> d.startsWith("SHUTDOWN"));
      }
    }, "trader");
  }
}
