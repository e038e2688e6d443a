package io.github.crossarb.cli;

import io.github.crossarb.cli.command.BalanceCommand;
import io.github.crossarb.cli.command.BookCommand;
import io.github.crossarb.cli.command.ConfigCommand;
import io.github.crossarb.cli.command.DemoCommand;
import io.github.crossarb.cli.command.DoctorCommand;
import io.github.crossarb.cli.command.MarketsCommand;
import io.github.crossarb.cli.command.OrderCommand;
import io.github.crossarb.cli.command.OrdersCommand;
import io.github.crossarb.cli.command.PolymarketCommand;
import io.github.crossarb.cli.command.PositionsCommand;
import io.github.crossarb.cli.command.RunCommand;
import io.github.crossarb.cli.command.SimCommand;
import io.github.crossarb.cli.command.pairs.PairsCommand;
import io.github.crossarb.cli.link.LinkCommand;
import io.github.crossarb.cli.venue.StandardVenues;
import io.github.crossarb.cli.venue.VenueFactory;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code controller}: runs on the server, finds opportunities and directs the trader. */
@Command(
    name = "controller",
    description = "Finds and trades cross-venue arbitrage between Kalshi and Polymarket.",
    subcommands = {
        ConfigCommand.class,
        MarketsCommand.class,
        BookCommand.class,
        BalanceCommand.class,
        PositionsCommand.class,
        OrdersCommand.class,
        OrderCommand.class,
        PolymarketCommand.class,
        PairsCommand.class,
        RunCommand.class,
        DemoCommand.class,
        SimCommand.class,
        LinkCommand.class,
        DoctorCommand.class})
public final class ControllerCommand extends RootCommand {
  public ControllerCommand(Map<String, String> environment) {
    this(environment, StandardVenues::open);
  }

  public ControllerCommand(Map<String, String> environment, VenueFactory venueFactory) {
    super(environment, venueFactory);
  }
}
