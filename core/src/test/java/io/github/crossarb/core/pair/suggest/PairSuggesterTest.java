package io.github.crossarb.core.pair.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pair.PairRelation;
import io.github.crossarb.core.venue.MarketInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PairSuggesterTest {
  private static final String END_2027 = "2027-12-31T20:00:00Z";

  static MarketInfo kalshi(String ticker, String title, String rules, String close) {
    InstrumentId id = InstrumentId.kalshi(ticker);
    return new MarketInfo(VenueId.KALSHI, ticker, title, "active", true, close == null ? null : Instant.parse(close),
        rules, id, id);
  }

  static MarketInfo poly(String condition, String title, String rules, String close) {
    return new MarketInfo(VenueId.POLYMARKET, condition, title, "active", true,
        close == null ? null : Instant.parse(close), rules, InstrumentId.polymarket(condition + "1"),
        InstrumentId.polymarket(condition + "2"));
  }

  // The default simulator scenario's five pairs, as the venues word them.
  static final List<MarketInfo> KALSHI = List.of(
      kalshi("KXFED-26DEC-T4.25", "Will the upper bound of the federal funds rate be above 4.25% after the Dec 2026 meeting?",
          "If the upper bound of the federal funds target range announced after the December 2026 FOMC meeting is above 4.25%, the market resolves to Yes.", END_2027),
      kalshi("KXBTCY-26DEC31-T100000", "Will Bitcoin be above $100,000 on Dec 31, 2026?",
          "If the CF Benchmarks Bitcoin Real Time Index is above 100000.00 at 11:59 PM ET on Dec 31, 2026, the market resolves to Yes.", END_2027),
      kalshi("KXCPIYOY-26DEC-T3.0", "Will CPI inflation for December 2026 be above 3.0%?",
          "If the year-over-year CPI-U change for December 2026, as first published by the BLS, is above 3.0%, the market resolves to Yes.", END_2027),
      kalshi("KXRECSSNBER-27", "Will the NBER declare a US recession starting in 2027?",
          "If the NBER announces a business cycle peak in 2027 before the close date, the market resolves to Yes.", END_2027),
      kalshi("KXNBA-27-OKC", "Will the Oklahoma City Thunder win the 2027 NBA Finals?",
          "If the Oklahoma City Thunder win the 2027 NBA Finals, the market resolves to Yes.", "2027-06-30T20:00:00Z"));

  static final List<MarketInfo> POLY = List.of(
      poly("0xfed", "Fed rate above 4.25% after the December 2026 meeting?",
          "If the upper bound of the federal funds target range announced after the December 2026 FOMC meeting is above 4.25%, the market resolves to Yes. Resolves via the same source as the paired Kalshi market.", END_2027),
      poly("0xbtc", "Bitcoin above $100,000 on December 31, 2026?",
          "If the CF Benchmarks Bitcoin Real Time Index is above 100000.00 at 11:59 PM ET on Dec 31, 2026, the market resolves to Yes. Resolves via the same source as the paired Kalshi market.", END_2027),
      poly("0xcpi", "US CPI above 3.0% for December 2026?",
          "If the year-over-year CPI-U change for December 2026, as first published by the BLS, is above 3.0%, the market resolves to Yes. Resolves via the same source as the paired Kalshi market.", END_2027),
      poly("0xrec", "US recession in 2027?",
          "If the NBER announces a business cycle peak in 2027 before the close date, the market resolves to Yes. Resolves via the same source as the paired Kalshi market.", END_2027),
      poly("0xnba", "Will the Oklahoma City Thunder win the 2027 NBA Finals?",
          "If the Oklahoma City Thunder win the 2027 NBA Finals, the market resolves to Yes. Resolves via the same source as the paired Kalshi market.", "2027-06-30T20:00:00Z"));

  static final Map<String, String> EXPECTED = Map.of(
      "KXFED-26DEC-T4.25", "0xfed", "KXBTCY-26DEC31-T100000", "0xbtc", "KXCPIYOY-26DEC-T3.0", "0xcpi",
      "KXRECSSNBER-27", "0xrec", "KXNBA-27-OKC", "0xnba");

  @Test
  void findsTheFivePairsOfTheDefaultScenarioAsEachMarketsBestCandidate() {
    List<PairSuggestion> suggestions = new PairSuggester().suggest(KALSHI, POLY);
    Map<String, String> best = suggestions.stream().collect(Collectors.toMap(s -> s.kalshi().marketId(),
        s -> s.polymarket().marketId(), (first, second) -> first));
    assertThat(best).isEqualTo(EXPECTED);
    assertThat(suggestions.subList(0, 5)).allSatisfy(s -> {
      assertThat(EXPECTED.get(s.kalshi().marketId())).isEqualTo(s.polymarket().marketId());
      assertThat(s.relation()).isEqualTo(PairRelation.SAME);
    });
  }

  @Test
  void aDifferentThresholdOrDateIsNeverSuggested() {
    List<MarketInfo> poly = List.of(
        poly("0xfed450", "Fed rate above 4.50% after the December 2026 meeting?", "x", END_2027),
        poly("0xbtcjune", "Bitcoin above $100,000 on June 30, 2026?", "y", END_2027),
        poly("0xbtc2025", "Bitcoin above 100k on December 31, 2025?", "z", END_2027),
        poly("0xnba28", "Will the Oklahoma City Thunder win the 2028 NBA Finals?", "w", END_2027));
    assertThat(new PairSuggester(0, 10).suggest(KALSHI, poly)).isEmpty();
  }

  @Test
  void thresholdsAreComparedAsValuesWhateverTheirSpelling() {
    MarketInfo k = kalshi("KXBTC", "Bitcoin above $100,000 on Dec 31st, 2026?", null, END_2027);
    MarketInfo p = poly("0xb", "Will BTC be over 100k on December 31, 2026?", null, END_2027);
    List<PairSuggestion> suggestions = new PairSuggester(0, 3).suggest(List.of(k), List.of(p));
    assertThat(suggestions).singleElement().satisfies(s -> {
      assertThat(s.reasons()).contains("same threshold 100000", "same date December 31 2026", "same close time");
      assertThat(s.warnings()).contains("Kalshi gives no rules text");
    });
  }

  @Test
  void oppositeDirectionsProposeTheComplementWithAWarning() {
    MarketInfo k = kalshi("KXCPI", "Will CPI be above 3.0% for December 2026?", "r", END_2027);
    MarketInfo p = poly("0xc", "CPI below 3.0% for December 2026?", "r", END_2027);
    PairSuggestion s = new PairSuggester(0, 3).suggest(List.of(k), List.of(p)).get(0);
    assertThat(s.relation()).isEqualTo(PairRelation.COMPLEMENT);
    assertThat(s.warnings()).anyMatch(w -> w.contains("opposite directions"));
  }

  @Test
  void closeTimesFarApartCostScoreAndSayWhy() {
    MarketInfo k = kalshi("KXNBA-27-OKC", "Will the Oklahoma City Thunder win the 2027 NBA Finals?", "r", "2027-06-30T20:00:00Z");
    MarketInfo near = poly("0xa", "Will the Oklahoma City Thunder win the 2027 NBA Finals?", "r", "2027-06-30T20:00:00Z");
    MarketInfo far = poly("0xb", "Will the Oklahoma City Thunder win the 2027 NBA Finals?", "r", "2027-12-31T20:00:00Z");
    List<PairSuggestion> s = new PairSuggester(0, 3).suggest(List.of(k), List.of(far, near));
    assertThat(s).extracting(x -> x.polymarket().marketId()).containsExactly("0xa", "0xb");
    assertThat(s.get(0).score()).isGreaterThan(s.get(1).score());
    assertThat(s.get(1).warnings()).contains("close times 184 days apart");
  }

  @Test
  void unrelatedMarketsAreNotCompared() {
    MarketInfo k = kalshi("KXA", "Will it rain in Paris?", null, null);
    MarketInfo p = poly("0xa", "Bitcoin above $100,000?", null, null);
    assertThat(new PairSuggester(0, 3).suggest(List.of(k), List.of(p))).isEmpty();
  }

  @Test
  void perMarketLimitKeepsTheBestCandidates() {
    List<MarketInfo> poly = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      poly.add(poly("0x" + i, "Will the Oklahoma City Thunder win the 2027 NBA Finals? " + "extra ".repeat(i), null, null));
    }
    assertThat(new PairSuggester(0, 2).suggest(List.of(KALSHI.get(4)), poly)).hasSize(2)
        .extracting(x -> x.polymarket().marketId()).containsExactly("0x0", "0x1");
  }

  @Test
  void argumentsAreChecked() {
    assertThatThrownBy(() -> new PairSuggester(101, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PairSuggester(0, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void proposedIdsAreValidPairIds() {
    PairSuggestion s = new PairSuggester().suggest(KALSHI, POLY).get(0);
    assertThat(s.proposedId()).matches(io.github.crossarb.core.pair.PairRegistry.ID_PATTERN);
  }

  @Test
  void aSharedNameWeighsMoreThanASharedCommonWord() {
    MarketInfo named = kalshi("KXA", "Will the Thunder win in 2027?", null, null);
    MarketInfo unnamed = kalshi("KXB", "will the thunder win in 2027?", null, null);
    MarketInfo p = poly("0xp", "thunder title in 2027?", null, null);
    PairSuggestion withName = new PairSuggester(0, 3).suggest(List.of(named), List.of(p)).get(0);
    PairSuggestion without = new PairSuggester(0, 3).suggest(List.of(unnamed), List.of(p)).get(0);
    assertThat(withName.reasons()).contains("names in common: thunder");
    assertThat(without.reasons()).noneMatch(r -> r.startsWith("names"));
    assertThat(withName.score()).isGreaterThan(without.score());
  }

  @Test
  void entitiesAreCapitalisedWordsAndAcronymsButNotTheFirstWord() {
    MarketText text = MarketText.of(kalshi("K", "Will the NBER declare a US recession in Ohio?", null, null));
    assertThat(text.entities).containsExactlyInAnyOrder("nber", "us", "ohio");
    assertThat(MarketText.of(poly("0x", "Bitcoin above $100,000?", null, null)).entities).isEmpty();
  }
}
