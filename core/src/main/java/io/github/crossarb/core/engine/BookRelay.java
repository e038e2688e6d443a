package io.github.crossarb.core.engine;

import io.github.crossarb.core.book.BookSnapshot;
import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.book.UntrustedReason;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.venue.BookListener;
import io.vertx.core.Context;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Carries venue book updates onto the engine's context. A venue writes its own copy of a book on
 * its context; this listener copies the book's state there (where reading it is safe) and hands the
 * copy to the engine's context, so the engine's books have a single writer whichever context the
 * venue runs on. Updates that arrive while one is pending replace it: a burst costs one evaluation.
 */
final class BookRelay implements BookListener {
  /**
   * A trusted book's levels, or why it is untrusted, and when it arrived ({@link System#nanoTime()}
   * in the venue's callback, for the tick-to-order latency).
   */
  record Update(BookSnapshot snapshot, UntrustedReason untrusted, long arrivedNanos) {}

  private final Context context;
  private final Consumer<InstrumentId> onEngineContext;
  private final EngineProbe probe;
  private final Map<InstrumentId, Update> pending = new ConcurrentHashMap<>();
  private final Set<InstrumentId> scheduled = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /**
   * @param onEngineContext called on the engine's context with the instrument whose latest update
   *     is ready in {@link #take}
   * @param probe told of every update as it arrives (on the venue's context)
   */
  BookRelay(Context context, Consumer<InstrumentId> onEngineContext, EngineProbe probe) {
    this.context = context;
    this.onEngineContext = onEngineContext;
    this.probe = probe;
  }

  @Override
  public void onBookUpdated(OrderBook book) {
    long arrived = System.nanoTime();
    count(book);
    if (book.isTrusted()) {
      offer(book.instrument(), new Update(book.snapshot(), null, arrived));
    } else {
      offer(book.instrument(), new Update(null, book.integrity().reason(), arrived));
    }
  }

  @Override
  public void onBookUntrusted(OrderBook book, UntrustedReason reason) {
    long arrived = System.nanoTime();
    count(book);
    offer(book.instrument(), new Update(null, reason == null ? UntrustedReason.INVALID_UPDATE : reason, arrived));
  }

  private void count(OrderBook book) {
    try {
      probe.bookUpdate(book.instrument().venue());
    } catch (RuntimeException e) {
      // A probe must not throw; if one does, the update still reaches the engine.
    }
  }

  /** The latest update of {@code instrument} not yet taken, or null. Engine context only. */
  Update take(InstrumentId instrument) {
    return pending.remove(instrument);
  }

  void close() {
    closed = true;
  }

  private void offer(InstrumentId instrument, Update update) {
    if (closed) {
      return;
    }
    pending.put(instrument, update);
    if (scheduled.add(instrument)) {
      // Always a hop, even from the engine's own context: never evaluate (and maybe send orders)
      // from inside a venue's frame handler.
      context.runOnContext(v -> {
        scheduled.remove(instrument);
        if (!closed) {
          onEngineContext.accept(instrument);
        }
      });
    }
  }
}
