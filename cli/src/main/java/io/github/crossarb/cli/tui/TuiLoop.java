package io.github.crossarb.cli.tui;

import io.github.crossarb.core.engine.ArbEngine;
import io.github.crossarb.core.engine.EngineSnapshot;
import io.vertx.core.Future;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * The dashboard on a real terminal (JLine): the alternate screen, keys read in raw mode, the
 * screen redrawn about four times a second and only where lines changed (JLine's {@link Display}
 * diffs them). Without colour when {@code NO_COLOR} is set; a {@code TERM=dumb} terminal cannot
 * place the cursor, so the session runs headless there ({@link #terminalAttached}). Keys become
 * actions on the engine; their results show on the footer. Quitting leaves the caller to stop the
 * engine; Ctrl-C still signals the process (the terminal is restored on the way out).
 */
public final class TuiLoop {
  /** How often the screen is refreshed when no key arrives. */
  static final long FRAME_MILLIS = 250;
  /** How long the rest of an escape sequence may take to arrive after ESC. */
  private static final long ESCAPE_MILLIS = 40;

  private final Terminal terminal;
  private final Supplier<EngineSnapshot> snapshots;
  private final Function<DashboardAction, Future<?>> actions;
  private final Supplier<List<String>> link;
  private final Clock clock;
  private final boolean colour;
  private final Queue<String> messages = new ConcurrentLinkedQueue<>();

  TuiLoop(Terminal terminal, Supplier<EngineSnapshot> snapshots, Function<DashboardAction, Future<?>> actions,
      Supplier<List<String>> link, Clock clock, boolean colour) {
    this.terminal = terminal;
    this.snapshots = snapshots;
    this.actions = actions;
    this.link = link;
    this.clock = clock;
    this.colour = colour;
  }

  /**
   * Whether stdin and stdout are a terminal that can draw the dashboard; else the engine runs
   * headless. {@code TERM=dumb} has no cursor addressing: headless too (colour is another matter:
   * {@code NO_COLOR} keeps the dashboard, without colour).
   */
  public static boolean terminalAttached() {
    return System.console() != null && drawable(System.getenv());
  }

  /** Whether the terminal the environment names can address the cursor. */
  static boolean drawable(Map<String, String> env) {
    return !"dumb".equals(env.get("TERM"));
  }

  /** Colour unless {@code TERM=dumb} or {@code NO_COLOR} is set (https://no-color.org). */
  static boolean colourWanted(Map<String, String> env) {
    String term = env.get("TERM");
    String noColor = env.get("NO_COLOR");
    return !"dumb".equals(term) && (noColor == null || noColor.isEmpty());
  }

  /**
   * Runs the dashboard over {@code engine} on the system terminal until {@code q} or until
   * {@code stop} says so (a signal, a duration). Restores the terminal before returning.
   */
  public static void run(ArbEngine engine, BooleanSupplier stop, Clock clock) throws IOException {
    run(engine, stop, clock, () -> ViewState.LOCAL_LINK);
  }

  /**
   * As {@link #run(ArbEngine, BooleanSupplier, Clock)}, with the trader link's state lines for the
   * header (read once a frame, from the loop's thread: the supplier must be thread-safe).
   */
  public static void run(ArbEngine engine, BooleanSupplier stop, Clock clock, Supplier<List<String>> linkLines)
      throws IOException {
    run(DashboardSource.inProcess(engine, linkLines), stop, clock);
  }

  /**
   * Runs the dashboard over {@code source} (the engine in this process, or a daemon's endpoint) on
   * the system terminal until {@code q} or until {@code stop} says so. Restores the terminal.
   */
  public static void run(DashboardSource source, BooleanSupplier stop, Clock clock) throws IOException {
    boolean colour = colourWanted(System.getenv());
    try (Terminal terminal = TerminalBuilder.builder().system(true).name("crossarb").build()) {
      new TuiLoop(terminal, source::snapshot, source::perform, source::linkLines, clock,
          colour && !Terminal.TYPE_DUMB.equals(terminal.getType())).loop(stop);
    }
  }

  /** Sends {@code action} to the engine; {@link DashboardAction.Quit} is the loop's own business. */
  public static Future<?> perform(ArbEngine engine, DashboardAction action) {
    if (action instanceof DashboardAction.Pause p) {
      return engine.pause(p.reason());
    } else if (action instanceof DashboardAction.Resume) {
      return engine.resume();
    } else if (action instanceof DashboardAction.Kill k) {
      return engine.kill(k.reason());
    } else if (action instanceof DashboardAction.Approve a) {
      return engine.approve(a.executionId());
    } else if (action instanceof DashboardAction.Reject r) {
      return engine.reject(r.executionId(), r.blacklist());
    } else if (action instanceof DashboardAction.SetMode m) {
      return engine.setMode(m.mode(), DashboardKeys.REASON);
    }
    return Future.succeededFuture();
  }

  /** What the footer says once {@code action} is done. */
  static String done(DashboardAction action) {
    if (action instanceof DashboardAction.Pause) {
      return "trading paused";
    } else if (action instanceof DashboardAction.Resume) {
      return "trading resumed";
    } else if (action instanceof DashboardAction.Kill) {
      return "kill switch engaged: open orders cancelled";
    } else if (action instanceof DashboardAction.Approve a) {
      return "approved " + a.executionId();
    } else if (action instanceof DashboardAction.Reject r) {
      return "rejected " + r.executionId() + (r.blacklist() ? "; pair blacklisted" : "");
    } else if (action instanceof DashboardAction.SetMode m) {
      return "mode " + m.mode();
    }
    return "";
  }

  void loop(BooleanSupplier stop) throws IOException {
    Attributes saved = terminal.enterRawMode();
    terminal.puts(Capability.enter_ca_mode);
    terminal.puts(Capability.keypad_xmit);
    terminal.puts(Capability.cursor_invisible);
    terminal.flush();
    Display display = new Display(terminal, true);
    try {
      NonBlockingReader reader = terminal.reader();
      ViewState view = ViewState.initial(clock.instant());
      Size shown = null;
      List<String> last = null;
      while (!stop.getAsBoolean()) {
        String message;
        while ((message = messages.poll()) != null) {
          view = view.withMessage(message);
        }
        EngineSnapshot snapshot = snapshots.get();
        view = view.withClock(clock.instant()).withLinkLines(link.get());
        Size size = terminal.getSize();
        if (!size.equals(shown)) {
          shown = new Size(size.getColumns(), size.getRows());
          display.clear();
          display.resize(Math.max(1, size.getRows()), Math.max(1, size.getColumns()));
          last = null;
        }
        List<String> lines = DashboardRenderer.render(snapshot, view, Math.max(1, size.getColumns()),
            Math.max(1, size.getRows()), colour);
        if (!lines.equals(last)) {
          display.update(attributed(lines), -1);
          terminal.flush();
          last = lines;
        }
        Key key = readKey(reader, FRAME_MILLIS);
        if (key == EOF) {
          return;
        }
        if (key == null) {
          continue;
        }
        DashboardKeys.Transition t = DashboardKeys.handle(view, key, snapshot);
        view = t.view();
        if (t.action().isPresent()) {
          DashboardAction action = t.action().get();
          if (action instanceof DashboardAction.Quit) {
            return;
          }
          view = view.withMessage("sent: " + done(action));
          Future<?> f;
          try {
            f = actions.apply(action);
          } catch (RuntimeException e) {
            f = Future.failedFuture(e);
          }
          f.onComplete(ar -> messages.add(ar.succeeded() ? done(action) : "failed: " + oneLine(ar.cause())));
        }
      }
    } finally {
      terminal.puts(Capability.cursor_visible);
      terminal.puts(Capability.keypad_local);
      terminal.puts(Capability.exit_ca_mode);
      terminal.setAttributes(saved);
      terminal.flush();
    }
  }

  private List<AttributedString> attributed(List<String> lines) {
    List<AttributedString> out = new ArrayList<>(lines.size());
    for (String line : lines) {
      out.add(colour ? AttributedString.fromAnsi(line) : new AttributedString(line));
    }
    return out;
  }

  /** The end of input (the terminal closed). */
  static final Key EOF = new Key(Key.Kind.END, '\0');

  /** The next key, null when none came within {@code timeoutMillis}, {@link #EOF} at the end. */
  private static Key readKey(NonBlockingReader reader, long timeoutMillis) throws IOException {
    int c = reader.read(timeoutMillis);
    if (c == NonBlockingReader.READ_EXPIRED) {
      return null;
    }
    if (c < 0) {
      return EOF;
    }
    if (c != 27) {
      return KeyDecoder.single(c);
    }
    int next = reader.read(ESCAPE_MILLIS);
    if (next != '[' && next != 'O') {
      return Key.ESCAPE; // a lone ESC (or Alt+key, which the dashboard does not use)
    }
    StringBuilder seq = new StringBuilder().append((char) next);
    for (int i = 0; i < 8; i++) {
      int b = reader.read(ESCAPE_MILLIS);
      if (b < 0) {
        break;
      }
      seq.append((char) b);
      if (b >= 0x40 && b <= 0x7e) {
        break;
      }
    }
    return KeyDecoder.sequence(seq.toString());
  }

  private static String oneLine(Throwable e) {
    String m = e == null ? null : e.getMessage();
    String text = m == null || m.isBlank() ? (e == null ? "unknown error" : e.getClass().getSimpleName()) : m;
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }
}
