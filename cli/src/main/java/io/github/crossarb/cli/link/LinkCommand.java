package io.github.crossarb.cli.link;

import io.github.crossarb.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code link}: the trader link as the running controller sees it. */
@Command(
    name = "link",
    description = {"The trader link (TRADER_LINK_LISTEN): which traders are connected, for which venues, and the"
        + " legs they are executing."},
    subcommands = {LinkStatusCommand.class})
public final class LinkCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  /** No subcommand given: the usage goes to stderr, as for any other usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
