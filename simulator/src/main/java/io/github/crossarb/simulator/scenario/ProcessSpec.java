package io.github.crossarb.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The market maker's seeded price process (all prices decimal strings, in dollars).
 *
 * @param intervalMillis the timer period between steps (a real run; tests step by hand)
 * @param volatility the largest move of the fair price per step
 * @param meanReversionPermille how much of the distance back to the starting fair price is
 *     recovered per step, out of 1000
 * @param halfSpread the distance from the mid to each best quote
 * @param levels price levels per side
 * @param levelSpacingTicks ticks between levels
 * @param baseSize the size at the best level; level {@code i} rests {@code (i+1)·baseSize}
 * @param sizeJitterLots up to this many extra lots per level, drawn per step
 * @param windowChancePermille per step and pair, the chance (out of 1000) that the venues'
 *     mids dislocate, opening an arbitrage window
 * @param windowSize how far apart the venues' mids move in a window
 * @param windowSteps how many steps a window stays open
 */
public record ProcessSpec(
    long intervalMillis, String volatility, int meanReversionPermille, String halfSpread, int levels,
    int levelSpacingTicks, String baseSize, int sizeJitterLots, int windowChancePermille, String windowSize,
    int windowSteps) {

  @JsonCreator
  public static ProcessSpec of(
      @JsonProperty("intervalMillis") Long intervalMillis,
      @JsonProperty("volatility") String volatility,
      @JsonProperty("meanReversionPermille") Integer meanReversionPermille,
      @JsonProperty("halfSpread") String halfSpread,
      @JsonProperty("levels") Integer levels,
      @JsonProperty("levelSpacingTicks") Integer levelSpacingTicks,
      @JsonProperty("baseSize") String baseSize,
      @JsonProperty("sizeJitterLots") Integer sizeJitterLots,
      @JsonProperty("windowChancePermille") Integer windowChancePermille,
      @JsonProperty("windowSize") String windowSize,
      @JsonProperty("windowSteps") Integer windowSteps) {
    ProcessSpec d = defaults();
    return new ProcessSpec(
        intervalMillis == null ? d.intervalMillis : intervalMillis,
        volatility == null ? d.volatility : volatility,
        meanReversionPermille == null ? d.meanReversionPermille : meanReversionPermille,
        halfSpread == null ? d.halfSpread : halfSpread,
        levels == null ? d.levels : levels,
        levelSpacingTicks == null ? d.levelSpacingTicks : levelSpacingTicks,
        baseSize == null ? d.baseSize : baseSize,
        sizeJitterLots == null ? d.sizeJitterLots : sizeJitterLots,
        windowChancePermille == null ? d.windowChancePermille : windowChancePermille,
        windowSize == null ? d.windowSize : windowSize,
        windowSteps == null ? d.windowSteps : windowSteps);
  }

  /** Half a second per step, 5 levels, a 6-cent window about one step in twenty. */
  public static ProcessSpec defaults() {
    return new ProcessSpec(500, "0.004", 50, "0.01", 5, 1, "50", 20, 50, "0.06", 8);
  }
}
