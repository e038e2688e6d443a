package io.github.crossarb.cli;

/** Entry point of {@code ./trader}. */
public final class TraderMain {
  private TraderMain() {}

  public static void main(String[] args) {
    System.exit(Cli.commandLine(new TraderCommand(System.getenv())).execute(args));
  }
}
