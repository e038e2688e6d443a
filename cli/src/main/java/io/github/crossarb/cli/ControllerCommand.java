package io.github.crossarb.cli;

import io.github.crossarb.cli.command.ConfigCommand;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code controller}: runs on the server, finds opportunities and directs the trader. */
@Command(
    name = "controller",
    description = "Finds and trades cross-venue arbitrage between Kalshi and Polymarket.",
    subcommands = {ConfigCommand.class, io.github.crossarb.cli.command.SimCommand.class})
public final class ControllerCommand extends RootCommand {
  public ControllerCommand(Map<String, String> environment) {
    super(environment);
  }
}
