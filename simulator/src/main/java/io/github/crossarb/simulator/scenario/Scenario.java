package io.github.crossarb.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Everything a simulation starts from: paired markets on both venues, their starting books, the
 * market maker's price process, the seed that makes a run reproducible, and scripted faults. Load
 * with {@link ScenarioLoader}; a loaded scenario is validated.
 *
 * @param startTime ISO-8601 instant the simulated clock starts at in tests; null for "now"
 */
public record Scenario(String name, long seed, String startTime, AccountsSpec accounts, ProcessSpec process,
    List<PairSpec> pairs, FaultsSpec faults) {

  @JsonCreator
  public static Scenario of(
      @JsonProperty("name") String name,
      @JsonProperty("seed") Long seed,
      @JsonProperty("startTime") String startTime,
      @JsonProperty("accounts") AccountsSpec accounts,
      @JsonProperty("process") ProcessSpec process,
      @JsonProperty("pairs") List<PairSpec> pairs,
      @JsonProperty("faults") FaultsSpec faults) {
    return new Scenario(name == null ? "unnamed" : name, seed == null ? 0 : seed, startTime,
        accounts == null ? AccountsSpec.defaults() : accounts,
        process == null ? ProcessSpec.defaults() : process,
        pairs == null ? List.of() : List.copyOf(pairs),
        faults == null ? FaultsSpec.none() : faults);
  }

  public Scenario {
    pairs = List.copyOf(pairs);
  }

  public Scenario withSeed(long newSeed) {
    return new Scenario(name, newSeed, startTime, accounts, process, pairs, faults);
  }

  public Scenario withFaults(FaultsSpec newFaults) {
    return new Scenario(name, seed, startTime, accounts, process, pairs, newFaults);
  }

  public Scenario withProcess(ProcessSpec newProcess) {
    return new Scenario(name, seed, startTime, accounts, newProcess, pairs, faults);
  }
}
