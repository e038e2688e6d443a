package io.github.crossarb.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.cli.doctor.CheckResult.Status;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Against a fake control endpoint on loopback, writing the files the daemon writes. */
@Timeout(60)
class DaemonCheckTest {
  private static final String TOKEN = "tok-" + "9f".repeat(20);
  private static final long PID = 4242;

  @TempDir Path dir;
  private Vertx vertx;
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    server = vertx.createHttpServer().requestHandler(request -> {
      if (!request.path().equals("/v1/health")) {
        request.response().setStatusCode(404).end();
      } else if (!("Bearer " + TOKEN).equals(request.getHeader("Authorization"))) {
        request.response().setStatusCode(401).end("{\"error\":\"unauthorized\"}");
      } else {
        request.response().putHeader("content-type", "application/json")
            .end(new JsonObject().put("status", "ok").put("pid", PID).put("mode", "paper").encode());
      }
    }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private void writeControl(long pid, int port, String token) throws Exception {
    Files.writeString(dir.resolve("control.json"), new JsonObject().put("pid", pid).put("port", port)
        .put("startedAt", "2026-11-27T09:00:00Z").put("version", 1).encode());
    Files.writeString(dir.resolve("control.token"), token + "\n");
  }

  @Test
  void noControlFileMeansNotRunning() throws Exception {
    CheckResult result = new DaemonCheck(dir).run();
    assertThat(result.status()).isEqualTo(Status.OK);
    assertThat(result.found()).startsWith("not running");
  }

  @Test
  void anAnsweringDaemonIsOkWithItsPidAndMode() throws Exception {
    writeControl(PID, server.actualPort(), TOKEN);
    CheckResult result = new DaemonCheck(dir).run();
    assertThat(result.status()).isEqualTo(Status.OK);
    assertThat(result.found()).contains("pid 4242", "mode paper", "127.0.0.1:" + server.actualPort())
        .doesNotContain(TOKEN);
  }

  @Test
  void nobodyAnsweringIsAStaleFile() throws Exception {
    int port = server.actualPort();
    server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    writeControl(PID, port, TOKEN);
    CheckResult result = new DaemonCheck(dir).run();
    assertThat(result.status()).isEqualTo(Status.WARN);
    assertThat(result.found()).isEqualTo("stale control.json (pid 4242 not answering on 127.0.0.1:" + port + ")");
    assertThat(result.hint()).contains("remove", "controller daemon");
  }

  @Test
  void aWrongTokenWarnsWithoutPrintingIt() throws Exception {
    writeControl(PID, server.actualPort(), "wrong-token-value-123");
    CheckResult result = new DaemonCheck(dir).run();
    assertThat(result.status()).isEqualTo(Status.WARN);
    assertThat(result.found()).contains("refused", "401").doesNotContain("wrong-token-value-123");
  }

  @Test
  void anotherPidAnsweringWarns() throws Exception {
    writeControl(PID + 1, server.actualPort(), TOKEN);
    CheckResult result = new DaemonCheck(dir).run();
    assertThat(result.status()).isEqualTo(Status.WARN);
    assertThat(result.found()).contains("pid 4242 answers", "pid 4243");
  }

  @Test
  void aMalformedControlFileWarns() throws Exception {
    Files.writeString(dir.resolve("control.json"), "{\"pid\":");
    assertThat(new DaemonCheck(dir).run().status()).isEqualTo(Status.WARN);
    Files.writeString(dir.resolve("control.json"), "{\"version\":1}");
    CheckResult result = new DaemonCheck(dir).run();
    assertThat(result.status()).isEqualTo(Status.WARN);
    assertThat(result.found()).contains("no valid pid and port");
  }
}
