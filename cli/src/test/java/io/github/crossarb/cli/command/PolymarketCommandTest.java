package io.github.crossarb.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.crossarb.cli.CliRunner;
import io.github.crossarb.cli.CliRunner.Result;
import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.TestKeys;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code controller polymarket derive-keys} against a fake CLOB on 127.0.0.1. */
@Timeout(60)
class PolymarketCommandTest {
  private static final String KEY_ID = "5b7d3c1e-0000-4000-8000-000000000001";
  private static final String SECRET = "c2VjcmV0LXRlc3Q=";
  private static final String PASSPHRASE = "passphrase-test-123";

  @TempDir Path dataDir;
  private final Vertx vertx = Vertx.vertx();
  private final BlockingQueue<String> requests = new LinkedBlockingQueue<>();
  private final AtomicInteger status = new AtomicInteger(200);
  private HttpServer server;
  private String base;

  @BeforeEach
  void startFakeClob() throws Exception {
    server = vertx.createHttpServer().requestHandler(req -> {
      requests.add(req.method() + " " + req.path() + " " + req.getHeader("POLY_ADDRESS") + " " + req.getHeader("POLY_NONCE"));
      req.response().setStatusCode(status.get()).putHeader("content-type", "application/json")
          .end("{\"apiKey\":\"" + KEY_ID + "\",\"secret\":\"" + SECRET + "\",\"passphrase\":\"" + PASSPHRASE + "\"}");
    });
    int port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
        .actualPort();
    base = "http://127.0.0.1:" + port;
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private Map<String, String> env(String... more) {
    Map<String, String> env = CliRunner.environment(dataDir, "POLY_CLOB_URL", base, "POLY_PRIVATE_KEY", TestKeys.POLY_KEY);
    for (int i = 0; i < more.length; i += 2) {
      env.put(more[i], more[i + 1]);
    }
    return env;
  }

  @Test
  void printsTheKeyIdOnlyAndCachesTheCredentialsOwnerOnly() throws Exception {
    Result result = CliRunner.controller(env(), "polymarket", "derive-keys");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).contains(KEY_ID).doesNotContain(SECRET, PASSPHRASE);
    assertThat(requests.poll(5, TimeUnit.SECONDS)).startsWith("POST /auth/api-key 0x").endsWith(" 0");
    try (var files = Files.list(dataDir)) {
      Path cached = files.filter(p -> p.getFileName().toString().startsWith("polymarket-api-")).findFirst().orElseThrow();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cached))).isEqualTo("rw-------");
      assertThat(Files.readString(cached)).contains(SECRET);
    }
  }

  @Test
  void showSecretAndJson() throws Exception {
    Result result = CliRunner.controller(env(), "polymarket", "derive-keys", "--json", "--show-secret", "--nonce", "3");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
    JsonNode json = new ObjectMapper().readTree(result.out());
    assertThat(json.get("apiKey").asText()).isEqualTo(KEY_ID);
    assertThat(json.get("secret").asText()).isEqualTo(SECRET);
    assertThat(json.get("passphrase").asText()).isEqualTo(PASSPHRASE);
    assertThat(requests.poll(5, TimeUnit.SECONDS)).endsWith(" 3");
    Result hidden = CliRunner.controller(env(), "polymarket", "derive-keys", "--json");
    assertThat(new ObjectMapper().readTree(hidden.out()).has("secret")).isFalse();
  }

  @Test
  void missingKeyIsAConfigError() {
    Map<String, String> env = CliRunner.environment(dataDir, "POLY_CLOB_URL", base);
    Result result = CliRunner.controller(env, "polymarket", "derive-keys");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.err()).contains("POLY_PRIVATE_KEY");
  }

  @Test
  void partialApiCredentialsAreAConfigError() {
    Result result = CliRunner.controller(env("POLY_API_KEY", "k"), "polymarket", "derive-keys");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(result.err()).contains("POLY_API_SECRET");
  }

  @Test
  void venueFailureIsExitCodeFourAndPrintsNoSecret() {
    status.set(503);
    Result result = CliRunner.controller(env(), "polymarket", "derive-keys");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.VENUE);
    assertThat(result.err()).doesNotContain(TestKeys.POLY_KEY.substring(2, 20));
  }

  @Test
  void proxySignatureTypeWithoutFunderIsAConfigError() {
    Result result = CliRunner.controller(env("POLY_SIGNATURE_TYPE", "1"), "polymarket", "derive-keys");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
  }
}
