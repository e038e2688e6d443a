package io.github.crossarb.simulator.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.TickGrid;
import io.github.crossarb.core.pricing.KalshiFeeModel;
import io.github.crossarb.core.pricing.PolymarketFeeModel;
import io.github.crossarb.simulator.fault.FaultKinds;
import io.github.crossarb.simulator.fault.FaultRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads scenario files (JSON, or YAML for {@code .yaml}/{@code .yml}) and validates them. Every
 * failure is a {@link ScenarioException} with a one-line message naming the file and the field.
 */
public final class ScenarioLoader {
  /** The scenario shipped with the simulator: five paired markets. */
  public static final String DEFAULT_RESOURCE = "/io/github/crossarb/simulator/scenario/default-scenario.yaml";

  private static final Set<String> POLY_TICKS = Set.of("0.1", "0.01", "0.001", "0.0001");

  private ScenarioLoader() {}

  public static Scenario load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ScenarioException("scenario " + file + ": no such file");
    } catch (IOException e) {
      throw new ScenarioException("scenario " + file + ": cannot read: " + e.getMessage(), e);
    }
    String lower = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean yaml = lower.endsWith(".yaml") || lower.endsWith(".yml");
    return parse(text, yaml, file.toString());
  }

  /** The scenario shipped with the simulator. */
  public static Scenario defaultScenario() {
    try (InputStream in = ScenarioLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new ScenarioException("default scenario resource missing: " + DEFAULT_RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), true, "default-scenario.yaml");
    } catch (IOException e) {
      throw new ScenarioException("default scenario unreadable: " + e.getMessage(), e);
    }
  }

  /**
   * Parses and validates scenario text.
   *
   * @param yaml YAML when true, JSON otherwise
   * @param source names the text in error messages
   */
  public static Scenario parse(String text, boolean yaml, String source) {
    ObjectMapper mapper = (yaml ? YAMLMapper.builder() : JsonMapper.builder())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
    Scenario scenario;
    try {
      scenario = mapper.readValue(text, Scenario.class);
    } catch (JsonProcessingException e) {
      throw new ScenarioException("scenario " + source + ": " + describe(e));
    } catch (IllegalArgumentException e) {
      throw new ScenarioException("scenario " + source + ": " + firstLine(e.getMessage()));
    }
    if (scenario == null) {
      throw new ScenarioException("scenario " + source + ": empty file");
    }
    try {
      validate(scenario);
    } catch (ScenarioException e) {
      throw new ScenarioException("scenario " + source + ": " + e.getMessage());
    }
    return scenario;
  }

  private static String describe(JsonProcessingException e) {
    StringBuilder sb = new StringBuilder();
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      sb.append(pathOf(mapping)).append(": ");
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root instanceof JsonProcessingException p ? p.getOriginalMessage() : root.getMessage();
    sb.append(firstLine(message));
    JsonLocation at = e.getLocation();
    if (at != null && at.getLineNr() > 0) {
      sb.append(" (line ").append(at.getLineNr()).append(')');
    }
    return sb.toString();
  }

  private static String pathOf(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid";
    }
    String line = message.strip();
    int nl = line.indexOf('\n');
    return nl < 0 ? line : line.substring(0, nl).strip();
  }

  // ---------------------------------------------------------------- validation

  /** Checks a scenario built in code; throws a one-line {@link ScenarioException}. */
  public static void validate(Scenario s) {
    if (s.pairs().isEmpty()) {
      throw new ScenarioException("pairs: at least one pair is needed");
    }
    if (s.startTime() != null) {
      instant("startTime", s.startTime());
    }
    money("accounts.kalshiBalance", s.accounts().kalshiBalance());
    money("accounts.polymarketBalance", s.accounts().polymarketBalance());
    validateProcess(s.process());
    Set<String> ids = new HashSet<>();
    Set<String> tickers = new HashSet<>();
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < s.pairs().size(); i++) {
      PairSpec p = s.pairs().get(i);
      String at = "pairs[" + i + "]";
      if (p == null) {
        throw new ScenarioException(at + ": empty pair");
      }
      String id = required(at + ".id", p.id());
      at = "pair '" + id + "'";
      if (!ids.add(id)) {
        throw new ScenarioException(at + ": duplicate pair id");
      }
      Price fair = price(at + ".fairYes", p.fairYes());
      if (fair.micros() <= 0 || fair.micros() >= Fixed.SCALE) {
        throw new ScenarioException(at + ".fairYes: must be strictly between 0 and 1");
      }
      validateKalshi(at + ".kalshi", p.kalshi(), tickers);
      validatePolymarket(at + ".polymarket", p.polymarket(), tokens);
      if (p.initialBooks() != null) {
        TickGrid kTicks = ScenarioMarkets.kalshiTicks(p.kalshi());
        Quantity kLot = p.kalshi().fractional() ? Quantity.parse("0.01") : Quantity.of(1);
        TickGrid pTicks = ScenarioMarkets.polymarketTicks(p.polymarket());
        validateBook(at + ".initialBooks.kalshi", p.initialBooks().kalshi(), kTicks, kLot);
        validateBook(at + ".initialBooks.polymarketYes", p.initialBooks().polymarketYes(), pTicks,
            Quantity.parse("0.01"));
        validateBook(at + ".initialBooks.polymarketNo", p.initialBooks().polymarketNo(), pTicks,
            Quantity.parse("0.01"));
      }
    }
    validateFaults("faults.kalshi", s.faults().kalshi(), tickers);
    validateFaults("faults.polymarket", s.faults().polymarket(), tokens);
  }

  private static void validateProcess(ProcessSpec p) {
    if (p.intervalMillis() <= 0) {
      throw new ScenarioException("process.intervalMillis: must be positive");
    }
    nonNegative("process.volatility", p.volatility());
    if (positivePrice("process.halfSpread", p.halfSpread()).micros() >= Fixed.SCALE / 2) {
      throw new ScenarioException("process.halfSpread: must be below 0.5");
    }
    if (p.levels() < 1 || p.levels() > 100) {
      throw new ScenarioException("process.levels: must be in [1, 100]");
    }
    if (p.levelSpacingTicks() < 1) {
      throw new ScenarioException("process.levelSpacingTicks: must be at least 1");
    }
    if (p.sizeJitterLots() < 0) {
      throw new ScenarioException("process.sizeJitterLots: must not be negative");
    }
    if (quantity("process.baseSize", p.baseSize()).isZero()) {
      throw new ScenarioException("process.baseSize: must be positive");
    }
    permille("process.meanReversionPermille", p.meanReversionPermille());
    permille("process.windowChancePermille", p.windowChancePermille());
    nonNegative("process.windowSize", p.windowSize());
    if (p.windowSteps() < 1) {
      throw new ScenarioException("process.windowSteps: must be at least 1");
    }
  }

  private static void validateKalshi(String at, KalshiMarketSpec k, Set<String> tickers) {
    if (k == null) {
      throw new ScenarioException(at + ": missing");
    }
    String ticker = symbol(at + ".ticker", k.ticker());
    if (!tickers.add(ticker)) {
      throw new ScenarioException(at + ".ticker: duplicate ticker " + ticker);
    }
    symbol(at + ".eventTicker", k.eventTicker());
    required(at + ".title", k.title());
    if (k.series() == null) {
      throw new ScenarioException(at + ".series: missing");
    }
    symbol(at + ".series.ticker", k.series().ticker());
    required(at + ".series.feeType", k.series().feeType());
    required(at + ".series.feeMultiplier", k.series().feeMultiplier());
    try {
      KalshiFeeModel.of(k.series().feeType(), k.series().feeMultiplier());
    } catch (IllegalArgumentException e) {
      throw new ScenarioException(at + ".series: " + firstLine(e.getMessage()));
    }
    for (int i = 0; i < k.priceRanges().size(); i++) {
      PriceRangeSpec r = k.priceRanges().get(i);
      String rat = at + ".priceRanges[" + i + "]";
      price(rat + ".start", r.start());
      price(rat + ".end", r.end());
      positivePrice(rat + ".step", r.step());
    }
    try {
      ScenarioMarkets.kalshiTicks(k);
    } catch (IllegalArgumentException e) {
      throw new ScenarioException(at + ".priceRanges: " + firstLine(e.getMessage()));
    }
    if (k.openTime() != null) {
      instant(at + ".openTime", k.openTime());
    }
    if (k.closeTime() != null) {
      instant(at + ".closeTime", k.closeTime());
    }
  }

  private static void validatePolymarket(String at, PolymarketMarketSpec m, Set<String> tokens) {
    if (m == null) {
      throw new ScenarioException(at + ": missing");
    }
    symbol(at + ".conditionId", m.conditionId());
    required(at + ".question", m.question());
    String yes = symbol(at + ".yesTokenId", m.yesTokenId());
    String no = symbol(at + ".noTokenId", m.noTokenId());
    if (!tokens.add(yes) || !tokens.add(no)) {
      throw new ScenarioException(at + ": token ids must be unique across the scenario");
    }
    String tick = required(at + ".tickSize", m.tickSize());
    if (!POLY_TICKS.contains(tick)) {
      throw new ScenarioException(at + ".tickSize: must be one of 0.1, 0.01, 0.001, 0.0001");
    }
    required(at + ".feeRate", m.feeRate());
    required(at + ".feeExponent", m.feeExponent());
    try {
      PolymarketFeeModel.of(m.feeRate(), m.feeExponent());
    } catch (IllegalArgumentException e) {
      throw new ScenarioException(at + ": " + firstLine(e.getMessage()));
    }
    quantity(at + ".minOrderSize", required(at + ".minOrderSize", m.minOrderSize()));
    if (m.endDate() != null) {
      instant(at + ".endDate", m.endDate());
    }
  }

  private static void validateBook(String at, BookSpec book, TickGrid ticks, Quantity lot) {
    if (book == null) {
      return;
    }
    long bestBid = 0;
    for (int i = 0; i < book.bids().size(); i++) {
      bestBid = Math.max(bestBid, level(at + ".bids[" + i + "]", book.bids().get(i), ticks, lot));
    }
    long bestAsk = Fixed.SCALE;
    for (int i = 0; i < book.asks().size(); i++) {
      bestAsk = Math.min(bestAsk, level(at + ".asks[" + i + "]", book.asks().get(i), ticks, lot));
    }
    if (bestBid >= bestAsk) {
      throw new ScenarioException(at + ": crossed book (best bid " + Fixed.format(bestBid) + " >= best ask "
          + Fixed.format(bestAsk) + ")");
    }
  }

  private static long level(String at, List<String> level, TickGrid ticks, Quantity lot) {
    if (level == null || level.size() != 2) {
      throw new ScenarioException(at + ": a level is [price, size]");
    }
    Price price = price(at + ".price", level.get(0));
    if (price.micros() <= 0 || price.micros() >= Fixed.SCALE || !ticks.isOnTick(price)) {
      throw new ScenarioException(at + ": price " + level.get(0) + " is not a tradable tick");
    }
    Quantity size = quantity(at + ".size", level.get(1));
    if (size.isZero() || !size.isMultipleOf(lot)) {
      throw new ScenarioException(at + ": size " + level.get(1) + " must be a positive multiple of " + lot);
    }
    return price.micros();
  }

  private static void validateFaults(String at, List<FaultRule> rules, Set<String> markets) {
    for (int i = 0; i < rules.size(); i++) {
      FaultRule r = rules.get(i);
      String rat = at + "[" + i + "]";
      if (r == null) {
        throw new ScenarioException(rat + ": empty fault");
      }
      if (r.kind().equals(FaultKinds.TICK_SIZE_CHANGE)) {
        if (r.atStep() < 0) {
          throw new ScenarioException(rat + ": tick_size_change needs atStep");
        }
        if (!markets.contains(r.target())) {
          throw new ScenarioException(rat + ": tick_size_change target must be a market of the venue: " + r.target());
        }
        positivePrice(rat + ".params.step", r.params().get("step"));
      }
    }
  }

  // ---------------------------------------------------------------- field helpers

  private static String required(String at, String value) {
    if (value == null || value.isBlank()) {
      throw new ScenarioException(at + ": missing");
    }
    return value;
  }

  private static String symbol(String at, String value) {
    required(at, value);
    if (value.chars().anyMatch(Character::isWhitespace)) {
      throw new ScenarioException(at + ": must not contain spaces");
    }
    return value;
  }

  private static Price price(String at, String value) {
    try {
      return Price.parse(required(at, value));
    } catch (NumberFormatException e) {
      throw new ScenarioException(at + ": " + e.getMessage());
    }
  }

  private static Price positivePrice(String at, String value) {
    Price p = price(at, value);
    if (p.micros() == 0) {
      throw new ScenarioException(at + ": must be positive");
    }
    return p;
  }

  private static void nonNegative(String at, String value) {
    price(at, value);
  }

  private static Quantity quantity(String at, String value) {
    try {
      return Quantity.parse(required(at, value));
    } catch (NumberFormatException e) {
      throw new ScenarioException(at + ": " + e.getMessage());
    }
  }

  private static void money(String at, String value) {
    try {
      if (Fixed.parse(required(at, value)) < 0) {
        throw new ScenarioException(at + ": must not be negative");
      }
    } catch (NumberFormatException e) {
      throw new ScenarioException(at + ": " + e.getMessage());
    }
  }

  private static void permille(String at, int value) {
    if (value < 0 || value > 1000) {
      throw new ScenarioException(at + ": must be in [0, 1000]");
    }
  }

  private static Instant instant(String at, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new ScenarioException(at + ": not an ISO-8601 instant: " + value);
    }
  }
}
