package io.github.crossarb.cli.trader;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * SIGINT and SIGTERM as a request to stop, not an exit: the trader then stops its own way (legs in
 * flight finish, open orders are cancelled) and the command returns exit code 0. Without a handler
 * the JVM would begin its shutdown on the signal and end with 130/143 whatever the command returns.
 * A later signal only says that the stop is under way (it is bounded). Closing restores the
 * handlers there were before.
 */
final class StopSignals implements AutoCloseable {
  private final Map<sun.misc.Signal, sun.misc.SignalHandler> previous = new LinkedHashMap<>();

  private StopSignals() {}

  /**
   * Calls {@code stop} on the first SIGINT or SIGTERM, {@code again} on later ones. A signal the
   * platform does not let us handle is left alone (the JVM's shutdown hooks still run on it).
   */
  static StopSignals install(String name, Runnable stop, Consumer<String> again) {
    StopSignals signals = new StopSignals();
    AtomicBoolean stopping = new AtomicBoolean();
    for (String signal : new String[] {"INT", "TERM"}) {
      try {
        sun.misc.Signal s = new sun.misc.Signal(signal);
        signals.previous.put(s, sun.misc.Signal.handle(s, received -> {
          if (stopping.compareAndSet(false, true)) {
            stop.run();
          } else {
            again.accept(name + ": already stopping (SIG" + received.getName() + " again)");
          }
        }));
      } catch (IllegalArgumentException e) {
        // A signal the JVM keeps for itself (-Xrs) or unknown on this platform.
      }
    }
    return signals;
  }

  @Override
  public void close() {
    previous.forEach((signal, handler) -> {
      try {
        sun.misc.Signal.handle(signal, handler);
      } catch (IllegalArgumentException e) {
        // Nothing to restore.
      }
    });
  }
}
