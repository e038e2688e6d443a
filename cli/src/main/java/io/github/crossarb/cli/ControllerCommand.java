package io.github.crossarb.cli;

import io.github.crossarb.cli.command.BalanceCommand;
import io.github.crossarb.cli.command.BookCommand;
import io.github.crossarb.cli.command.ConfigCommand;
import io.github.crossarb.cli.command.DaemonCommand;
import io.github.crossarb.cli.command.StatusCommand;
import io.github.crossarb.cli.command.StopCommand;
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
import io.github.crossarb.cli.tui.TuiLoop;
import java.util.Map;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

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
        DaemonCommand.class,
        StopCommand.class,
        StatusCommand.class,
        DemoCommand.class,
        SimCommand.class,
        LinkCommand.class,
        DoctorCommand.class})
public final class ControllerCommand extends RootCommand {
  @Spec private CommandSpec spec;

  public ControllerCommand(Map<String, String> environment) {
    this(environment, StandardVenues::open);
  }

  public ControllerCommand(Map<String, String> environment, VenueFactory venueFactory) {
    super(environment, venueFactory);
  }

  /**
   * Bare {@code controller}: on a terminal, {@code run} (the dashboard, attached to the daemon when
   * one runs); otherwise the usage, as before.
   */
  @Override
  public Integer call() {
    if (TuiLoop.terminalAttached()) {
      // The run command as built with its defaults; failures reach the root's error handler.
      try {
        return ((RunCommand) spec.subcommands().get("run").getCommand()).call();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new CompletionException(e); // unwrapped by ExitCodes, so the exit code is the cause's
      }
    }
    return super.call();
  }
}
