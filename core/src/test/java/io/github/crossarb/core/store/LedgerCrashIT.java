package io.github.crossarb.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.crossarb.core.position.DurableLedger;
import io.github.crossarb.core.position.JournalEntry;
import io.github.crossarb.core.position.LedgerFixtures;
import io.github.crossarb.core.position.LedgerSnapshot;
import io.github.crossarb.core.position.PositionLedger;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills a process that is recording fills ({@link LedgerWriterProcess}) with SIGKILL at random
 * points, many times over the same data directory, and checks after every kill that the files
 * are consistent: {@code positions.json} always parses, equals the replay of the journal entries
 * it claims, is at most one entry behind the journal, no acknowledged entry is lost, and recovery
 * brings it level.
 */
class LedgerCrashIT {
  private static final int KILLS = 25;
  private static final long WAIT_SECONDS = 30;
  private static final String EOF = "\u0000EOF";

  @TempDir Path root;

  /**
   * {@code snapshotsAfter}: the engine's mode, positions.json written after record returns (it may
   * lag the journal by several entries when killed; still a replay of a journal prefix, and recovery
   * rewrites it).
   */
  @ParameterizedTest(name = "snapshots written after record: {0}")
  @ValueSource(booleans = {false, true})
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void theLedgerSurvivesRepeatedKills(boolean snapshotsAfter) throws Exception {
    Path dir = root.resolve(snapshotsAfter ? "data-after" : "data");
    long seed = Long.getLong("crash.seed", System.nanoTime());
    Random random = new Random(seed);
    String java = ProcessHandle.current().info().command().orElseThrow();
    String classpath = System.getProperty("java.class.path");
    int behind = 0;
    int torn = 0;
    for (int round = 0; round < KILLS; round++) {
      String context = "seed " + seed + ", round " + round;
      Path stderr = root.resolve("writer-" + snapshotsAfter + "-" + round + ".err");
      Process process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classpath,
          LedgerWriterProcess.class.getName(), dir.toString(), Long.toString(seed + round),
          snapshotsAfter ? "snapshots-after" : "snapshots-in-record")
          .redirectError(stderr.toFile())
          .start();
      long acknowledged = -1;
      try {
        BlockingQueue<String> lines = drain(process);
        int target = 1 + random.nextInt(40);
        int progress = 0;
        while (progress < target) {
          String line = lines.poll(WAIT_SECONDS, TimeUnit.SECONDS);
          if (line == null) {
            fail("no output from the writer in " + WAIT_SECONDS + " s (" + context + ")");
          }
          if (line.equals(EOF)) {
            fail("the writer exited (" + context + "): " + Files.readString(stderr));
          }
          if (line.startsWith("OK ")) {
            progress++;
            acknowledged = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
          }
        }
      } finally {
        process.destroyForcibly();
        assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("writer ended after SIGKILL").isTrue();
      }

      // What the kill left behind.
      FillJournal.Contents journal = FillJournal.read(dir.resolve(FillJournal.FILE_NAME));
      List<JournalEntry> entries = journal.entries();
      PositionsFile.Saved saved = PositionsFile.read(dir).orElseThrow(() -> new AssertionError("no positions.json: " + context));
      long reflected = saved.snapshot().journalEntries();
      assertThat(reflected).as("positions.json vs journal length (%s)", context)
          .isBetween(snapshotsAfter ? 0L : entries.size() - 1L, (long) entries.size());
      assertThat((long) entries.size()).as("acknowledged entries are in the journal (%s)", context).isGreaterThanOrEqualTo(acknowledged);
      LedgerSnapshot replayed = PositionLedger.replay(LedgerFixtures.PAIRS, entries.subList(0, (int) reflected)).snapshot();
      assertThat(saved.snapshot()).as("positions.json = replay of its journal prefix (%s)", context).isEqualTo(replayed);
      if (reflected < entries.size()) {
        behind++;
      }
      if (journal.tornTailBytes() > 0) {
        torn++;
      }
      try (DurableLedger recovered = JsonLedgerStore.recover(dir, LedgerFixtures.PAIRS)) {
        LedgerSnapshot full = PositionLedger.replay(LedgerFixtures.PAIRS, entries).snapshot();
        assertThat(recovered.snapshot()).isEqualTo(full);
        assertThat(recovered.recovery().snapshotRewritten()).isEqualTo(reflected < entries.size());
      }
      PositionsFile.Saved after = PositionsFile.read(dir).orElseThrow();
      assertThat(after.snapshot().journalEntries()).isEqualTo(entries.size());
      assertThat(FillJournal.read(dir.resolve(FillJournal.FILE_NAME)).tornTailBytes()).isZero();
      try (var files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
            .containsExactly(FillJournal.FILE_NAME, PositionsFile.FILE_NAME);
      }
    }
    System.out.printf("LedgerCrashIT: seed %d, %d kills, snapshot behind the journal after %d, torn journal tail after %d, %d entries%n",
        seed, KILLS, behind, torn, FillJournal.read(dir.resolve(FillJournal.FILE_NAME)).entries().size());
  }

  /** Reads the process's stdout on a daemon thread into a queue, ending with {@link #EOF}. */
  private static BlockingQueue<String> drain(Process process) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
        }
      } catch (IOException e) {
        // the process was killed mid-line: end of output
      } finally {
        lines.add(EOF);
      }
    }, "writer-stdout");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }
}
