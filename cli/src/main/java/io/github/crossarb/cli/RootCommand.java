package io.github.crossarb.cli;

import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.cli.venue.VenueFactory;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * What {@code controller} and {@code trader} share: the global options, the injected environment
 * and the {@link Configuration} built from them. Subcommands reach it with {@link #of}. The
 * global options are inherited, so {@code controller config --set K=V} works as well as
 * {@code controller --set K=V config}.
 */
@Command(
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    // INHERIT gives every subcommand --help, --version, the exit-code list and the footer.
    scope = ScopeType.INHERIT,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        ExitCodes.OK + ":success",
        ExitCodes.FAILURE + ":runtime failure",
        ExitCodes.USAGE + ":usage error (unknown command, bad flag, no command given)",
        ExitCodes.CONFIG + ":configuration error (missing or invalid credential, unreadable file, invalid value)",
        ExitCodes.VENUE + ":venue error (refused, failed or unreachable)",
        ExitCodes.ORDER_UNKNOWN + ":order outcome unknown: it may be live; check open orders before resending"},
    footer = {
        "%nConfiguration comes from flags, then environment variables, then $ARB_DATA_DIR/config.properties,"
            + " then defaults; 'config' shows the effective values. Errors print one line; --debug"
            + " (or ARB_DEBUG=1) adds the stack trace."})
public abstract class RootCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  private final Map<String, String> environment;
  private final VenueFactory venueFactory;
  private final Map<String, String> flags = new LinkedHashMap<>();
  private boolean debug;
  private Configuration configuration;
  private InputStream operatorInput = System.in;

  protected RootCommand(Map<String, String> environment, VenueFactory venueFactory) {
    this.environment = Map.copyOf(environment);
    this.venueFactory = Objects.requireNonNull(venueFactory, "venueFactory");
  }

  /**
   * Where a headless engine reads operator commands: stdin, unless {@link #withOperatorInput} gave
   * another (an in-process test: the test JVM's stdin is its runner's control channel, not ours).
   */
  public InputStream operatorInput() {
    return operatorInput;
  }

  public RootCommand withOperatorInput(InputStream input) {
    this.operatorInput = Objects.requireNonNull(input, "input");
    return this;
  }

  /** The root command of the command line {@code spec} belongs to, at any depth. */
  public static RootCommand of(CommandSpec spec) {
    return (RootCommand) spec.root().userObject();
  }

  /**
   * The effective configuration, resolved on first use: commands that need none (help, version)
   * do not fail on a broken one.
   *
   * @throws io.github.crossarb.cli.config.ConfigException if it is invalid
   */
  public Configuration configuration() {
    if (configuration == null) {
      configuration = Configuration.resolve(flags, environment);
    }
    return configuration;
  }

  /**
   * The configuration with {@code overrides} taking precedence over every layer, for commands that
   * must pin some settings (the demo points the venues at its simulator).
   */
  public Configuration configurationWith(Map<String, String> overrides) {
    Map<String, String> merged = new LinkedHashMap<>(flags);
    merged.putAll(overrides);
    return Configuration.resolve(merged, environment);
  }

  /** How venue commands build their venue client (injected by tests). */
  public VenueFactory venueFactory() {
    return venueFactory;
  }

  // Picocli calls this with all values given so far on one command, then again with those of a
  // subcommand (inherited option), so values are merged, and a later one wins.
  @Option(names = "--set", paramLabel = "KEY=VALUE", scope = ScopeType.INHERIT,
      description = "Set a configuration value (repeatable). KEY is a setting listed by 'config'."
          + " Prefer the environment for secrets: command lines are visible to other processes.")
  private void setFlags(List<String> assignments) {
    for (String assignment : assignments) {
      int equals = assignment.indexOf('=');
      if (equals <= 0) {
        // Not quoting the argument: it may be a credential with the '=' forgotten.
        throw new ParameterException(spec.commandLine(), "--set expects KEY=VALUE");
      }
      String key = assignment.substring(0, equals);
      if (Settings.find(key).isEmpty()) {
        throw new ParameterException(spec.commandLine(), "unknown setting '" + key + "' in --set");
      }
      flags.put(key, assignment.substring(equals + 1));
    }
  }

  @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
      description = "Data directory (holds config.properties); same as --set ARB_DATA_DIR=DIR.")
  private void setDataDir(String dir) {
    if (dir != null) {
      flags.put(Settings.ARB_DATA_DIR.key(), dir);
    }
  }

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Print the stack trace of an error (also ARB_DEBUG=1).")
  private void setDebug(boolean debug) {
    this.debug = debug;
  }

  /** Whether errors should carry their stack trace: {@code --debug} or {@code ARB_DEBUG=1}. */
  boolean debug() {
    return debug || "1".equals(environment.get("ARB_DEBUG"));
  }

  /** No subcommand given: the usage goes to stderr, as for any other usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
