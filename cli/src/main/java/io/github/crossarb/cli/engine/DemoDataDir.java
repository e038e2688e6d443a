package io.github.crossarb.cli.engine;

import io.github.crossarb.cli.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo's data directory. The demo writes a registry, a ledger and an event log like a real
 * controller, so it must never run on a real controller's state: a directory that holds state
 * without the demo's marker is refused. A directory the demo made is cleared before each run (the
 * simulator starts from scratch, so old demo positions would fail reconciliation).
 */
public final class DemoDataDir {
  static final String MARKER = "DEMO-DATA";
  /** Files and directories a controller keeps in its data directory (simulator keys in sim/ are not state). */
  private static final List<String> STATE = List.of("pairs.json", "positions.json", "fills.jsonl", "events.jsonl",
      "market-cache.json", "polymarket-orders.tsv", "paper");

  private DemoDataDir() {}

  /**
   * Makes {@code dir} ready for a fresh demo run.
   *
   * @throws ConfigException if {@code dir} holds a real controller's state
   */
  public static void prepare(Path dir) throws IOException {
    Files.createDirectories(dir);
    boolean demo = Files.exists(dir.resolve(MARKER));
    List<Path> state;
    try (Stream<Path> entries = Files.list(dir)) {
      state = entries.filter(DemoDataDir::isState).sorted().toList();
    }
    for (Path path : state) {
      String name = path.getFileName().toString();
      if (!demo) {
        throw new ConfigException(dir + " holds a controller's state (" + name + "); run the demo in an empty"
            + " directory, e.g. --data-dir ./demo-data");
      }
      delete(path);
    }
    Files.writeString(dir.resolve(MARKER),
        "This directory holds the state of `controller demo` (simulated venues). The demo clears it on every run.\n");
  }

  private static boolean isState(Path path) {
    String name = path.getFileName().toString();
    return STATE.contains(name) || name.startsWith("polymarket-api-");
  }

  private static void delete(Path path) throws IOException {
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
