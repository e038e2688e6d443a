package io.github.crossarb.core.venue;

import io.vertx.core.Future;

/** Live books started by {@link MarketDataClient#subscribe}. */
public interface BookSubscription {
  /** Stops updating the books (unsubscribes at the venue); they are left as they are. */
  Future<Void> cancel();
}
