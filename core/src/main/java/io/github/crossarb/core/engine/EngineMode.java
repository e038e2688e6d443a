package io.github.crossarb.core.engine;

/** What the engine does with an opportunity it finds. */
public enum EngineMode {
  /** Live data, every decision logged, no order ever sent (the default). */
  DRY_RUN,
  /** Orders go to paper execution clients that fill against the live books. */
  PAPER,
  /** Real orders at the venues; only when configured explicitly and the start checks pass. */
  LIVE
}
