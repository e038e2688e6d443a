package io.github.crossarb.core.venue;

import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.book.UntrustedReason;

/** Told after a subscribed book changed. Called on the venue's context, never concurrently. */
public interface BookListener {
  /** {@code book} took a snapshot or an update; it may be trusted again. */
  void onBookUpdated(OrderBook book);

  /** {@code book} became untrusted; it stays so until its next snapshot. */
  default void onBookUntrusted(OrderBook book, UntrustedReason reason) {}
}
