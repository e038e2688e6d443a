package io.github.crossarb.simulator.scenario;

/**
 * The starting cash of the client's account on each venue (decimal dollars).
 */
public record AccountsSpec(String kalshiBalance, String polymarketBalance) {
  public static AccountsSpec defaults() {
    return new AccountsSpec("10000", "10000");
  }
}
