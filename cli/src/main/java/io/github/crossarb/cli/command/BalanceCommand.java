package io.github.crossarb.cli.command;

import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.venue.Table;
import io.github.crossarb.cli.venue.VenueJson;
import io.github.crossarb.cli.venue.VenueSession;
import io.github.crossarb.core.venue.Balance;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code balance}: cash at a venue, as the venue reports it. */
@Command(name = "balance", description = "Print the cash available at a venue (needs the venue's credentials).")
public final class BalanceCommand extends VenueCommand {
  @Override
  int run(VenueSession session, PrintWriter out) {
    Balance balance = session.call(venue -> venue.execution().balance());
    if (options.json()) {
      printJson(out, VenueJson.balance(balance), true);
    } else {
      out.println(new Table("VENUE", "AVAILABLE", "PORTFOLIO VALUE")
          .row(balance.venue().label(), Table.dollars(balance.available()), Table.dollars(balance.portfolioValue())));
      out.flush();
    }
    return ExitCodes.OK;
  }
}
