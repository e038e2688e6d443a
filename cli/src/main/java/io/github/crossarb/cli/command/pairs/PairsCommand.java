package io.github.crossarb.cli.command.pairs;

import io.github.crossarb.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pairs}: the reviewed pair registry in {@code $ARB_DATA_DIR/pairs.json}. */
@Command(
    name = "pairs",
    description = {
        "The pair registry ($ARB_DATA_DIR/pairs.json): which Kalshi and Polymarket markets settle on the same"
            + " event. Only approved pairs trade; 'suggest' only proposes, an operator approves after reading"
            + " both rule texts."},
    subcommands = {
        SuggestPairsCommand.class,
        ListPairsCommand.class,
        ShowPairCommand.class,
        ApprovePairCommand.class,
        SuspendPairCommand.class,
        RemovePairCommand.class})
public final class PairsCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  /** No subcommand given: the usage goes to stderr, as for any other usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
