package io.github.crossarb.polymarket.order;

/**
 * The exchange contract an order is signed for: its EIP-712 {@code verifyingContract} and domain
 * version. Polygon mainnet addresses (chain 137), used everywhere, the simulator included.
 */
public enum Exchange {
  /** CTF Exchange V2, order version 2. */
  CTF_EXCHANGE_V2("0xE111180000d2663C0091e4f400237545B87B996B", "2"),
  /** Neg Risk CTF Exchange V2, order version 2 on neg-risk markets. */
  NEG_RISK_CTF_EXCHANGE_V2("0xe2222d279d744050d28e00520010520000310F59", "2"),
  /** ExchangeV3 (Protocol-V2 markets, neg-risk or not), order version 3. */
  EXCHANGE_V3("0xe3333700cA9d93003F00f0F71f8515005F6c00Aa", "3");

  public static final String DOMAIN_NAME = "Polymarket CTF Exchange";
  public static final long POLYGON_CHAIN_ID = 137;

  private final String address;
  private final String domainVersion;

  Exchange(String address, String domainVersion) {
    this.address = address;
    this.domainVersion = domainVersion;
  }

  public String address() {
    return address;
  }

  public String domainVersion() {
    return domainVersion;
  }

  /**
   * The exchange for an order version ({@code GET /version}) and market.
   *
   * @throws IllegalArgumentException for a version other than 2 or 3 (V1 orders are no longer accepted)
   */
  public static Exchange forVersion(int orderVersion, boolean negRisk) {
    switch (orderVersion) {
      case 2:
        return negRisk ? NEG_RISK_CTF_EXCHANGE_V2 : CTF_EXCHANGE_V2;
      case 3:
        return EXCHANGE_V3;
      default:
        throw new IllegalArgumentException("unsupported Polymarket order version " + orderVersion);
    }
  }
}
