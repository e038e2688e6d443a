package io.github.crossarb.polymarket.order;

/** Who the maker of an order is, and how the exchange checks the signature. */
public enum SignatureType {
  /** The EOA trades for itself: maker = signer = EOA. */
  EOA(0),
  /** A Polymarket (Magic/email) proxy wallet: maker = the funder, signed by the EOA. */
  POLY_PROXY(1),
  /** A Gnosis Safe: maker = the funder (the Safe), signed by the EOA. */
  POLY_GNOSIS_SAFE(2);

  private final int code;

  SignatureType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** @throws IllegalArgumentException for anything but 0, 1 or 2 (POLY_1271 is not supported) */
  public static SignatureType of(int code) {
    for (SignatureType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    throw new IllegalArgumentException("Polymarket signature type must be 0 (EOA), 1 (proxy) or 2 (Safe), got " + code);
  }
}
