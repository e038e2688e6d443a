package io.github.crossarb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.crossarb.cli.CliRunner.Result;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.simulator.Simulation;
import io.github.crossarb.simulator.fault.FaultKinds;
import io.github.crossarb.simulator.fault.FaultRule;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

/**
 * The venue issues' acceptance, end to end through real sockets: the simulator on loopback, the
 * real venue clients, and the commands an operator types. Nothing here is shared between the
 * simulator and the clients but the wire protocol.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SimulatorAcceptanceIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;

  private static Vertx vertx;
  private static Simulation simulation;
  private static Map<String, String> env;

  @BeforeAll
  static void startSimulators() throws Exception {
    vertx = Vertx.vertx();
    simulation = Simulation.start(vertx, dataDir.resolve("sim"))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    env = new HashMap<>(CliRunner.environment(dataDir));
    env.putAll(simulation.environment());
  }

  @AfterAll
  static void stopSimulators() throws Exception {
    if (simulation != null) {
      simulation.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void kalshiBooksAreLiveAndABuyOfNoFillsIntoThePositions() throws Exception {
    String ticker = firstMarket("kalshi").get("market").asText();

    JsonNode book = json(run("book", "--venue", "kalshi", ticker, "--json"));
    assertThat(book.get("bids")).isNotEmpty();
    assertThat(book.get("asks")).isNotEmpty();

    // Buy NO through the best YES bid: sent as an ask at YES 1 - 0.99 = 0.01, so it must fill.
    JsonNode placed = json(run("order", "place", "--venue", "kalshi", "--market", ticker, "--outcome", "no",
        "--side", "buy", "--price", "0.99", "--size", "2", "--tif", "ioc", "--json"));
    assertThat(placed.get("outcome").asText()).isEqualTo("accepted");
    assertThat(placed.get("filled").asText()).isEqualTo("2");

    JsonNode positions = json(run("positions", "--venue", "kalshi", "--json"));
    assertThat(positions).anySatisfy(position -> {
      assertThat(position.get("instrument").asText()).isEqualTo("KALSHI:" + ticker);
      assertThat(position.get("outcome").asText()).isEqualTo("no");
      assertThat(position.get("quantity").asText()).isEqualTo("2");
    });
  }

  @Test
  void polymarketBooksAreLiveAndABuyFillsIntoThePositions() throws Exception {
    String token = firstMarket("polymarket").get("yes").asText();

    JsonNode book = json(run("book", "--venue", "polymarket", token, "--json"));
    assertThat(book.get("asks")).isNotEmpty();

    JsonNode placed = json(run("order", "place", "--venue", "polymarket", "--market", token, "--side", "buy",
        "--price", "0.99", "--size", "5", "--tif", "fak", "--json"));
    assertThat(placed.get("outcome").asText()).isEqualTo("accepted");
    assertThat(placed.get("filled").asText()).isEqualTo("5");

    JsonNode positions = json(run("positions", "--venue", "polymarket", "--json"));
    assertThat(positions).anySatisfy(position -> {
      assertThat(position.get("instrument").asText()).isEqualTo("POLYMARKET:" + token);
      assertThat(position.get("quantity").asText()).isEqualTo("5");
    });
  }

  @Test
  void polymarketOrderCarriesTheOfficialClientsAmountsAndASignatureTheVenueAccepts() throws Exception {
    String token = firstMarket("polymarket").get("yes").asText();
    String[] order = {"order", "place", "--venue", "polymarket", "--market", token, "--side", "buy",
        "--price", "0.33", "--size", "1234.56", "--client-order-id", "acceptance-amounts", "--json"};

    JsonNode prepared = json(run(concat(order, "--dry-run")));
    JsonNode body = JSON.readTree(prepared.get("body").asText());
    // From test-tools/polymarket's vectors of @polymarket/clob-client-v2 (amount_grid.json, limit BUY
    // at tick 0.01, price 0.33, size 1234.5678, which that client floors to 1234.56 shares).
    assertThat(body.get("order").get("makerAmount").asText()).isEqualTo("407404800");
    assertThat(body.get("order").get("takerAmount").asText()).isEqualTo("1234560000");
    assertThat(body.get("order").get("signer").asText()).isEqualToIgnoringCase(Credentials.create(env.get("POLY_PRIVATE_KEY")).getAddress());
    assertThat(body.get("owner").asText()).isEqualTo("***");

    // The simulator recovers the EIP-712 signer itself and refuses a mismatch, so acceptance is the proof.
    JsonNode placed = json(run(order));
    assertThat(placed.get("outcome").asText()).isEqualTo("accepted");
    assertThat(json(run("order", "cancel", "--venue", "polymarket", placed.get("orderId").asText(), "--json"))
        .get("result").asText()).isEqualTo("cancelled");
  }

  @Test
  void kalshiWatchedBookSurvivesADroppedConnection() throws Exception {
    String ticker = firstMarket("kalshi").get("market").asText();
    assertWatchSurvivesDrop(VenueId.KALSHI, "kalshi", ticker);
  }

  @Test
  void polymarketWatchedBookSurvivesADroppedConnection() throws Exception {
    String token = firstMarket("polymarket").get("yes").asText();
    assertWatchSurvivesDrop(VenueId.POLYMARKET, "polymarket", token);
  }

  /** Watches a book, drops the venue's stream once it is trusted, and waits for it to be trusted again. */
  private void assertWatchSurvivesDrop(VenueId venue, String label, String id) throws Exception {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    StringWriter err = new StringWriter();
    picocli.CommandLine commandLine = Cli.commandLine(new ControllerCommand(env));
    commandLine.setOut(new PrintWriter(new LineWriter(lines), true));
    commandLine.setErr(new PrintWriter(err, true));
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    // Watching ends on an interrupt (as on Ctrl-C), which closes the command's venue session.
    Thread watcher = new Thread(() ->
        exit.complete(commandLine.execute("book", "--venue", label, id, "--watch", "--json")), "watch-" + label);
    watcher.start();
    try {
      awaitFrame(lines, true, exit, err);
      simulation.faults(venue).add(FaultRule.once(FaultKinds.DROP_CONNECTION, "ws"));
      awaitFrame(lines, false, exit, err);
      JsonNode recovered = awaitFrame(lines, true, exit, err);
      assertThat(recovered.get("bids").size() + recovered.get("asks").size()).isPositive();
    } finally {
      watcher.interrupt();
      assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    }
  }

  private static JsonNode awaitFrame(BlockingQueue<String> lines, boolean trusted, CompletableFuture<Integer> exit,
      StringWriter err) throws Exception {
    while (true) {
      String line = lines.poll(60, TimeUnit.SECONDS);
      assertThat(line).as("a %s frame (exit %s, stderr: %s)", trusted ? "trusted" : "untrusted",
          exit.getNow(null), err).isNotNull();
      JsonNode frame = JSON.readTree(line);
      if (frame.get("trusted").asBoolean() == trusted) {
        return frame;
      }
    }
  }

  private static JsonNode firstMarket(String venue) throws Exception {
    JsonNode markets = json(run("markets", "--venue", venue, "--json"));
    assertThat(markets).isNotEmpty();
    return markets.get(0);
  }

  private static String run(String... args) {
    Result result = CliRunner.controller(env, args);
    assertThat(result.exitCode()).as("%s: %s", String.join(" ", args), result.err()).isZero();
    return result.out();
  }

  private static String[] concat(String[] base, String... more) {
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  /** Hands each printed line to a queue, so the test can wait for frames as they come. */
  private static final class LineWriter extends Writer {
    private final BlockingQueue<String> lines;
    private final StringBuilder current = new StringBuilder();

    LineWriter(BlockingQueue<String> lines) {
      this.lines = lines;
    }

    @Override
    public synchronized void write(char[] buffer, int offset, int length) {
      for (int i = offset; i < offset + length; i++) {
        char c = buffer[i];
        if (c == '\n') {
          if (!current.isEmpty()) {
            lines.add(current.toString());
          }
          current.setLength(0);
        } else if (c != '\r') {
          current.append(c);
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
