package io.github.crossarb.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.venue.Table;
import io.github.crossarb.cli.venue.VenueJson;
import io.github.crossarb.cli.venue.VenueSession;
import io.github.crossarb.core.venue.MarketInfo;
import io.github.crossarb.core.venue.MarketQuery;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code markets}: a venue's markets, for finding tickers and token ids. */
@Command(name = "markets", description = "List a venue's markets (ids to use with 'book' and 'order place').")
public final class MarketsCommand extends VenueCommand {
  enum Status { open, all }

  @Option(names = "--search", paramLabel = "TEXT", description = "Only markets whose title or id contains all these words.")
  private String search;

  @Option(names = "--status", paramLabel = "STATUS", defaultValue = "open",
      description = "open (default) or all.")
  private Status status;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N markets (default 50).")
  private int limit;

  @Override
  void validate() {
    if (limit < 1 || limit > 10_000) {
      throw usage("--limit must be between 1 and 10000, got " + limit);
    }
  }

  @Override
  int run(VenueSession session, PrintWriter out) {
    MarketQuery query = new MarketQuery(search, status == Status.open, limit);
    List<MarketInfo> markets = session.call(venue -> venue.markets(query));
    if (options.json()) {
      ArrayNode array = VenueJson.MAPPER.createArrayNode();
      markets.forEach(market -> array.add(VenueJson.market(market)));
      printJson(out, array, true);
      return ExitCodes.OK;
    }
    if (markets.isEmpty()) {
      out.println("no markets found");
      out.flush();
      return ExitCodes.OK;
    }
    Table table = new Table("MARKET", "STATUS", "CLOSES", "TITLE");
    for (MarketInfo market : markets) {
      table.row(market.marketId(), market.status(), minute(market.closeTime()), market.title());
    }
    out.println(table);
    if (markets.stream().anyMatch(market -> !market.yes().equals(market.no()))) {
      // Polymarket books and orders are per outcome token, so the ids the other commands take.
      out.println();
      Table tokens = new Table("MARKET", "YES TOKEN", "NO TOKEN");
      markets.forEach(market -> tokens.row(market.marketId(), market.yes().symbol(), market.no().symbol()));
      out.println(tokens);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static String minute(Instant time) {
    return time == null ? null : time.truncatedTo(ChronoUnit.MINUTES).toString();
  }
}
