package io.github.crossarb.link.protocol;

import java.util.Objects;

/** Trader to controller, after checking {@link Welcome}: its own proof that it knows the secret. */
public record Authenticate(String proof) implements LinkMessage.Handshake {
  public Authenticate {
    Objects.requireNonNull(proof, "proof");
  }
}
