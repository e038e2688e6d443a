package io.github.crossarb.simulator.exchange;

/** The account names every simulated venue opens. */
public final class Accounts {
  /** The market maker that owns the scenario's resting depth; not limited by cash or inventory. */
  public static final String LIQUIDITY = "liquidity";
  /** The client's account: the Kalshi signing key's, the Polymarket API key's. */
  public static final String USER = "user";

  private Accounts() {}
}
