package io.github.crossarb.simulator.polymarket;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A wallet the simulator knows from the start, with issued L2 credentials (as if created with
 * L1 at {@code nonce} 0), a pUSD balance and token holdings.
 *
 * @param address the EOA (signer, POLY_ADDRESS)
 * @param funder the proxy or safe that holds the funds for signature types 1 and 2; null for EOA trading
 * @param apiKey issued API key (a UUID)
 * @param secret issued secret (url-safe base64)
 * @param passphrase issued passphrase
 * @param balanceMicros pUSD balance in micros
 * @param tokens token id → shares in micros
 * @param engineAccount the engine account the funding address trades as (e.g. the scenario's
 *     {@code user}, already open with its balance); null to use the funding address itself
 */
public record PolymarketSimAccount(
    String address, String funder, String apiKey, String secret, String passphrase, long balanceMicros,
    Map<String, Long> tokens, String engineAccount) {

  /** An account trading as its own funding address. */
  public PolymarketSimAccount(String address, String funder, String apiKey, String secret, String passphrase,
      long balanceMicros, Map<String, Long> tokens) {
    this(address, funder, apiKey, secret, passphrase, balanceMicros, tokens, null);
  }

  public PolymarketSimAccount {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(passphrase, "passphrase");
    tokens = tokens == null ? Map.of() : Map.copyOf(tokens);
    address = address.toLowerCase(Locale.ROOT);
    funder = funder == null ? null : funder.toLowerCase(Locale.ROOT);
  }

  /** The address whose funds orders use: the funder if any, else the EOA. */
  public String fundingAddress() {
    return funder != null ? funder : address;
  }

  /** Secrets never print. */
  @Override
  public String toString() {
    return "PolymarketSimAccount[address=" + address + ", funder=" + funder + ", apiKey=***, secret=***, passphrase=***"
        + ", balanceMicros=" + balanceMicros + ", tokens=" + tokens + ", engineAccount=" + engineAccount + "]";
  }
}
