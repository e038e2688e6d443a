package io.github.crossarb.simulator.scenario;

/** A scenario file is unreadable or invalid; the message is one line naming the problem. */
public final class ScenarioException extends RuntimeException {
  public ScenarioException(String message) {
    super(message);
  }

  public ScenarioException(String message, Throwable cause) {
    super(message, cause);
  }
}
