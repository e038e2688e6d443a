package io.github.crossarb.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.crossarb.simulator.fault.FaultRule;
import java.util.List;

/** Scripted faults per venue. */
public record FaultsSpec(List<FaultRule> kalshi, List<FaultRule> polymarket) {
  @JsonCreator
  public FaultsSpec(@JsonProperty("kalshi") List<FaultRule> kalshi,
      @JsonProperty("polymarket") List<FaultRule> polymarket) {
    this.kalshi = kalshi == null ? List.of() : List.copyOf(kalshi);
    this.polymarket = polymarket == null ? List.of() : List.copyOf(polymarket);
  }

  public static FaultsSpec none() {
    return new FaultsSpec(List.of(), List.of());
  }
}
