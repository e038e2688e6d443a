package io.github.crossarb.link.transport;

import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.link.LinkChannel;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The controller's view of its traders, one {@link LinkChannel} per trader id. */
public interface TraderDirectory {
  /** The channel of the trader whose last handshake announced {@code venue} (connected or not), if any. */
  Optional<LinkChannel> channelFor(VenueId venue);

  /** Every trader channel so far (one per trader id, kept across its reconnects). */
  List<LinkChannel> channels();

  /** Called on the server's context when a trader id completes its first handshake (channel already created). */
  void onChannel(Consumer<LinkChannel> listener);
}
