package io.github.crossarb.simulator.polymarket;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.simulator.Simulation;
import io.github.crossarb.simulator.SimulationOptions;
import io.github.crossarb.simulator.VenueSimulator;
import io.github.crossarb.simulator.exchange.Accounts;
import io.github.crossarb.simulator.exchange.ManualClock;
import io.github.crossarb.simulator.fault.FaultKinds;
import io.github.crossarb.simulator.fault.FaultRule;
import io.github.crossarb.simulator.fault.PolymarketFaultKinds;
import io.github.crossarb.simulator.polymarket.internal.PolySignatures;
import io.github.crossarb.simulator.scenario.FaultsSpec;
import io.github.crossarb.simulator.scenario.Scenario;
import io.github.crossarb.simulator.scenario.ScenarioLoader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The Polymarket server started by {@link Simulation} through its provider, used with the printed environment. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PolymarketSimulationIT {
  @TempDir Path dir;

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  @Test
  void simulationServesPolymarketWithThePrintedEnvironment() throws Exception {
    Scenario base = ScenarioLoader.defaultScenario();
    String yes = base.pairs().get(0).polymarket().yesTokenId();
    Scenario scenario = base.withFaults(new FaultsSpec(List.of(),
        List.of(FaultRule.once(FaultKinds.TICK_SIZE_CHANGE, yes).atStep(1, Map.of("step", "0.001")),
            FaultRule.once(PolymarketFaultKinds.ORDER_VERSION_CHANGE, "*").atStep(1, Map.of("version", "3")))));
    ManualClock clock = new ManualClock(Instant.parse("2026-11-27T00:00:00Z"));
    Vertx vertx = Vertx.vertx();
    Simulation sim = await(Simulation.start(vertx, scenario, SimulationOptions.defaults(dir).withClock(clock, false)));
    try {
      Map<String, String> env = sim.environment();
      assertThat(env).containsKeys("POLY_CLOB_URL", "POLY_WS_URL", "POLY_GAMMA_URL", "POLY_DATA_URL",
          "POLY_GEOBLOCK_URL", "POLY_PRIVATE_KEY", "POLY_SIGNATURE_TYPE", "POLY_API_KEY", "POLY_API_SECRET",
          "POLY_API_PASSPHRASE");
      String clob = env.get("POLY_CLOB_URL");
      assertThat(clob).matches("http://127\\.0\\.0\\.1:\\d+");
      assertThat(env.get("POLY_WS_URL")).isEqualTo(clob.replace("http://", "ws://") + "/ws");
      assertThat(env.get("POLY_GAMMA_URL")).isEqualTo(clob + "/gamma");
      assertThat(env.get("POLY_DATA_URL")).isEqualTo(clob + "/data-api");
      assertThat(env.get("POLY_GEOBLOCK_URL")).isEqualTo(clob + "/api/geoblock");
      Path keyFile = dir.resolve(PolymarketSimulatorProvider.KEY_FILE);
      assertThat(Files.readString(keyFile).trim()).isEqualTo(env.get("POLY_PRIVATE_KEY"));
      if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
      }
      VenueSimulator venue = sim.venues().stream().filter(v -> v.venue() == VenueId.POLYMARKET).findFirst()
          .orElseThrow();
      assertThat(venue.toString()).doesNotContain(env.get("POLY_PRIVATE_KEY")).doesNotContain(env.get("POLY_API_SECRET"));

      WebClient web = WebClient.create(vertx);
      int port = URI.create(clob).getPort();
      var account = new PolymarketSimAccount(new TestWallet(env.get("POLY_PRIVATE_KEY")).address, null,
          env.get("POLY_API_KEY"), env.get("POLY_API_SECRET"), env.get("POLY_API_PASSPHRASE"), 0, null);

      // The market maker's books are there.
      JsonObject book = await(web.get(port, "127.0.0.1", "/book?token_id=" + yes).send()).bodyAsJsonObject();
      assertThat(book.getJsonArray("asks")).isNotEmpty();
      var asks = book.getJsonArray("asks");
      String bestAsk = asks.getJsonObject(asks.size() - 1).getString("price");

      // The printed credentials trade as the scenario's client account.
      assertThat(l2(web, port, clock, account, HttpMethod.GET, "/balance-allowance?asset_type=COLLATERAL", null)
          .getString("balance")).isEqualTo("10000000000");
      TestWallet wallet = new TestWallet(env.get("POLY_PRIVATE_KEY"));
      long price = Fixed.parse(bestAsk);
      long size = 5 * Fixed.SCALE;
      JsonObject order = wallet.order(new TestWallet.OrderArgs(yes, "BUY", Fixed.mulCeil(price, size), size,
          wallet.address, 0, 77, clock.millis(), 0), 2, base.pairs().get(0).polymarket().negRisk());
      JsonObject placed = l2(web, port, clock, account, HttpMethod.POST, "/order",
          PolySimFixture.postBody(order, account.apiKey(), "FOK", false));
      assertThat(placed.getString("status")).isEqualTo("matched");
      assertThat(sim.exchange(VenueId.POLYMARKET).account(Accounts.USER).positions())
          .anySatisfy(p -> assertThat(p.market()).isEqualTo(yes));

      // A scheduled tick size change from the scenario reaches the market channel.
      BlockingQueue<String> frames = new LinkedBlockingQueue<>();
      WebSocket ws = await(vertx.createWebSocketClient().connect(port, "127.0.0.1", "/ws/market"));
      ws.textMessageHandler(frames::add);
      await(ws.writeTextMessage("{\"assets_ids\":[\"" + yes + "\"],\"type\":\"market\"}"));
      assertThat(new JsonObject(frames.poll(5, TimeUnit.SECONDS)).getString("event_type")).isEqualTo("book");
      sim.process().step();
      JsonObject tick = null;
      while (tick == null) {
        String f = frames.poll(5, TimeUnit.SECONDS);
        assertThat(f).as("tick_size_change within 5 s").isNotNull();
        if ("tick_size_change".equals(new JsonObject(f).getString("event_type"))) {
          tick = new JsonObject(f);
        }
      }
      assertThat(tick.getString("new_tick_size")).isEqualTo("0.001");
      // The scheduled version change of the same step.
      assertThat(await(web.get(port, "127.0.0.1", "/version").send()).bodyAsJsonObject().getInteger("version"))
          .isEqualTo(3);
    } finally {
      await(sim.close());
    }

    // A restart on the same directory reuses the wallet and its credentials.
    Simulation again = await(Simulation.start(vertx, base, SimulationOptions.defaults(dir).withClock(clock, false)));
    try {
      assertThat(again.environment().get("POLY_API_KEY")).isNotBlank();
      assertThat(again.environment().get("POLY_PRIVATE_KEY"))
          .isEqualTo(Files.readString(dir.resolve(PolymarketSimulatorProvider.KEY_FILE)).trim());
    } finally {
      await(again.close());
      await(vertx.close());
    }
  }

  static JsonObject l2(WebClient web, int port, ManualClock clock, PolymarketSimAccount creds, HttpMethod method,
      String uri, String body) throws Exception {
    String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
    String ts = Long.toString(clock.instant().getEpochSecond());
    HttpRequest<Buffer> req = web.request(method, port, "127.0.0.1", uri)
        .putHeader("POLY_ADDRESS", creds.address()).putHeader("POLY_TIMESTAMP", ts)
        .putHeader("POLY_API_KEY", creds.apiKey()).putHeader("POLY_PASSPHRASE", creds.passphrase())
        .putHeader("POLY_SIGNATURE", PolySignatures.l2Signature(creds.secret(), ts, method.name(), path,
            body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
    var resp = await(body == null ? req.send() : req.sendBuffer(Buffer.buffer(body)));
    assertThat(resp.statusCode()).as(resp.bodyAsString()).isEqualTo(200);
    return resp.bodyAsJsonObject();
  }
}
