package io.github.crossarb.cli.daemon;

/**
 * Makes the daemon outlive the terminal it was started from: SIGHUP (the SSH session or the tmux
 * client going away) is ignored, where the JVM would otherwise treat it as a request to shut
 * down. SIGTERM and SIGINT still stop the daemon gracefully. Reached through reflection because
 * {@code sun.misc.Signal} (module jdk.unsupported) is not a public API; where it is missing the
 * daemon still runs, and needs {@code nohup} to survive a hangup.
 */
final class Hangup {
  private Hangup() {}

  /** Ignores SIGHUP from now on; whether that worked. */
  static boolean ignore() {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      Object ignore = handler.getField("SIG_IGN").get(null);
      Object hup = signal.getConstructor(String.class).newInstance("HUP");
      signal.getMethod("handle", signal, handler).invoke(null, hup, ignore);
      return true;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return false;
    }
  }
}
