package io.github.crossarb.simulator.process;

import io.github.crossarb.core.model.Price;

/**
 * Where the price process stands for one pair.
 *
 * @param fair the common fair YES probability
 * @param dislocation how far Polymarket's mid sits above Kalshi's, in micros (0 outside windows)
 * @param windowStepsLeft steps until the current window closes; 0 when none is open
 */
public record PairState(String pairId, Price fair, long dislocation, int windowStepsLeft) {
  public boolean windowOpen() {
    return windowStepsLeft > 0;
  }

  /** Kalshi's mid: the fair price moved down by half the dislocation. */
  public long kalshiMid() {
    return fair.micros() - dislocation / 2;
  }

  /** Polymarket's YES mid: the fair price moved up by half the dislocation. */
  public long polymarketMid() {
    return fair.micros() + dislocation - dislocation / 2;
  }
}
