package io.github.crossarb.cli;

/** Entry point of {@code ./controller} (the jar's main class). */
public final class ControllerMain {
  private ControllerMain() {}

  public static void main(String[] args) {
    System.exit(Cli.commandLine(new ControllerCommand(System.getenv())).execute(args));
  }
}
