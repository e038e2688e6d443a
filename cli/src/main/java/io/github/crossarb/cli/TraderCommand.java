package io.github.crossarb.cli;

import io.github.crossarb.cli.command.ConfigCommand;
import io.github.crossarb.cli.venue.StandardVenues;
import io.github.crossarb.cli.venue.VenueFactory;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code trader}: runs on the operator's machine and executes legs on the controller's instruction. */
@Command(
    name = "trader",
    description = "Executes arbitrage legs on the controller's instruction.",
    subcommands = {ConfigCommand.class})
public final class TraderCommand extends RootCommand {
  public TraderCommand(Map<String, String> environment) {
    this(environment, StandardVenues::open);
  }

  public TraderCommand(Map<String, String> environment, VenueFactory venueFactory) {
    super(environment, venueFactory);
  }
}
