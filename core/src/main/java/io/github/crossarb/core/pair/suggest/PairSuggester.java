package io.github.crossarb.core.pair.suggest;

import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pair.PairRelation;
import io.github.crossarb.core.venue.MarketInfo;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Proposes candidate pairs across a Kalshi and a Polymarket market list by matching titles
 * (content words, weighted by how rare they are across both lists; names — capitalised words and
 * acronyms — count twice), synonyms,
 * thresholds, dates, close times and the rules texts. It never approves anything: the losses
 * peers suffered came from title-matched pairs that were different contracts, so every
 * suggestion goes to an operator who reads both rule texts.
 *
 * <p>Hard vetoes, because they mean different contracts: both titles name thresholds and none is
 * shared; both name years (or months, or days) and none is shared. The score (0..100) is
 * integer arithmetic: 60 points of title likeness, 25 of rules-text likeness (when a side has no
 * rules text: 75 points of title likeness instead, with a warning), 15 of agreement
 * (same threshold, same date, close times within a day), minus penalties (close times far
 * apart, a threshold or date on one side only).
 */
public final class PairSuggester {
  /** Suggestions below this score are dropped unless the caller asks otherwise. */
  public static final int DEFAULT_MIN_SCORE = 35;
  /** At most this many Polymarket candidates per Kalshi market unless asked otherwise. */
  public static final int DEFAULT_PER_MARKET = 3;

  private static final Duration CLOSE_AGREES = Duration.ofDays(1);
  private static final Duration CLOSE_NEAR = Duration.ofDays(7);
  private static final Duration CLOSE_FAR = Duration.ofDays(31);

  private final int minScore;
  private final int perMarket;

  public PairSuggester() {
    this(DEFAULT_MIN_SCORE, DEFAULT_PER_MARKET);
  }

  /**
   * @param minScore drop suggestions scoring less (0..100)
   * @param perMarket keep at most this many Polymarket candidates per Kalshi market (and vice versa)
   */
  public PairSuggester(int minScore, int perMarket) {
    if (minScore < 0 || minScore > 100) {
      throw new IllegalArgumentException("minScore must be in [0, 100], got " + minScore);
    }
    if (perMarket < 1) {
      throw new IllegalArgumentException("perMarket must be at least 1, got " + perMarket);
    }
    this.minScore = minScore;
    this.perMarket = perMarket;
  }

  /**
   * Candidate pairs, best first (ties by Kalshi ticker, then condition id, so the order is stable).
   *
   * @param kalshi Kalshi markets (others are ignored)
   * @param polymarket Polymarket markets (others are ignored)
   */
  public List<PairSuggestion> suggest(List<MarketInfo> kalshi, List<MarketInfo> polymarket) {
    List<MarketText> left = texts(kalshi, VenueId.KALSHI);
    List<MarketText> right = texts(polymarket, VenueId.POLYMARKET);
    Map<String, Integer> weights = weights(left, right);

    // Only pairs sharing at least one content word are compared: an index keeps this near-linear.
    Map<String, List<MarketText>> index = new HashMap<>();
    for (MarketText p : right) {
      for (String word : p.words) {
        index.computeIfAbsent(word, w -> new ArrayList<>()).add(p);
      }
    }
    List<PairSuggestion> all = new ArrayList<>();
    for (MarketText k : left) {
      Set<MarketText> candidates = new LinkedHashSet<>();
      for (String word : k.words) {
        candidates.addAll(index.getOrDefault(word, List.of()));
      }
      for (MarketText p : candidates) {
        PairSuggestion suggestion = compare(k, p, weights);
        if (suggestion != null && suggestion.score() >= minScore) {
          all.add(suggestion);
        }
      }
    }
    all.sort(Comparator.comparingInt(PairSuggestion::score).reversed()
        .thenComparing(s -> s.kalshi().marketId())
        .thenComparing(s -> s.polymarket().marketId()));
    // Keep the best few per market on either side, so one generic title does not flood the list.
    Map<String, Integer> perKalshi = new HashMap<>();
    Map<String, Integer> perPoly = new HashMap<>();
    List<PairSuggestion> kept = new ArrayList<>();
    for (PairSuggestion s : all) {
      int k = perKalshi.getOrDefault(s.kalshi().marketId(), 0);
      int p = perPoly.getOrDefault(s.polymarket().marketId(), 0);
      if (k < perMarket && p < perMarket) {
        kept.add(s);
        perKalshi.put(s.kalshi().marketId(), k + 1);
        perPoly.put(s.polymarket().marketId(), p + 1);
      }
    }
    return List.copyOf(kept);
  }

  private static List<MarketText> texts(List<MarketInfo> markets, VenueId venue) {
    List<MarketText> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (MarketInfo market : markets) {
      if (market.venue() == venue && seen.add(market.marketId())) {
        out.add(MarketText.of(market));
      }
    }
    return out;
  }

  /** Rare words say more: a word's weight is 100 divided by how many markets (both lists) use it. */
  private static Map<String, Integer> weights(List<MarketText> left, List<MarketText> right) {
    Map<String, Integer> frequency = new HashMap<>();
    for (List<MarketText> side : List.of(left, right)) {
      for (MarketText text : side) {
        text.words.forEach(word -> frequency.merge(word, 1, Integer::sum));
      }
    }
    Map<String, Integer> weights = new HashMap<>();
    frequency.forEach((word, count) -> weights.put(word, Math.max(1, 100 / count)));
    return weights;
  }

  /** The suggestion for this pair, or null when something proves they are different contracts. */
  PairSuggestion compare(MarketText k, MarketText p, Map<String, Integer> weights) {
    List<String> reasons = new ArrayList<>();
    List<String> warnings = new ArrayList<>();

    // Vetoes: both sides are specific and disagree.
    if (!k.thresholds.isEmpty() && !p.thresholds.isEmpty() && disjoint(k.thresholds, p.thresholds)) {
      return null;
    }
    if (disjointWhenBoth(k.years, p.years) || disjointWhenBoth(k.months, p.months)
        || disjointWhenBoth(k.days, p.days)) {
      return null;
    }

    Set<String> common = new TreeSet<>(k.words);
    common.retainAll(p.words);
    Set<String> names = new TreeSet<>(k.entities);
    names.addAll(p.entities);
    long shared = weight(common, weights, names);
    long kw = weight(k.words, weights, names);
    long pw = weight(p.words, weights, names);
    if (shared == 0 || kw == 0 || pw == 0) {
      return null;
    }
    // Dice (both titles alike) and overlap (the shorter title is contained in the longer), averaged:
    // Kalshi titles are often longer than Polymarket's for the same question.
    long dice = 200 * shared / (kw + pw);
    long overlap = 100 * shared / Math.min(kw, pw);
    long title = (dice + overlap) / 2;
    reasons.add("title words in common: " + String.join(", ", common));
    Set<String> sharedNames = new TreeSet<>(common);
    sharedNames.retainAll(names);
    if (!sharedNames.isEmpty()) {
      reasons.add("names in common: " + String.join(", ", sharedNames));
    }

    long rules = 0;
    if (k.rulesWords.isEmpty() || p.rulesWords.isEmpty()) {
      warnings.add((k.rulesWords.isEmpty() ? "Kalshi" : "Polymarket") + " gives no rules text");
    } else {
      Set<String> sharedRules = new HashSet<>(k.rulesWords);
      sharedRules.retainAll(p.rulesWords);
      rules = 200L * sharedRules.size() / (k.rulesWords.size() + p.rulesWords.size());
    }

    long agreement = 0;
    long penalty = 0;
    if (!k.thresholds.isEmpty() && !p.thresholds.isEmpty()) {
      agreement += 6;
      reasons.add("same threshold " + plain(intersection(k.thresholds, p.thresholds)));
    } else if (!k.thresholds.isEmpty() || !p.thresholds.isEmpty()) {
      penalty += 10;
      warnings.add("threshold " + plain(k.thresholds.isEmpty() ? p.thresholds : k.thresholds) + " named by "
          + (k.thresholds.isEmpty() ? "Polymarket" : "Kalshi") + " only");
    }
    boolean kDate = !k.years.isEmpty() || !k.months.isEmpty() || !k.days.isEmpty();
    boolean pDate = !p.years.isEmpty() || !p.months.isEmpty() || !p.days.isEmpty();
    if (kDate && pDate) {
      agreement += 4;
      reasons.add("same date " + p.dateText());
    } else if (kDate || pDate) {
      penalty += 5;
      warnings.add("date " + (kDate ? k.dateText() : p.dateText()) + " named by " + (kDate ? "Kalshi" : "Polymarket")
          + " only");
    }
    if (k.market.closeTime() != null && p.market.closeTime() != null) {
      Duration apart = Duration.between(k.market.closeTime(), p.market.closeTime()).abs();
      if (apart.compareTo(CLOSE_AGREES) <= 0) {
        agreement += 5;
        reasons.add(apart.isZero() ? "same close time" : "close times within a day");
      } else if (apart.compareTo(CLOSE_NEAR) <= 0) {
        agreement += 2;
        warnings.add("close times " + apart.toHours() + " h apart");
      } else if (apart.compareTo(CLOSE_FAR) > 0) {
        penalty += 15;
        warnings.add("close times " + apart.toDays() + " days apart");
      } else {
        warnings.add("close times " + apart.toDays() + " days apart");
      }
    } else {
      warnings.add("a close time is missing");
    }

    PairRelation relation = PairRelation.SAME;
    if (k.direction != null && p.direction != null && k.direction != p.direction) {
      relation = PairRelation.COMPLEMENT;
      warnings.add("asked in opposite directions (" + name(k.direction) + " vs " + name(p.direction)
          + "): COMPLEMENT proposed; check the boundary value in both rules");
    } else if ((k.direction == null) != (p.direction == null)) {
      warnings.add("only " + (k.direction == null ? "Polymarket" : "Kalshi") + " states a direction");
    }

    // Without a rules text on one side, the title carries part of the rules' weight (not all of it:
    // less is known, and the warning says so).
    boolean bothRules = !k.rulesWords.isEmpty() && !p.rulesWords.isEmpty();
    long score = (bothRules ? (60 * title + 25 * rules) : (75 * title)) / 100 + agreement - penalty;
    score = Math.max(0, Math.min(100, score));
    return new PairSuggestion(k.market, p.market, (int) score, relation, reasons, warnings);
  }

  private static String name(MarketText.Direction direction) {
    return direction.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The words' rarity weights; a name (entity) in either title counts twice. */
  private static long weight(Set<String> words, Map<String, Integer> weights, Set<String> names) {
    long sum = 0;
    for (String word : words) {
      int w = weights.getOrDefault(word, 1);
      sum += names.contains(word) ? 2L * w : w;
    }
    return sum;
  }

  private static <T> boolean disjoint(Set<T> a, Set<T> b) {
    return a.stream().noneMatch(b::contains);
  }

  private static <T> boolean disjointWhenBoth(Set<T> a, Set<T> b) {
    return !a.isEmpty() && !b.isEmpty() && disjoint(a, b);
  }

  private static Set<BigDecimal> intersection(Set<BigDecimal> a, Set<BigDecimal> b) {
    Set<BigDecimal> out = new TreeSet<>(a);
    out.retainAll(b);
    return out;
  }

  private static String plain(Set<BigDecimal> values) {
    return String.join(", ", values.stream().sorted().map(BigDecimal::toPlainString).toList());
  }
}
