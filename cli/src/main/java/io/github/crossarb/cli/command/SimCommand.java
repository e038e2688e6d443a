package io.github.crossarb.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.RootCommand;
import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.simulator.Simulation;
import io.github.crossarb.simulator.SimulationOptions;
import io.github.crossarb.simulator.scenario.Scenario;
import io.github.crossarb.simulator.scenario.ScenarioException;
import io.github.crossarb.simulator.scenario.ScenarioLoader;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sim}: runs the Kalshi (and, when present, Polymarket) simulators on loopback until
 * interrupted, and prints the environment that points a controller at them.
 */
@Command(
    name = "sim",
    description = {
        "Run the venue simulators on 127.0.0.1 until interrupted (Ctrl-C), and print the environment"
            + " variables that point a controller at them as 'export KEY=value' lines (or JSON with --json).",
        "Generated keys go to $ARB_DATA_DIR/sim/ (owner-only). A bad scenario file exits 3."})
public final class SimCommand implements java.util.concurrent.Callable<Integer> {
  private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec private CommandSpec spec;

  @Option(names = "--scenario", paramLabel = "FILE",
      description = "Scenario file (JSON, or YAML for .yaml/.yml); default: the built-in five-pair scenario.")
  private Path scenarioFile;

  @Option(names = "--kalshi-port", paramLabel = "N", defaultValue = "0",
      description = "Kalshi simulator port; 0 (default) picks a free one.")
  private int kalshiPort;

  @Option(names = "--poly-port", paramLabel = "N", defaultValue = "0",
      description = "Polymarket simulator port; 0 (default) picks a free one.")
  private int polyPort;

  @Option(names = "--json", description = "Print the environment as one JSON object instead of export lines.")
  private boolean json;

  @Option(names = "--check", description = "Start, print the environment, and stop at once (checks a scenario"
      + " and the ports).")
  private boolean check;

  @Override
  public Integer call() throws Exception {
    for (int port : new int[] {kalshiPort, polyPort}) {
      if (port < 0 || port > 65535) {
        throw new ParameterException(spec.commandLine(), "ports must be in [0, 65535]");
      }
    }
    Path dataDir = RootCommand.of(spec).configuration().require(Settings.ARB_DATA_DIR);
    Scenario scenario;
    try {
      scenario = scenarioFile == null ? ScenarioLoader.defaultScenario() : ScenarioLoader.load(scenarioFile);
    } catch (ScenarioException e) {
      throw new ConfigException(e.getMessage(), e);
    }
    SimulationOptions options = SimulationOptions.defaults(dataDir.resolve("sim")).withPorts(kalshiPort, polyPort);
    Vertx vertx = Vertx.vertx();
    Simulation sim;
    try {
      sim = Simulation.start(vertx, scenario, options).toCompletionStage().toCompletableFuture()
          .get(60, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      vertx.close();
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      if (cause instanceof BindException) {
        throw new ConfigException("cannot listen on the requested port: " + cause.getMessage(), cause);
      }
      if (cause instanceof java.io.IOException) {
        throw new ConfigException("cannot write simulator keys under " + options.dataDir() + ": " + cause.getMessage(),
            cause);
      }
      throw new IllegalStateException("simulator failed to start: " + cause.getMessage(), cause);
    }
    PrintWriter out = spec.commandLine().getOut();
    print(out, sim.environment());
    out.flush();
    if (check) {
      stop(sim, vertx);
      return ExitCodes.OK;
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println("sim: scenario '" + scenario.name() + "' running; Ctrl-C stops it");
    err.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stop(sim, vertx);
      stopped.countDown();
    }, "sim-shutdown"));
    stopped.await();
    return ExitCodes.OK;
  }

  private void print(PrintWriter out, Map<String, String> environment) throws Exception {
    if (json) {
      ObjectNode node = JSON.createObjectNode();
      environment.forEach(node::put);
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
      return;
    }
    environment.forEach((key, value) -> out.println("export " + key + "=" + shellQuote(value)));
  }

  /** The value as one shell word: as is when safe, else single-quoted. */
  static String shellQuote(String value) {
    if (!value.isEmpty() && SHELL_SAFE.matcher(value).matches()) {
      return value;
    }
    return "'" + value.replace("'", "'\\''") + "'";
  }

  private static void stop(Simulation sim, Vertx vertx) {
    try {
      sim.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Stopping is best effort: the process is ending anyway.
    }
  }
}
