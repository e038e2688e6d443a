package io.github.crossarb.link.trader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.VenueId;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TraderStatusFileTest {
  @TempDir Path dir;

  static TraderStatus status(Instant at, long legsDone) {
    return new TraderStatus("laptop", at, Instant.parse("2026-11-27T09:00:00Z"), false, null,
        List.of(VenueId.KALSHI, VenueId.POLYMARKET), TraderStatus.DeadmanState.TRIPPED,
        "controller silent for 12000 ms, limit 10000 ms", legsDone, 2, 1, Money.parse("12.5"), Money.parse("500"),
        "HEARTBEAT_TIMEOUT: no frame for 5000 ms", true);
  }

  @Test
  void aStatusIsReadBackAsWritten() throws IOException {
    TraderStatus s = status(Instant.parse("2026-11-27T10:00:00.123Z"), 7);
    TraderStatusFile.write(dir, s);
    assertThat(TraderStatusFile.read(dir)).contains(s);
    assertThat(Files.exists(dir.resolve("status.json.tmp"))).isFalse();
  }

  @Test
  void noFileIsNoStatusAndABrokenOneIsAnError() throws IOException {
    assertThat(TraderStatusFile.read(dir)).isEmpty();
    Files.writeString(dir.resolve("status.json"), "{\"schemaVersion\":1,\"traderId\":\"x\"}");
    assertThatThrownBy(() -> TraderStatusFile.read(dir)).isInstanceOf(IOException.class)
        .hasMessage(dir.resolve("status.json") + ": field \"venues\" must be a list");
  }

  @Test
  void theWriterEndsWithTheLatestStatus() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Consumer<TraderStatus> writer = TraderStatusFile.writer(vertx, dir, e -> { throw new AssertionError(e); });
      Instant t = Instant.parse("2026-11-27T10:00:00Z");
      for (int i = 1; i <= 20; i++) {
        writer.accept(status(t.plusSeconds(i), i));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (true) {
        TraderStatus read = Files.exists(dir.resolve("status.json")) ? TraderStatusFile.read(dir).orElseThrow() : null;
        if (read != null && read.legsDone() == 20) {
          break;
        }
        assertThat(System.nanoTime()).as("the last status never reached the file: %s", read).isLessThan(deadline);
        vertx.timer(10).toCompletionStage().toCompletableFuture().get(1, TimeUnit.SECONDS); // a bounded pause
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
