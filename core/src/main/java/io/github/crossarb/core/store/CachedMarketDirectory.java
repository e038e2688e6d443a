package io.github.crossarb.core.store;

import io.github.crossarb.core.engine.MarketDirectory;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.venue.MarketInfo;
import io.github.crossarb.core.venue.Venue;
import io.vertx.core.Future;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A {@link MarketDirectory} backed by {@code market-cache.json}: a description fetched less than
 * {@code ttl} ago is answered from the cache; otherwise the venue is asked, and its answer is
 * remembered and the file rewritten in the background.
 *
 * <p>Safe to call from any thread (the cache is filled in place under a lock, and {@link #cache()}
 * hands out immutable copies; venue answers may complete on the venue's context). File writes run on {@code writer}, never on the
 * caller's event loop, one at a time; a failed write is reported to {@code onWriteFailure} and
 * never fails a lookup (the cache is only for speed). A venue failure fails the lookup: an
 * expired description is never served in place of the venue's answer.
 */
public final class CachedMarketDirectory implements MarketDirectory {
  /** How long a description is served from the cache unless told otherwise. */
  public static final Duration DEFAULT_TTL = Duration.ofHours(24);

  private final Path dataDir;
  private final Duration ttl;
  private final InstantSource clock;
  private final Executor writer;
  private final Consumer<IOException> onWriteFailure;
  /** The cache, filled in place (guarded by itself): remembering a market costs O(1), not a copy. */
  private final MarketCache.Builder live;
  /** {@link #live} as an immutable cache, built when asked for after a change (guarded by {@link #live}). */
  private MarketCache published;
  private final AtomicBoolean writeScheduled = new AtomicBoolean();
  private final Object writeLock = new Object();
  /** When the file was last written ({@link System#nanoTime()}), for {@link #MIN_WRITE_INTERVAL_NANOS}. */
  private volatile long lastWriteNanos = System.nanoTime() - MIN_WRITE_INTERVAL_NANOS;

  /**
   * At most one rewrite of the whole file per this interval: the engine's start fetches thousands
   * of markets, and rewriting the file for each (it holds them all) made the start quadratic
   * (5,000 pairs: gigabytes written and allocated, close to the start timeout). At 250 ms the
   * rewrites (a 3 MB document each, built as a tree and a string) still led the start's
   * allocation with a 400 MB heap: humongous allocations, mixed and full collections.
   */
  private static final long MIN_WRITE_INTERVAL_NANOS = 2_000_000_000L;

  /**
   * @param dataDir where {@code market-cache.json} lives
   * @param initial the cache to start from (usually read from the file)
   * @param ttl how long a fetched description stays fresh
   * @param writer runs file writes (blocking I/O), e.g. a worker executor
   * @param onWriteFailure told when the file could not be written
   */
  public CachedMarketDirectory(Path dataDir, MarketCache initial, Duration ttl, InstantSource clock, Executor writer,
      Consumer<IOException> onWriteFailure) {
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    this.live = Objects.requireNonNull(initial, "initial").toBuilder();
    this.published = initial;
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("ttl must not be negative: " + ttl);
    }
    this.clock = Objects.requireNonNull(clock, "clock");
    this.writer = Objects.requireNonNull(writer, "writer");
    this.onWriteFailure = Objects.requireNonNull(onWriteFailure, "onWriteFailure");
  }

  /**
   * A directory over {@code dataDir/market-cache.json}. A file that cannot be read is reported to
   * {@code onProblem} and treated as empty (it is rebuilt from the venues), never a reason not to start.
   */
  public static CachedMarketDirectory open(Path dataDir, Duration ttl, InstantSource clock, Executor writer,
      Consumer<IOException> onProblem) {
    MarketCache initial;
    try {
      initial = MarketCache.read(dataDir);
    } catch (IOException e) {
      onProblem.accept(e);
      initial = MarketCache.empty();
    }
    return new CachedMarketDirectory(dataDir, initial, ttl, clock, writer, onProblem);
  }

  @Override
  public Future<MarketInfo> market(Venue venue, InstrumentId instrument) {
    if (instrument.venue() != venue.id()) {
      return Future.failedFuture(new IllegalArgumentException(instrument + " is not at " + venue.id()));
    }
    MarketInfo cached;
    synchronized (live) {
      cached = live.fresh(instrument, clock.instant()).orElse(null);
    }
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    return venue.market(instrument).map(market -> {
      remember(market);
      return market;
    });
  }

  /** Remembers {@code market} as fetched now (e.g. by {@code pairs approve}) and rewrites the file. */
  public void remember(MarketInfo market) {
    Instant now = clock.instant();
    synchronized (live) {
      live.put(market, now, ttl);
      published = null;
    }
    scheduleWrite();
  }

  /** The cache as it is now. */
  public MarketCache cache() {
    synchronized (live) {
      if (published == null) {
        published = live.build();
      }
      return published;
    }
  }

  private void scheduleWrite() {
    // Coalesces bursts (the engine's start asks for every pair at once) into few writes.
    if (writeScheduled.compareAndSet(false, true)) {
      writer.execute(this::writeNow);
    }
  }

  private void writeNow() {
    long wait = lastWriteNanos + MIN_WRITE_INTERVAL_NANOS - System.nanoTime();
    if (wait > 0) {
      // Still marked scheduled: the markets remembered meanwhile ride along with this write.
      java.util.concurrent.locks.LockSupport.parkNanos(wait);
    }
    writeScheduled.set(false);
    synchronized (writeLock) {
      try {
        cache().withoutExpiredAt(clock.instant()).write(dataDir);
        lastWriteNanos = System.nanoTime();
      } catch (IOException e) {
        onWriteFailure.accept(e);
      } catch (RuntimeException e) {
        onWriteFailure.accept(new IOException("cannot write " + MarketCache.path(dataDir) + ": " + e.getMessage(), e));
      }
    }
  }
}
