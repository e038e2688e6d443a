package io.github.crossarb.cli.command.pairs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.crossarb.cli.CliRunner;
import io.github.crossarb.cli.CliRunner.Result;
import io.github.crossarb.cli.venue.VenueFactory;
import io.github.crossarb.cli.venue.VenueJson;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pair.PairEntry;
import io.github.crossarb.core.pair.PairFingerprint;
import io.github.crossarb.core.pair.PairRegistry;
import io.github.crossarb.core.pair.PairRelation;
import io.github.crossarb.core.store.MarketCache;
import io.github.crossarb.core.store.PairsFile;
import io.github.crossarb.core.venue.MarketInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PairsCommandsTest {
  static final Instant CLOSE = Instant.parse("2027-12-31T20:00:00Z");
  static final InstrumentId K_FED = InstrumentId.kalshi("KXFED-26DEC-T4.25");
  static final String RULES = "If the upper bound of the federal funds target range announced after the December 2026"
      + " FOMC meeting is above 4.25%, the market resolves to Yes.";
  static final MarketInfo KALSHI_FED = new MarketInfo(VenueId.KALSHI, K_FED.symbol(),
      "Will the upper bound of the federal funds rate be above 4.25% after the Dec 2026 meeting?", "active", true, CLOSE,
      RULES, K_FED, K_FED);
  static final MarketInfo POLY_FED = new MarketInfo(VenueId.POLYMARKET, "0xd514", "Fed rate above 4.25% after the"
      + " December 2026 meeting?", "active", true, CLOSE, RULES + " Resolution source: federalreserve.gov.",
      InstrumentId.polymarket("860"), InstrumentId.polymarket("337"));
  static final MarketInfo POLY_OTHER = new MarketInfo(VenueId.POLYMARKET, "0xaaaa", "Fed rate above 4.50% after the"
      + " December 2026 meeting?", "active", true, CLOSE, "other", InstrumentId.polymarket("111"),
      InstrumentId.polymarket("222"));

  @TempDir Path dataDir;

  private final MarketsOnlyVenue kalshi = new MarketsOnlyVenue(VenueId.KALSHI);
  private final MarketsOnlyVenue polymarket = new MarketsOnlyVenue(VenueId.POLYMARKET);

  {
    kalshi.markets = List.of(KALSHI_FED);
    polymarket.markets = List.of(POLY_OTHER, POLY_FED);
  }

  private final VenueFactory venues = (venue, vertx, config) -> venue == VenueId.KALSHI ? kalshi : polymarket;

  private Result run(String... args) {
    return CliRunner.controller(CliRunner.environment(dataDir), venues, args);
  }

  private Result approveFed(String... more) {
    boolean by = java.util.Arrays.asList(more).contains("--by");
    String[] base = by ? new String[] {"pairs", "approve", "--id", "fed", "--kalshi", K_FED.symbol(), "--polymarket",
        "0xd514"} : new String[] {"pairs", "approve", "--id", "fed", "--kalshi", K_FED.symbol(), "--polymarket",
        "0xd514", "--by", "alice"};
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return run(all);
  }

  private static JsonNode json(String text) throws IOException {
    return VenueJson.MAPPER.readTree(text);
  }

  @Test
  void suggestProposesShowsBothRulesAndApprovesNothing() throws IOException {
    Result text = run("pairs", "suggest");
    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out()).contains("#1  score", "KXFED-26DEC-T4.25", "0xd514", "KALSHI RULES", "POLYMARKET RULES",
        "federalreserve.gov", "controller pairs approve --id kxfed-26dec-t4.25 --kalshi KXFED-26DEC-T4.25"
            + " --polymarket 0xd514", "nothing was approved")
        .doesNotContain("0xaaaa"); // 4.50% is another contract
    assertThat(Files.exists(dataDir.resolve("pairs.json"))).isFalse();
    assertThat(kalshi.closed).isTrue();
    assertThat(polymarket.closed).isTrue();

    assertThat(approveFed().exitCode()).isZero();
    JsonNode array = json(run("pairs", "suggest", "--query", "fed", "--json").out());
    assertThat(array).hasSize(1);
    assertThat(array.get(0).get("registeredAs").get(0).asText()).isEqualTo("fed");
    assertThat(array.get(0).get("polymarket").get("yes").asText()).isEqualTo("860");
    assertThat(kalshi.asked).contains("markets fed");
  }

  @Test
  void approveFetchesBothMarketsShowsTheRulesAndRecordsTheFingerprint() throws IOException {
    Result result = approveFed();
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("KALSHI RULES", "POLYMARKET RULES", "YES token 860", "NO token  337",
        "approved fed by alice", "fingerprint " + PairFingerprint.of(KALSHI_FED, POLY_FED).hash());
    PairEntry entry = PairsFile.read(dataDir).require("fed");
    assertThat(entry.polymarket().yesTokenId()).isEqualTo("860");
    assertThat(entry.polymarket().noTokenId()).isEqualTo("337");
    assertThat(entry.relation()).isEqualTo(PairRelation.SAME);
    assertThat(entry.fingerprint()).isEqualTo(PairFingerprint.of(KALSHI_FED, POLY_FED));
    assertThat(kalshi.asked).containsExactly("market " + K_FED);
    // The engine's next start finds both descriptions in the cache.
    assertThat(MarketCache.read(dataDir).fresh(InstrumentId.polymarket("337"), Instant.now())).contains(POLY_FED);

    JsonNode list = json(run("pairs", "list", "--json").out());
    assertThat(list.get(0).get("fingerprint").get("hash").asText()).isEqualTo(entry.fingerprint().hash());
    assertThat(run("pairs", "list").out()).contains("fed", "approved", "same", "alice", "1 of 1 approved");
    assertThat(run("pairs", "show", "fed").out()).contains("relation    same", "yes token 860", entry.fingerprint().hash());
  }

  @Test
  void reapprovingASuspendedPairShowsWhatChangedAndRecordsTheNewFingerprint() throws IOException {
    approveFed();
    assertThat(run("pairs", "suspend", "fed", "--reason", "Kalshi rules text changed").exitCode()).isZero();
    assertThat(PairsFile.read(dataDir).approved()).isEmpty();
    MarketInfo changed = new MarketInfo(VenueId.KALSHI, K_FED.symbol(), KALSHI_FED.title(), "active", true,
        CLOSE.plusSeconds(3600), RULES + " Amended.", K_FED, K_FED);
    kalshi.markets = List.of(changed);

    Result check = run("pairs", "show", "fed", "--check");
    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out()).contains("CHANGED since approval: Kalshi rules text changed; Kalshi close time changed");

    Result again = approveFed("--by", "bob");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("changed since the previous approval: Kalshi rules text changed",
        "re-approved fed by bob");
    PairEntry entry = PairsFile.read(dataDir).require("fed");
    assertThat(entry.isApproved()).isTrue();
    assertThat(entry.approvedBy()).isEqualTo("bob");
    assertThat(entry.fingerprint()).isEqualTo(PairFingerprint.of(changed, POLY_FED));
    assertThat(run("pairs", "show", "fed", "--check").exitCode()).isZero();
  }

  @Test
  void dryRunAndComplementAndValidation() throws IOException {
    Result dry = approveFed("--dry-run", "--relation", "complement");
    assertThat(dry.exitCode()).isZero();
    assertThat(dry.out()).contains("Kalshi YES pays exactly when Polymarket NO pays", "dry run: nothing recorded");
    assertThat(Files.exists(dataDir.resolve("pairs.json"))).isFalse();

    Result badId = run("pairs", "approve", "--id", "has space", "--kalshi", "K", "--polymarket", "0x1");
    assertThat(badId.exitCode()).isEqualTo(2);
    assertThat(badId.errLines()).singleElement().asString().contains("--id: pair id must be");
    assertThat(run("pairs", "approve", "--id", "x", "--kalshi", "K", "--polymarket", "0x1", "--cache-ttl", "soon")
        .exitCode()).isEqualTo(2);
    assertThat(run("pairs", "suspend", "fed").exitCode()).as("--reason is required").isEqualTo(2);
    assertThat(run("pairs").exitCode()).isEqualTo(2);

    approveFed();
    kalshi.asked.clear();
    Result other = run("pairs", "approve", "--id", "fed", "--kalshi", "KXOTHER", "--polymarket", "0xd514");
    assertThat(other.exitCode()).isEqualTo(1);
    assertThat(other.errLines()).singleElement().asString()
        .isEqualTo("controller: pair fed already pairs KXFED-26DEC-T4.25 with 0xd514 (same); remove it first to pair"
            + " other markets");
    assertThat(kalshi.asked).as("refused before any venue call").isEmpty();

    Result sameMarket = run("pairs", "approve", "--id", "fed2", "--kalshi", K_FED.symbol(), "--polymarket", "0xd514");
    assertThat(sameMarket.exitCode()).isEqualTo(1);
    assertThat(sameMarket.err()).contains("Kalshi market KXFED-26DEC-T4.25 is in two pairs");

    Result unknown = run("pairs", "approve", "--id", "x", "--kalshi", "KXNOPE", "--polymarket", "0xd514");
    assertThat(unknown.exitCode()).isEqualTo(4);
    assertThat(unknown.errLines()).singleElement().asString().startsWith("controller: kalshi: market not found");
    assertThat(PairsFile.read(dataDir).size()).isEqualTo(1);
  }

  @Test
  void missingPairsAreOneLineFailures() {
    for (String[] args : List.of(new String[] {"pairs", "show", "nope"}, new String[] {"pairs", "remove", "nope"},
        new String[] {"pairs", "suspend", "nope", "--reason", "x"})) {
      Result result = run(args);
      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.errLines()).containsExactly(
          "controller: no pair 'nope' in the registry; 'controller pairs list' shows them");
    }
    assertThat(run("pairs", "list").out()).contains("no pairs registered");
  }

  @Test
  void removeDropsThePair() throws IOException {
    approveFed();
    Result removed = run("pairs", "remove", "fed");
    assertThat(removed.exitCode()).isZero();
    assertThat(removed.out()).contains("removed fed (KXFED-26DEC-T4.25 / 0xd514)");
    assertThat(PairsFile.read(dataDir)).isEqualTo(PairRegistry.empty());
  }

  @Test
  void aBrokenPairsFileIsAConfigurationErrorNamingTheFileAndEntry() throws IOException {
    approveFed();
    Path file = dataDir.resolve("pairs.json");
    Files.writeString(file, Files.readString(file).replace("\"relation\" : \"SAME\"", "\"relation\" : \"maybe\""));
    for (String[] args : List.of(new String[] {"pairs", "list"}, new String[] {"pairs", "suggest"})) {
      Result result = run(args);
      assertThat(result.exitCode()).isEqualTo(3);
      assertThat(result.errLines()).containsExactly("controller: " + file
          + ": pair #1 (fed): field \"relation\" must be one of [SAME, COMPLEMENT], got \"maybe\"");
    }
  }
}
