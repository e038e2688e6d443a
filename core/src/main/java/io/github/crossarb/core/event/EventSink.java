package io.github.crossarb.core.event;

/**
 * Where the engine's audit trail goes ({@code events.jsonl}, the headless log, tests). Called on
 * the engine's context; an implementation must not throw (a failing log raises an alert itself).
 */
@FunctionalInterface
public interface EventSink {
  void emit(EngineEvent event);
}
