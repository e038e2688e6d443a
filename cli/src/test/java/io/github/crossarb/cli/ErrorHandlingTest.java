package io.github.crossarb.cli;

import static org.assertj.core.api.Assertions.assertThat;


import io.github.crossarb.cli.CliRunner.Result;
import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.RateLimitedException;
import io.github.crossarb.core.venue.VenueConfigException;
import io.github.crossarb.core.venue.VenueException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ErrorHandlingTest {

  /** A stand-in for a later subcommand that fails with whatever it is given. */
  @Command(name = "fail")
  static final class Failing implements Runnable {
    private final Supplier<RuntimeException> failure;

    Failing(Supplier<RuntimeException> failure) {
      this.failure = failure;
    }

    @Override
    public void run() {
      throw failure.get();
    }
  }

  private static Result runFailing(Map<String, String> environment, Supplier<RuntimeException> failure,
      String... args) {
    CommandLine commandLine = Cli.commandLine(new ControllerCommand(environment));
    commandLine.addSubcommand(new Failing(failure));
    return CliRunner.run(commandLine, args);
  }

  @Test
  void configErrorIsOneLineAndExits3() {
    Result result = runFailing(Map.of(), () -> new ConfigException("KALSHI_API_KEY_ID is not set"), "fail");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(result.errLines()).containsExactly("controller: KALSHI_API_KEY_ID is not set");
  }

  @Test
  void venueErrorNamesTheVenueAndExits4() {
    Result result = runFailing(Map.of(),
        () -> new VenueException(VenueId.KALSHI, "401 unauthorized", new IllegalStateException("inner")), "fail");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.VENUE);
    assertThat(result.errLines()).containsExactly("controller: kalshi: 401 unauthorized");
  }

  @Test
  void venueErrorArrivingThroughAFutureStillExits4() {
    Result result = runFailing(Map.of(),
        () -> new CompletionException(new VenueException(VenueId.POLYMARKET, "order rejected")), "fail");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.VENUE);
    assertThat(result.errLines()).containsExactly("controller: polymarket: order rejected");
  }

  @Test
  void unexpectedErrorIsOneLineWithItsClassAndExits1() {
    Result result = runFailing(Map.of(), () -> new IllegalStateException("book\nexploded"), "fail");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(result.errLines()).containsExactly("controller: unexpected java.lang.IllegalStateException:"
        + " book exploded (--debug or ARB_DEBUG=1 shows the stack trace)");
  }

  @Test
  void debugFlagAddsTheStackTrace() {
    Result result = runFailing(Map.of(), () -> new IllegalStateException("boom"), "--debug", "fail");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(result.errLines().get(0)).isEqualTo("controller: unexpected java.lang.IllegalStateException: boom");
    assertThat(result.err()).contains("\tat " + Failing.class.getName());
  }

  @Test
  void debugEnvironmentVariableAddsTheStackTrace() {
    Result result = runFailing(Map.of("ARB_DEBUG", "1"), () -> new IllegalStateException("boom"), "fail");

    assertThat(result.err()).contains("\tat ");
  }

  @Test
  void withoutDebugNoErrorPrintsAStackTrace() {
    for (Supplier<RuntimeException> failure : java.util.List.<Supplier<RuntimeException>>of(
        () -> new IllegalStateException("x"),
        () -> new ConfigException("x", new RuntimeException("cause")),
        () -> new VenueException(VenueId.KALSHI, "x", new RuntimeException("cause")))) {
      Result result = runFailing(Map.of(), failure, "fail");
      assertThat(result.errLines()).hasSize(1);
      assertThat(result.err()).doesNotContain("\tat ", "Caused by");
    }
  }

  @Test
  void exitCodesMapTheKnownExceptions() {
    assertThat(ExitCodes.forException(new ConfigException("x"))).isEqualTo(3);
    assertThat(ExitCodes.forException(new VenueException(VenueId.KALSHI, "x"))).isEqualTo(4);
    assertThat(ExitCodes.forException(new RateLimitedException(VenueId.KALSHI, "x", null))).isEqualTo(4);
    assertThat(ExitCodes.forException(new VenueConfigException(VenueId.KALSHI, "bad key"))).isEqualTo(3);
    assertThat(ExitCodes.forException(new CommandLine.ParameterException(new CommandLine(new Failing(null)), "x")))
        .isEqualTo(2);
    assertThat(ExitCodes.forException(new RuntimeException("x"))).isEqualTo(1);
    assertThat(ExitCodes.forException(new OutOfMemoryError())).isEqualTo(1);
  }
}
