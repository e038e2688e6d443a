package io.github.crossarb.core.engine;

import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EventSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Keeps every event the engine emits; tests wait for the ones they expect. */
final class RecordingSink implements EventSink {
  final List<EngineEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public void emit(EngineEvent event) {
    events.add(event);
  }

  <T extends EngineEvent> List<T> all(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends EngineEvent> List<T> all(Class<T> type, Predicate<T> match) {
    return all(type).stream().filter(match).toList();
  }

  /** The first event of {@code type} matching {@code match}, waiting up to 5 s for it. */
  <T extends EngineEvent> T await(Class<T> type, Predicate<T> match) {
    Harness.pollUntil(() -> !all(type, match).isEmpty(), "a " + type.getSimpleName() + " matching the test's condition; got "
        + events);
    return all(type, match).get(0);
  }

  /** Waits until {@code n} events of {@code type} matching {@code match} were emitted. */
  <T extends EngineEvent> List<T> await(Class<T> type, Predicate<T> match, int n) {
    Harness.pollUntil(() -> all(type, match).size() >= n, n + " " + type.getSimpleName() + " events; got " + events);
    return all(type, match);
  }
}
