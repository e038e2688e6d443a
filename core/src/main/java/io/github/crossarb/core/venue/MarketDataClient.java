package io.github.crossarb.core.venue;

import io.github.crossarb.core.book.BookSnapshot;
import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.model.InstrumentId;
import io.vertx.core.Future;
import java.util.Collection;

/** Order books: one-off snapshots over REST, and live books over the venue's WebSocket. */
public interface MarketDataClient {
  /** The book as the venue's REST API returns it now, levels sorted best first. */
  Future<BookSnapshot> snapshot(InstrumentId instrument);

  /**
   * Keeps {@code books} live: the venue applies snapshots and updates to them (on its context),
   * and marks them untrusted on a sequence gap, a disconnect, silence or a tick size change,
   * until a new snapshot arrives. Subscriptions are sent in batches and restored after every
   * reconnect. The future completes when the subscribe commands are sent, not when the first
   * snapshots arrive (a new book is {@code AWAITING_SNAPSHOT}).
   */
  Future<BookSubscription> subscribe(Collection<OrderBook> books, BookListener listener);
}
