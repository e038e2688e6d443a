package io.github.crossarb.link.controller;

import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.link.LinkChannel;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The channels of the traders known to the controller's link server: one per trader id, lasting
 * across that trader's reconnects. Called on the channels' context.
 */
public interface TraderDirectory {
  /** The channel of the trader that announced {@code venue} in its last handshake, if any. */
  Optional<LinkChannel> channelFor(VenueId venue);

  /** Every trader's channel, connected or not. */
  List<LinkChannel> channels();

  /** Called with each channel created from now on (a trader seen for the first time). */
  void onChannel(Consumer<LinkChannel> listener);
}
