package io.github.crossarb.core.engine;

import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.book.UntrustedReason;
import io.github.crossarb.core.engine.EngineSnapshot.FeedHealth;
import io.github.crossarb.core.engine.internal.EngineActivity;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.VenueId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The feed health of {@link DashboardViews#feeds}, kept as counts that change with each subscribed
 * book instead of a pass over every subscribed book per snapshot. The owner (on the engine's
 * context) takes a book out before changing it and adds it back after, and adds or removes an
 * instrument when it is subscribed or unsubscribed. A book not followed yet counts as untrusted.
 */
final class FeedCounts {
  private final int[] followed = new int[VenueId.values().length];
  private final int[] trusted = new int[VenueId.values().length];
  private final int[] disconnected = new int[VenueId.values().length];

  void add(InstrumentId id, OrderBook book) {
    count(id, book, 1);
  }

  void remove(InstrumentId id, OrderBook book) {
    count(id, book, -1);
  }

  private void count(InstrumentId id, OrderBook book, int delta) {
    int v = id.venue().ordinal();
    followed[v] += delta;
    if (book != null && book.isTrusted()) {
      trusted[v] += delta;
    } else if (book != null && book.integrity().reason() == UntrustedReason.DISCONNECTED) {
      disconnected[v] += delta;
    }
  }

  /** What {@link DashboardViews#feeds} gives for the books counted. */
  List<FeedHealth> feeds(EngineActivity activity, Instant now) {
    List<FeedHealth> out = new ArrayList<>(VenueId.values().length);
    for (VenueId venue : VenueId.values()) {
      int v = venue.ordinal();
      Instant last = activity.lastBookMessage(venue);
      Duration age = last == null ? null : Duration.between(last, now);
      if (age != null && age.isNegative()) {
        age = Duration.ZERO;
      }
      out.add(new FeedHealth(venue, last, age, trusted[v], followed[v] - trusted[v],
          last != null && disconnected[v] == 0));
    }
    return out;
  }
}
