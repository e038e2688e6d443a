package io.github.crossarb.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.crossarb.cli.RootCommand;
import io.github.crossarb.cli.venue.VenueJson;
import io.github.crossarb.cli.venue.VenueOptions;
import io.github.crossarb.cli.venue.VenueSession;
import io.github.crossarb.core.model.InstrumentId;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A command that talks to one venue: opens it from the configuration, runs, closes it. */
abstract class VenueCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin VenueOptions options;

  @Override
  public final Integer call() {
    validate();
    try (VenueSession session = VenueSession.open(
        RootCommand.of(spec).venueFactory(), options.venue(), RootCommand.of(spec).configuration())) {
      return run(session, spec.commandLine().getOut());
    }
  }

  /** Checks option combinations before any venue is contacted; throw {@link #usage} on a bad one. */
  void validate() {}

  abstract int run(VenueSession session, PrintWriter out);

  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  InstrumentId instrument(String symbol, String what) {
    try {
      return options.instrument(symbol);
    } catch (IllegalArgumentException e) {
      throw usage("invalid " + what + " '" + symbol + "': " + e.getMessage());
    }
  }

  static void printJson(PrintWriter out, JsonNode node, boolean pretty) {
    try {
      out.println(pretty
          ? VenueJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node)
          : VenueJson.MAPPER.writeValueAsString(node));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
