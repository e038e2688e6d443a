package io.github.crossarb.cli;

import io.github.crossarb.cli.command.ConfigCommand;
import io.github.crossarb.cli.trader.LinkClientDialer;
import io.github.crossarb.cli.trader.TraderDialer;
import io.github.crossarb.cli.trader.TraderRunCommand;
import io.github.crossarb.cli.trader.TraderStatusCommand;
import io.github.crossarb.cli.venue.StandardVenues;
import io.github.crossarb.cli.venue.VenueFactory;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine.Command;

/** {@code trader}: runs on the operator's machine and executes legs on the controller's instruction. */
@Command(
    name = "trader",
    description = "Executes arbitrage legs on the controller's instruction.",
    subcommands = {ConfigCommand.class, TraderRunCommand.class, TraderStatusCommand.class})
public final class TraderCommand extends RootCommand {
  private final TraderDialer dialer;

  public TraderCommand(Map<String, String> environment) {
    this(environment, StandardVenues::open);
  }

  public TraderCommand(Map<String, String> environment, VenueFactory venueFactory) {
    this(environment, venueFactory, new LinkClientDialer());
  }

  /** With the venues and the link to the controller injected (tests). */
  public TraderCommand(Map<String, String> environment, VenueFactory venueFactory, TraderDialer dialer) {
    super(environment, venueFactory);
    this.dialer = Objects.requireNonNull(dialer, "dialer");
  }

  /** How {@code trader run} reaches the controller. */
  public TraderDialer dialer() {
    return dialer;
  }
}
