package io.github.crossarb.core.book;

import java.util.Objects;

/** Whether a book can be traded on, and if not, why. Immutable. */
public record BookIntegrity(boolean trusted, UntrustedReason reason) {
  public static final BookIntegrity TRUSTED = new BookIntegrity(true, null);

  public BookIntegrity {
    if (trusted != (reason == null)) {
      throw new IllegalArgumentException("a trusted book has no reason; an untrusted one has one");
    }
  }

  public static BookIntegrity untrusted(UntrustedReason reason) {
    return new BookIntegrity(false, Objects.requireNonNull(reason, "reason"));
  }

  @Override
  public String toString() {
    return trusted ? "TRUSTED" : "UNTRUSTED(" + reason + ")";
  }
}
