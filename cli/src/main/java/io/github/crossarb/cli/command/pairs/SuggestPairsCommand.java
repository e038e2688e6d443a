package io.github.crossarb.cli.command.pairs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.venue.VenueJson;
import io.github.crossarb.core.pair.PairEntry;
import io.github.crossarb.core.pair.PairRegistry;
import io.github.crossarb.core.pair.PairRelation;
import io.github.crossarb.core.pair.suggest.PairSuggester;
import io.github.crossarb.core.pair.suggest.PairSuggestion;
import io.github.crossarb.core.venue.MarketInfo;
import io.github.crossarb.core.venue.MarketQuery;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code pairs suggest}: candidate pairs across both venues' open markets, for an operator to review. */
@Command(name = "suggest", description = {
    "Propose candidate pairs from both venues' open markets (titles, entities, dates, thresholds, close times,"
        + " rules text), each with a score and the two rule texts side by side.",
    "It never approves anything: read both rules, then run the 'pairs approve' line it prints."})
final class SuggestPairsCommand implements Callable<Integer> {
  private static final int RULES_WIDTH = 58;

  @Spec private CommandSpec spec;

  @Option(names = "--query", paramLabel = "TEXT",
      description = "Only markets whose title or id contains all these words (asked of both venues).")
  private String query;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Show at most N suggestions (default 20).")
  private int limit;

  @Option(names = "--markets", paramLabel = "N", defaultValue = "1000",
      description = "Read at most N open markets from each venue (default 1000).")
  private int markets;

  @Option(names = "--min-score", paramLabel = "S", defaultValue = "" + PairSuggester.DEFAULT_MIN_SCORE,
      description = "Drop suggestions scoring below S, 0..100 (default ${DEFAULT-VALUE}).")
  private int minScore;

  @Option(names = "--json", description = "Print JSON instead of text.")
  private boolean json;

  @Override
  public Integer call() {
    if (limit < 1 || limit > 1000) {
      throw new ParameterException(spec.commandLine(), "--limit must be between 1 and 1000, got " + limit);
    }
    if (markets < 1 || markets > 100_000) {
      throw new ParameterException(spec.commandLine(), "--markets must be between 1 and 100000, got " + markets);
    }
    if (minScore < 0 || minScore > 100) {
      throw new ParameterException(spec.commandLine(), "--min-score must be between 0 and 100, got " + minScore);
    }
    PairRegistry registry = PairsSupport.read(PairsSupport.dataDir(spec));
    MarketQuery marketQuery = new MarketQuery(query, true, markets);
    List<MarketInfo> kalshi;
    List<MarketInfo> polymarket;
    try (PairVenues venues = PairVenues.open(spec)) {
      kalshi = venues.kalshiMarkets(marketQuery);
      polymarket = venues.polymarketMarkets(marketQuery);
    }
    List<PairSuggestion> all = new PairSuggester(minScore, PairSuggester.DEFAULT_PER_MARKET).suggest(kalshi, polymarket);
    List<PairSuggestion> shown = all.subList(0, Math.min(limit, all.size()));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ArrayNode array = VenueJson.MAPPER.createArrayNode();
      shown.forEach(s -> array.add(json(s, registry)));
      PairsSupport.printJson(out, array);
      return ExitCodes.OK;
    }
    out.println("read " + kalshi.size() + " Kalshi and " + polymarket.size() + " Polymarket open markets"
        + (query == null ? "" : " matching '" + query + "'") + "; " + all.size() + " candidate pair"
        + (all.size() == 1 ? "" : "s") + (all.size() > shown.size() ? ", showing the best " + shown.size() : ""));
    int rank = 1;
    for (PairSuggestion s : shown) {
      out.println();
      print(out, rank++, s, registry);
    }
    out.println();
    out.println("These are proposals only; nothing was approved. Titles that match are often different contracts:"
        + " approve a pair only after reading both rules.");
    out.flush();
    return ExitCodes.OK;
  }

  private static List<String> registered(PairSuggestion s, PairRegistry registry) {
    List<String> ids = new ArrayList<>();
    registry.findByKalshiTicker(s.kalshi().marketId()).map(PairEntry::id).ifPresent(ids::add);
    registry.findByPolymarketCondition(s.polymarket().marketId()).map(PairEntry::id)
        .filter(id -> !ids.contains(id)).ifPresent(ids::add);
    return ids;
  }

  private static ObjectNode json(PairSuggestion s, PairRegistry registry) {
    ObjectNode o = VenueJson.MAPPER.createObjectNode()
        .put("score", s.score())
        .put("relation", PairsSupport.lower(s.relation()))
        .put("proposedId", s.proposedId());
    o.set("kalshi", VenueJson.market(s.kalshi()));
    o.set("polymarket", VenueJson.market(s.polymarket()));
    s.reasons().forEach(o.putArray("reasons")::add);
    ArrayNode warnings = o.putArray("warnings");
    s.warnings().forEach(warnings::add);
    ArrayNode ids = o.putArray("registeredAs");
    registered(s, registry).forEach(ids::add);
    o.put("approveCommand", approveCommand(s));
    return o;
  }

  private static void print(PrintWriter out, int rank, PairSuggestion s, PairRegistry registry) {
    out.println("#" + rank + "  score " + s.score() + "  relation " + PairsSupport.lower(s.relation()));
    out.println("  Kalshi      " + s.kalshi().marketId() + "  closes " + minute(s.kalshi().closeTime()));
    out.println("              " + s.kalshi().title());
    out.println("  Polymarket  " + s.polymarket().marketId() + "  closes " + minute(s.polymarket().closeTime()));
    out.println("              " + s.polymarket().title());
    out.println("  agrees:     " + String.join("; ", s.reasons()));
    if (!s.warnings().isEmpty()) {
      out.println("  check:      " + String.join("; ", s.warnings()));
    }
    List<String> ids = registered(s, registry);
    if (!ids.isEmpty()) {
      out.println("  registered: already in pair " + String.join(", ", ids));
    }
    for (String line : PairsSupport.sideBySide("KALSHI RULES", s.kalshi().rules(), "POLYMARKET RULES",
        s.polymarket().rules(), RULES_WIDTH)) {
      out.println("    " + line);
    }
    out.println("  to approve: " + approveCommand(s));
  }

  private static String approveCommand(PairSuggestion s) {
    return "controller pairs approve --id " + s.proposedId() + " --kalshi " + s.kalshi().marketId() + " --polymarket "
        + s.polymarket().marketId() + (s.relation() == PairRelation.COMPLEMENT ? " --relation complement" : "");
  }

  private static String minute(Instant time) {
    return time == null ? "-" : time.truncatedTo(ChronoUnit.MINUTES).toString();
  }
}
