package io.github.crossarb.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EngineEvent.Alert;
import io.github.crossarb.core.event.EngineEvent.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class BackgroundEventWriterTest {
  private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");
  private static final InstantSource CLOCK = InstantSource.fixed(T);

  private static Alert event(int i) {
    return new Alert(T.plusMillis(i), Severity.INFO, null, "event " + i);
  }

  @Test
  void eventsReachTheLogFileInOrderOnFlush(@TempDir Path dir) throws IOException {
    try (EventLog log = EventLog.openIn(dir, Duration.ofSeconds(1), problem -> { })) {
      BackgroundEventWriter writer = new BackgroundEventWriter("events-test", log, 1024, problem -> { }, CLOCK);
      List<EngineEvent> sent = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        sent.add(event(i));
        writer.emit(event(i));
      }
      assertThat(writer.flush(Duration.ofSeconds(20))).isTrue();
      assertThat(EventLog.read(log.file())).containsExactlyElementsOf(sent);
      writer.close();
    }
  }

  @Test
  void closeDeliversEverythingQueuedAndLaterEventsGoStraightThrough(@TempDir Path dir) throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<EngineEvent> seen = new CopyOnWriteArrayList<>();
    BackgroundEventWriter writer = new BackgroundEventWriter("events-test", event -> {
      await(release);
      seen.add(event);
    }, 1024, problem -> { }, CLOCK);
    for (int i = 0; i < 100; i++) {
      writer.emit(event(i));
    }
    CompletableFuture<Void> closing = CompletableFuture.runAsync(writer::close);
    release.countDown();
    closing.get(30, TimeUnit.SECONDS);
    assertThat(seen).hasSize(100);
    assertThat(seen.get(0)).isEqualTo(event(0));
    assertThat(seen.get(99)).isEqualTo(event(99));

    writer.emit(event(100)); // after close: on the caller's thread
    assertThat(seen).hasSize(101).endsWith(event(100));
  }

  @Test
  void closeFlushesIntoTheLogWhichThenHoldsEveryLine(@TempDir Path dir) throws IOException {
    EventLog log = EventLog.openIn(dir, Duration.ofSeconds(1), problem -> { });
    BackgroundEventWriter writer = new BackgroundEventWriter("events-test", log, 1024, problem -> { }, CLOCK);
    for (int i = 0; i < 200; i++) {
      writer.emit(event(i));
    }
    writer.close();
    log.close();
    assertThat(EventLog.read(dir.resolve(EventLog.FILE_NAME))).hasSize(200);
  }

  @Test
  void aFullQueueNeverBlocksAndTheGapIsReportedOnceThenRecorded() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch firstTaken = new CountDownLatch(1);
    List<EngineEvent> seen = new CopyOnWriteArrayList<>();
    List<String> overflows = new CopyOnWriteArrayList<>();
    BackgroundEventWriter writer = new BackgroundEventWriter("events-test", event -> {
      firstTaken.countDown();
      await(release);
      seen.add(event);
    }, 4, overflows::add, CLOCK);
    writer.emit(event(0)); // taken by the writer, which then blocks in the sink
    assertThat(firstTaken.await(20, TimeUnit.SECONDS)).isTrue();
    for (int i = 1; i <= 10; i++) {
      writer.emit(event(i)); // 4 fit; 6 are dropped, without blocking this thread
    }
    assertThat(writer.dropped()).isEqualTo(6);
    assertThat(overflows).hasSize(1);
    assertThat(overflows.get(0)).contains("queue full").contains("dropped");

    release.countDown();
    assertThat(writer.flush(Duration.ofSeconds(20))).isTrue();
    writer.close();
    assertThat(seen).startsWith(event(0), event(1), event(2), event(3), event(4)).hasSize(6);
    Alert gap = (Alert) seen.get(5);
    assertThat(gap.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(gap.message()).startsWith("6 engine events were dropped");
  }

  @Test
  void aThrowingSinkLosesThatEventOnly() {
    List<EngineEvent> seen = new CopyOnWriteArrayList<>();
    BackgroundEventWriter writer = new BackgroundEventWriter("events-test", event -> {
      if (((Alert) event).message().equals("event 1")) {
        throw new IllegalStateException("boom");
      }
      seen.add(event);
    }, 16, problem -> { }, CLOCK);
    writer.emit(event(0));
    writer.emit(event(1));
    writer.emit(event(2));
    assertThat(writer.flush(Duration.ofSeconds(20))).isTrue();
    writer.close();
    assertThat(seen).containsExactly(event(0), event(2));
  }

  @Test
  void manyProducersKeepEachProducersOrder() throws Exception {
    List<EngineEvent> seen = new CopyOnWriteArrayList<>();
    BackgroundEventWriter writer = new BackgroundEventWriter("events-test", seen::add, 100_000, problem -> { }, CLOCK);
    List<CompletableFuture<Void>> producers = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      int base = p * 10_000;
      producers.add(CompletableFuture.runAsync(() -> {
        for (int i = 0; i < 1_000; i++) {
          writer.emit(event(base + i));
        }
      }));
    }
    CompletableFuture.allOf(producers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    assertThat(writer.flush(Duration.ofSeconds(20))).isTrue();
    writer.close();
    assertThat(seen).hasSize(4_000);
    for (int p = 0; p < 4; p++) {
      int base = p * 10_000;
      List<Instant> mine = seen.stream().map(EngineEvent::time)
          .filter(t -> !t.isBefore(T.plusMillis(base)) && t.isBefore(T.plusMillis(base + 10_000))).toList();
      assertThat(mine).hasSize(1_000).isSorted();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(20, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
