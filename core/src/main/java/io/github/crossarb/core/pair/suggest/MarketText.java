package io.github.crossarb.core.pair.suggest;

import io.github.crossarb.core.venue.MarketInfo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a market's title says, reduced to what can be compared across venues that word things
 * differently: content words (lower case, plural 's' dropped, common synonyms folded), numeric
 * thresholds ("$100,000", "100k" and "100000" are one value), years, months, days of the month,
 * and the direction of the question (above / below).
 */
final class MarketText {
  enum Direction { ABOVE, BELOW }

  private static final Pattern NUMBER = Pattern.compile(
      "(\\$\\s?)?(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s?(%|percent\\b|k\\b|m\\b|bn?\\b|thousand\\b|million\\b|billion\\b|trillion\\b)?");
  private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9']*");
  /** A capitalised word or an acronym in the original title: a name (team, person, index, agency). */
  private static final Pattern CAPITALISED = Pattern.compile("\\b([A-Z][A-Za-z0-9&'.-]*)");
  private static final Pattern DAY_ORDINAL = Pattern.compile("(\\d{1,2})(st|nd|rd|th)\\b");

  static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("jan", 1), Map.entry("january", 1), Map.entry("feb", 2), Map.entry("february", 2),
      Map.entry("mar", 3), Map.entry("march", 3), Map.entry("apr", 4), Map.entry("april", 4), Map.entry("may", 5),
      Map.entry("jun", 6), Map.entry("june", 6), Map.entry("jul", 7), Map.entry("july", 7), Map.entry("aug", 8),
      Map.entry("august", 8), Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("september", 9),
      Map.entry("oct", 10), Map.entry("october", 10), Map.entry("nov", 11), Map.entry("november", 11),
      Map.entry("dec", 12), Map.entry("december", 12));

  private static final Set<String> ABOVE = Set.of("above", "over", "exceed", "exceeds", "exceeding", "more", "higher",
      "greater", "least", "reach", "reaches", "hit", "hits", "top", "tops");
  private static final Set<String> BELOW = Set.of("below", "under", "less", "lower", "fewer", "most", "beneath");

  private static final Set<String> STOP = Set.of("a", "an", "the", "will", "be", "is", "are", "was", "were", "been",
      "of", "on", "in", "at", "by", "for", "to", "or", "and", "after", "before", "than", "this", "that", "with", "as",
      "from", "its", "it", "yes", "no", "any", "there", "what", "which", "who", "whom", "does", "do", "did", "end",
      "close", "market", "markets", "question", "between", "during", "into", "up", "down", "then", "if",
      "when", "how", "many", "much", "has", "have", "had", "not", "new", "vs", "v", "st", "nd", "rd", "th", "et",
      "pm", "am", "utc", "year", "day", "month", "week", "q");

  /** Words that name the same thing on both venues, folded to one. */
  private static final Map<String, String> SYNONYMS = Map.ofEntries(
      Map.entry("federal", "fed"), Map.entry("fomc", "fed"), Map.entry("btc", "bitcoin"),
      Map.entry("eth", "ethereum"), Map.entry("ether", "ethereum"), Map.entry("u.s", "us"), Map.entry("usa", "us"),
      Map.entry("american", "us"), Map.entry("america", "us"), Map.entry("potus", "president"),
      Map.entry("presidential", "president"), Map.entry("gop", "republican"), Map.entry("dem", "democrat"),
      Map.entry("democratic", "democrat"), Map.entry("democrats", "democrat"), Map.entry("champion", "win"),
      Map.entry("championship", "win"), Map.entry("wins", "win"), Map.entry("winner", "win"),
      Map.entry("won", "win"), Map.entry("rates", "rate"), Map.entry("sp500", "s&p"), Map.entry("spx", "s&p"),
      Map.entry("inflation", "cpi"), Map.entry("nominee", "nominate"), Map.entry("nomination", "nominate"));

  final MarketInfo market;
  final Set<String> words;
  /** The content words that are names in the title (capitalised mid-sentence, or acronyms). */
  final Set<String> entities;
  final Set<String> rulesWords;
  final Set<BigDecimal> thresholds;
  final Set<Integer> years;
  final Set<Integer> months;
  final Set<Integer> days;
  final Direction direction;

  private MarketText(MarketInfo market, Set<String> words, Set<String> entities, Set<String> rulesWords, Set<BigDecimal> thresholds,
      Set<Integer> years, Set<Integer> months, Set<Integer> days, Direction direction) {
    this.market = market;
    this.words = words;
    this.entities = entities;
    this.rulesWords = rulesWords;
    this.thresholds = thresholds;
    this.years = years;
    this.months = months;
    this.days = days;
    this.direction = direction;
  }

  static MarketText of(MarketInfo market) {
    String title = market.title().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    Set<BigDecimal> thresholds = new TreeSet<>();
    Set<Integer> years = new TreeSet<>();
    Set<Integer> months = new TreeSet<>();
    Set<Integer> days = new TreeSet<>();

    // Days written as ordinals ("31st") first, so "31st" is not read as a threshold of 31.
    Matcher ordinal = DAY_ORDINAL.matcher(title);
    StringBuilder rest = new StringBuilder();
    while (ordinal.find()) {
      int day = Integer.parseInt(ordinal.group(1));
      if (day >= 1 && day <= 31) {
        days.add(day);
      }
      ordinal.appendReplacement(rest, " ");
    }
    ordinal.appendTail(rest);
    String text = rest.toString();

    List<String> tokens = new ArrayList<>();
    Matcher number = NUMBER.matcher(text);
    int last = 0;
    StringBuilder words = new StringBuilder();
    while (number.find()) {
      // A number glued to letters (a ticker like "kxfed", "q3", "h1b") is part of a word, not a value.
      if (number.start() > 0 && Character.isLetter(text.charAt(number.start() - 1))) {
        continue;
      }
      words.append(text, last, number.start()).append(' ').append("\u0000").append(tokens.size()).append(' ');
      tokens.add(number.group());
      last = number.end();
    }
    words.append(text.substring(last));

    List<String> sequence = new ArrayList<>();
    for (String part : words.toString().split("\\s+")) {
      if (part.startsWith("\u0000")) {
        sequence.add(part);
      } else {
        Matcher w = WORD.matcher(part.replace("u.s.", "us"));
        while (w.find()) {
          sequence.add(w.group());
        }
      }
    }

    Set<String> content = new LinkedHashSet<>();
    Direction direction = null;
    for (int i = 0; i < sequence.size(); i++) {
      String item = sequence.get(i);
      if (item.startsWith("\u0000")) {
        String raw = tokens.get(Integer.parseInt(item.substring(1)));
        boolean afterMonth = i > 0 && MONTHS.containsKey(sequence.get(i - 1));
        boolean beforeMonth = i + 1 < sequence.size() && MONTHS.containsKey(sequence.get(i + 1));
        classify(raw, afterMonth || beforeMonth, thresholds, years, days);
        continue;
      }
      String word = item.endsWith("'s") ? item.substring(0, item.length() - 2) : item;
      Integer month = MONTHS.get(word);
      if (month != null && !(word.equals("may") && !nextIsNumber(sequence, i))) {
        months.add(month);
        continue;
      }
      if (ABOVE.contains(word)) {
        direction = direction == null ? Direction.ABOVE : direction;
        continue;
      }
      if (BELOW.contains(word)) {
        direction = direction == null ? Direction.BELOW : direction;
        continue;
      }
      String normal = normalize(word);
      if (normal != null) {
        content.add(normal);
      }
    }
    return new MarketText(market, Set.copyOf(content), entities(market.title(), content), rulesWords(market.rules()), Set.copyOf(thresholds),
        Set.copyOf(years), Set.copyOf(months), Set.copyOf(days), direction);
  }

  private static Set<String> entities(String title, Set<String> content) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = CAPITALISED.matcher(title);
    boolean first = true;
    while (m.find()) {
      String word = m.group(1);
      boolean sentenceStart = first && title.substring(0, m.start()).isBlank();
      first = false;
      boolean acronym = word.length() >= 2 && word.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
      if (sentenceStart && !acronym) {
        continue; // every question starts with a capital
      }
      String lower = word.toLowerCase(Locale.ROOT);
      String normal = normalize(lower.endsWith("'s") ? lower.substring(0, lower.length() - 2) : lower);
      if (normal != null && content.contains(normal)) {
        out.add(normal);
      }
    }
    return Set.copyOf(out);
  }

  private static boolean nextIsNumber(List<String> sequence, int i) {
    return i + 1 < sequence.size() && sequence.get(i + 1).startsWith("\u0000");
  }

  private static void classify(String raw, boolean nextToMonth, Set<BigDecimal> thresholds, Set<Integer> years,
      Set<Integer> days) {
    boolean dollars = raw.startsWith("$");
    Matcher m = NUMBER.matcher(raw);
    if (!m.matches()) {
      return;
    }
    String digits = m.group(2).replace(",", "");
    String fraction = m.group(3) == null ? "" : m.group(3);
    String unit = m.group(4) == null ? "" : m.group(4).trim();
    BigDecimal value = new BigDecimal(digits + fraction);
    boolean plain = !dollars && unit.isEmpty() && fraction.isEmpty();
    if (plain && digits.length() == 4 && value.intValue() >= 1900 && value.intValue() <= 2199) {
      years.add(value.intValue());
      return;
    }
    if (plain && nextToMonth && digits.length() <= 2 && value.intValue() >= 1 && value.intValue() <= 31) {
      days.add(value.intValue());
      return;
    }
    BigDecimal scale = switch (unit) {
      case "k", "thousand" -> BigDecimal.valueOf(1_000);
      case "m", "million" -> BigDecimal.valueOf(1_000_000);
      case "b", "bn", "billion" -> BigDecimal.valueOf(1_000_000_000);
      case "trillion" -> BigDecimal.valueOf(1_000_000_000_000L);
      default -> BigDecimal.ONE;
    };
    thresholds.add(value.multiply(scale).stripTrailingZeros());
  }

  /** The comparable form of a word, or null for a word that carries no meaning here. */
  static String normalize(String word) {
    if (word.length() < 2 || STOP.contains(word)) {
      return null;
    }
    String folded = SYNONYMS.getOrDefault(word, word);
    if (folded.length() > 4 && folded.endsWith("s") && !folded.endsWith("ss") && !folded.endsWith("us")) {
      folded = folded.substring(0, folded.length() - 1);
    }
    folded = SYNONYMS.getOrDefault(folded, folded);
    return STOP.contains(folded) ? null : folded;
  }

  private static Set<String> rulesWords(String rules) {
    if (rules == null || rules.isBlank()) {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    Matcher w = Pattern.compile("[a-z0-9][a-z0-9.]*[a-z0-9]|[a-z0-9]").matcher(rules.toLowerCase(Locale.ROOT));
    while (w.find()) {
      String normal = normalize(w.group());
      if (normal != null) {
        out.add(normal);
      }
    }
    return Set.copyOf(out);
  }

  /** A date as the title gives it, for people: "December 31, 2026", "2027", or "" when none. */
  String dateText() {
    List<String> parts = new ArrayList<>();
    for (int month : months) {
      parts.add(java.time.Month.of(month).getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH));
    }
    for (int day : days) {
      parts.add(Integer.toString(day));
    }
    for (int year : years) {
      parts.add(Integer.toString(year));
    }
    return String.join(" ", parts);
  }
}
