package io.github.crossarb.cli.command;

import io.github.crossarb.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code order}: the group of single-order commands. */
@Command(name = "order", description = "Place or cancel one order at a venue.",
    subcommands = {PlaceOrderCommand.class, CancelOrderCommand.class})
public final class OrderCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
