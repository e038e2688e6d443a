package io.github.crossarb.polymarket.auth;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * L1 authentication: the {@code ClobAuth} EIP-712 signature that creates or derives API keys.
 * Domain {@code {name:"ClobAuthDomain", version:"1", chainId}} without a verifying contract.
 */
public final class ClobAuthSigner {
  static final String DOMAIN_TYPE = "EIP712Domain(string name,string version,uint256 chainId)";
  static final String CLOB_AUTH_TYPE = "ClobAuth(address address,string timestamp,uint256 nonce,string message)";
  static final String MESSAGE = "This message attests that I control the given wallet";

  private final PolymarketWallet wallet;
  private final byte[] domainSeparator;

  public ClobAuthSigner(PolymarketWallet wallet, long chainId) {
    this.wallet = Objects.requireNonNull(wallet, "wallet");
    this.domainSeparator = Eip712.keccak(Eip712.concat(
        Eip712.keccak(DOMAIN_TYPE),
        Eip712.keccak("ClobAuthDomain"),
        Eip712.keccak("1"),
        Eip712.uint(chainId)));
  }

  /** The signature over {@code ClobAuth(address, timestamp, nonce, message)}. */
  public String sign(long timestampSeconds, long nonce) {
    byte[] structHash = Eip712.keccak(Eip712.concat(
        Eip712.keccak(CLOB_AUTH_TYPE),
        Eip712.address(wallet.address()),
        Eip712.keccak(Long.toString(timestampSeconds)),
        Eip712.uint(BigInteger.valueOf(nonce)),
        Eip712.keccak(MESSAGE)));
    return wallet.signDigest(Eip712.digest(domainSeparator, structHash));
  }

  /** The four L1 headers, in the order the official client sends them. */
  public List<Map.Entry<String, String>> headers(long timestampSeconds, long nonce) {
    if (nonce < 0) {
      throw new IllegalArgumentException("nonce must not be negative");
    }
    return List.of(
        Map.entry("POLY_ADDRESS", wallet.address()),
        Map.entry("POLY_SIGNATURE", sign(timestampSeconds, nonce)),
        Map.entry("POLY_TIMESTAMP", Long.toString(timestampSeconds)),
        Map.entry("POLY_NONCE", Long.toString(nonce)));
  }
}
