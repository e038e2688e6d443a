package io.github.crossarb.core.pair.suggest;

import static io.github.crossarb.core.pair.suggest.PairSuggesterTest.kalshi;
import static io.github.crossarb.core.pair.suggest.PairSuggesterTest.poly;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.venue.MarketInfo;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** What the suggester must never do, whatever the titles. */
class PairSuggesterProperties {
  private static final List<String> SUBJECTS = List.of("Bitcoin", "the Fed rate", "US CPI", "Ethereum",
      "the S&P 500 close", "unemployment");

  @Provide
  Arbitrary<String> subjects() {
    return Arbitraries.of(SUBJECTS);
  }

  @Property(tries = 300)
  void differentThresholdsAreNeverSuggestedWhateverTheWording(@ForAll("subjects") String subject,
      @ForAll @IntRange(min = 1, max = 200_000) int a, @ForAll @IntRange(min = 1, max = 200_000) int b,
      @ForAll boolean dollars, @ForAll @IntRange(min = 2025, max = 2030) int year) {
    if (a == b) {
      return;
    }
    String unitA = dollars ? "$" + String.format(java.util.Locale.ROOT, "%,d", a) : a + "%";
    String unitB = dollars ? "$" + b : b + "%";
    MarketInfo k = kalshi("KX", "Will " + subject + " be above " + unitA + " in " + year + "?", "rules", null);
    MarketInfo p = poly("0x", subject + " above " + unitB + " in " + year + "?", "rules", null);
    assertThat(new PairSuggester(0, 3).suggest(List.of(k), List.of(p))).isEmpty();
  }

  @Property(tries = 200)
  void scoresStayInRangeAndEveryMarketIsUsedAtMostPerMarketTimes(@ForAll("titleLists") List<String> titles,
      @ForAll @IntRange(min = 1, max = 3) int perMarket) {
    List<MarketInfo> ks = new ArrayList<>();
    List<MarketInfo> ps = new ArrayList<>();
    for (int i = 0; i < titles.size(); i++) {
      ks.add(kalshi("KX" + i, titles.get(i), null, null));
      ps.add(poly("0x" + i, titles.get((i * 7 + 3) % titles.size()), "r", null));
    }
    List<PairSuggestion> suggestions = new PairSuggester(0, perMarket).suggest(ks, ps);
    assertThat(suggestions).allSatisfy(s -> assertThat(s.score()).isBetween(0, 100));
    for (MarketInfo k : ks) {
      assertThat(suggestions.stream().filter(s -> s.kalshi().equals(k)).count()).isLessThanOrEqualTo(perMarket);
    }
    for (int i = 1; i < suggestions.size(); i++) {
      assertThat(suggestions.get(i - 1).score()).isGreaterThanOrEqualTo(suggestions.get(i).score());
    }
  }

  @Provide
  Arbitrary<List<String>> titleLists() {
    Arbitrary<String> word = Arbitraries.of("Will", "the", "Thunder", "win", "2027", "NBA", "Finals", "above",
        "below", "$100,000", "4.25%", "Dec", "31", "Bitcoin", "recession", "US", "100k", "May", "3rd", "in", "?");
    return word.list().ofMinSize(1).ofMaxSize(12).map(words -> String.join(" ", words)).list().ofMinSize(1)
        .ofMaxSize(8);
  }
}
