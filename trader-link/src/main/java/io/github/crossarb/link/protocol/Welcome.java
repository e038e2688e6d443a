package io.github.crossarb.link.protocol;

import java.util.Objects;

/**
 * Controller to trader, answering {@link Hello}: the chosen version, the controller's nonce and its
 * proof that it knows the secret (an HMAC over both nonces and the hello).
 *
 * @param streamId random id of the controller's outgoing stream to this trader
 * @param lastReceivedStreamId the trader stream the controller last received from (null if none)
 * @param lastReceivedSeq the last sequence number it received on that stream (0 if none)
 */
public record Welcome(
    int version, String nonce, String streamId, String lastReceivedStreamId, long lastReceivedSeq, String proof)
    implements LinkMessage.Handshake {
  public Welcome {
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(streamId, "streamId");
    Objects.requireNonNull(proof, "proof");
  }
}
