package io.github.crossarb.cli.engine;

import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EventSink;
import io.github.crossarb.core.pair.PairEntry;
import io.github.crossarb.core.store.PairsFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;

/**
 * Persists the engine's changes to a pair (a suspension when a venue changed its rules) to
 * {@code pairs.json}, so a restart does not trade the pair again. Called on the engine's context;
 * the file is small and written rarely, so the write is done there.
 */
final class RegistryWriter {
  private final Path dataDir;
  private final EventSink events;
  private final InstantSource clock;

  RegistryWriter(Path dataDir, EventSink events, InstantSource clock) {
    this.dataDir = dataDir;
    this.events = events;
    this.clock = clock;
  }

  synchronized void save(PairEntry changed) {
    try {
      // Under the registry's lock, on the file as it is now: an operator's edit meanwhile is kept.
      PairsFile.replaceEntry(dataDir, changed);
    } catch (IOException | RuntimeException e) {
      events.emit(new EngineEvent.Alert(clock.instant(), EngineEvent.Severity.CRITICAL, changed.id(),
          "cannot save pair " + changed.id() + " as " + changed.status() + " in pairs.json (" + e.getMessage()
              + "): the engine keeps it " + changed.status() + " until it stops; set it by hand before restarting"));
    }
  }
}
