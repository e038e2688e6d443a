package io.github.crossarb.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.core.pair.PairEntry;
import io.github.crossarb.core.pair.PairFingerprint;
import io.github.crossarb.core.pair.PairRegistry;
import io.github.crossarb.core.pair.PairRelation;
import io.github.crossarb.core.pair.PolymarketMarket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairsFileTest {
  static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");

  @TempDir Path dir;

  private final PairRegistry registry = PairRegistry.empty()
      .approve(PairEntry.approve("fed-dec", "KXFED-26DEC-T4.25", new PolymarketMarket("0xd5", "860", "337"),
          PairRelation.SAME, "alice", T0, new PairFingerprint("a".repeat(64), T0.plusSeconds(3600), "b".repeat(64), null)))
      .approve(PairEntry.approve("btc", "KXBTCY-26DEC31-T100000", new PolymarketMarket("0xe4", "476", "216"),
          PairRelation.COMPLEMENT, "bob", T0, new PairFingerprint("c".repeat(64), null, "d".repeat(64), T0)))
      .suspend("btc", "Kalshi rules text changed");

  @Test
  void roundTripsEveryFieldAndIsReadableByPeople() throws IOException {
    PairsFile.write(dir, registry);
    String text = Files.readString(dir.resolve("pairs.json"));
    assertThat(text).startsWith("{\n  \"schemaVersion\" : 1,\n  \"pairs\" : [ {\n    \"id\" : \"fed-dec\",");
    assertThat(text).contains("\"relation\" : \"COMPLEMENT\"", "\"status\" : \"SUSPENDED\"",
        "\"statusReason\" : \"Kalshi rules text changed\"", "\"hash\" : \"" + registry.require("btc").fingerprint().hash());
    assertThat(PairsFile.read(dir)).isEqualTo(registry);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("pairs.json");
    }
  }

  @Test
  void aMissingFileIsAnEmptyRegistry() throws IOException {
    assertThat(PairsFile.read(dir).isEmpty()).isTrue();
  }

  private void assertRejected(String from, String to, String message) throws IOException {
    PairsFile.write(dir, registry);
    Path file = dir.resolve("pairs.json");
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
    assertThatThrownBy(() -> PairsFile.read(dir)).isInstanceOf(DataFileException.class)
        .hasMessage(file + ": " + message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void malformedEntriesFailWithOneLineNamingTheFileAndTheEntry() throws IOException {
    assertRejected("\"relation\" : \"SAME\"", "\"relation\" : \"same-ish\"",
        "pair #1 (fed-dec): field \"relation\" must be one of [SAME, COMPLEMENT], got \"same-ish\"");
    assertRejected("\"approvedBy\" : \"bob\",", "\"approvedBy\" : \"bob\", \"extra\": 1,",
        "pair #2 (btc): unknown field \"extra\"");
    assertRejected("\"kalshiTicker\" : \"KXFED-26DEC-T4.25\",", "", "pair #1 (fed-dec): missing field \"kalshiTicker\"");
    assertRejected("\"statusReason\" : \"Kalshi rules text changed\"", "\"statusReason\" : null",
        "pair #2 (btc): a suspended pair needs a reason and an approved one has none: btc");
    assertRejected("\"approvedAt\" : \"2026-11-27T08:00:00Z\"", "\"approvedAt\" : \"yesterday\"",
        "pair #1 (fed-dec): field \"approvedAt\" must be an ISO-8601 instant, got \"yesterday\"");
    assertRejected("\"kalshiRulesSha256\" : \"" + "a".repeat(64), "\"kalshiRulesSha256\" : \"" + "e".repeat(64),
        "pair #1 (fed-dec): fingerprint hash does not match its parts (edited by hand?)");
    assertRejected("\"id\" : \"btc\"", "\"id\" : \"fed-dec\"", "pair id fed-dec appears twice");
    assertRejected("\"schemaVersion\" : 1", "\"schemaVersion\" : 2", "unsupported schemaVersion 2 (this version reads 1)");
    assertRejected("\"id\" : \"fed-dec\",", "\"id\" : \"fed-dec\", \"id\" : \"x\",",
        "not valid JSON at line 4: Duplicate field 'id'");
  }

  @Test
  void nonJsonAndNonUtf8AreRejected() throws IOException {
    Path file = dir.resolve("pairs.json");
    Files.write(file, new byte[] {'{', (byte) 0xff, '}'});
    assertThatThrownBy(() -> PairsFile.read(dir)).isInstanceOf(DataFileException.class).hasMessage(file + ": not UTF-8 text");
    Files.writeString(file, "[]", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> PairsFile.read(dir)).hasMessage(file + ": not a JSON object");
    Files.writeString(file, "{\"schemaVersion\": 1, \"pairs\": []} {}", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> PairsFile.read(dir)).hasMessageStartingWith(file + ": not valid JSON");
  }

  @Test
  void updateWritesOnlyAChangeAndKeepsConcurrentChanges() throws Exception {
    PairsFile.write(dir, registry);
    Path file = dir.resolve("pairs.json");
    java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(file);
    assertThat(PairsFile.update(dir, r -> r)).isEqualTo(registry);
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(before);

    // Two writers at once (the engine suspending, an operator removing) both land.
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var suspend = pool.submit(() -> PairsFile.update(dir, r -> r.suspend("fed-dec", "engine: rules changed")));
      var remove = pool.submit(() -> PairsFile.update(dir, r -> r.remove("btc")));
      suspend.get(10, java.util.concurrent.TimeUnit.SECONDS);
      remove.get(10, java.util.concurrent.TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    PairRegistry after = PairsFile.read(dir);
    assertThat(after.entries()).extracting(e -> e.id()).containsExactly("fed-dec");
    assertThat(after.require("fed-dec").statusReason()).isEqualTo("engine: rules changed");

    assertThatThrownBy(() -> PairsFile.update(dir, r -> r.remove("nope"))).hasMessage("no pair nope");
    assertThat(PairsFile.read(dir)).isEqualTo(after);
  }

  @Test
  void replaceEntryPersistsASuspensionUnlessThePairWasRemoved() throws IOException {
    PairsFile.write(dir, registry);
    PairEntry suspended = registry.require("fed-dec").suspend("engine: Kalshi close time changed");
    assertThat(PairsFile.replaceEntry(dir, suspended)).isTrue();
    assertThat(PairsFile.read(dir).require("fed-dec")).isEqualTo(suspended);
    PairsFile.write(dir, registry.remove("fed-dec"));
    assertThat(PairsFile.replaceEntry(dir, suspended)).isFalse();
    assertThat(PairsFile.read(dir).find("fed-dec")).isEmpty();
  }
}
