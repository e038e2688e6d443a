package io.github.crossarb.kalshi.auth;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Auth headers for one request path, signed ahead of time on a worker thread so that the order
 * path does not wait for an RSA-PSS-2048 signature (about 0.7 ms, on the caller's event loop).
 *
 * <p>Why this is sound: Kalshi's signature covers {@code timestamp + METHOD + path} only, never the
 * body (see {@link KalshiSigner}), so the headers of the next order-create request can be made
 * before its price and size are known. What keeps it honest:
 * <ul>
 *   <li>each signed header set is handed out <em>at most once</em> (taken off a concurrent deque:
 *       no two requests ever carry the same timestamp and signature);</li>
 *   <li>a set older than {@code maxAge} (or dated in the future, if the clock stepped back) is
 *       discarded, never sent: the timestamp a request carries is always fresh;</li>
 *   <li>the worker renews sets after half of {@code maxAge}, so those handed out are usually
 *       younger than that, and tops the pool up after every take;</li>
 *   <li>when none is ready, {@link #take()} answers null and the caller signs inline, as before.</li>
 * </ul>
 * The pool never holds more than {@code size} sets; signing runs only on the worker thread, which
 * starts with the first {@link #take()} (a client that never submits an order never signs ahead).
 * Prints without any header value.
 */
public final class PresignedHeaders implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(PresignedHeaders.class.getName());

  /** Signed header sets kept ready by default. */
  public static final int DEFAULT_SIZE = 2;
  /** The oldest a pre-signed timestamp may be when it is sent, by default. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(1);

  /** One signed header set; its values never print. */
  private record Signed(long timestampMillis, List<Map.Entry<String, String>> headers) {
    @Override
    public String toString() {
      return "Signed[" + timestampMillis + ", ***]";
    }
  }

  private final KalshiSigner signer;
  private final String method;
  private final String pathAndQuery;
  private final int size;
  private final long maxAgeMillis;
  private final InstantSource clock;
  private final boolean startWorker;
  private final ConcurrentLinkedDeque<Signed> ready = new ConcurrentLinkedDeque<>();
  private final AtomicBoolean refillQueued = new AtomicBoolean();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicLong taken = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();
  private final AtomicLong discarded = new AtomicLong();
  private volatile ScheduledExecutorService worker;
  private volatile boolean closed;

  /**
   * @param method the request's method (e.g. {@code POST})
   * @param pathAndQuery the exact path the request is signed and sent with (including {@code /trade-api/v2})
   */
  public PresignedHeaders(KalshiSigner signer, String method, String pathAndQuery, int size, Duration maxAge,
      InstantSource clock) {
    this(signer, method, pathAndQuery, size, maxAge, clock, true);
  }

  /** {@code startWorker} false: nothing signs ahead until {@link #refill()} is called (tests). */
  PresignedHeaders(KalshiSigner signer, String method, String pathAndQuery, int size, Duration maxAge,
      InstantSource clock, boolean startWorker) {
    this.signer = Objects.requireNonNull(signer, "signer");
    this.method = Objects.requireNonNull(method, "method");
    this.pathAndQuery = Objects.requireNonNull(pathAndQuery, "pathAndQuery");
    if (size < 1) {
      throw new IllegalArgumentException("size must be at least 1: " + size);
    }
    if (maxAge.toMillis() < 2) {
      throw new IllegalArgumentException("max age too short: " + maxAge);
    }
    this.size = size;
    this.maxAgeMillis = maxAge.toMillis();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.startWorker = startWorker;
  }

  public String method() {
    return method;
  }

  public String pathAndQuery() {
    return pathAndQuery;
  }

  /** Whether a request {@code method pathAndQuery} is the one these headers are signed for. */
  public boolean covers(String method, String pathAndQuery) {
    return this.method.equals(method) && this.pathAndQuery.equals(pathAndQuery);
  }

  /**
   * A fresh, never used header set (key, timestamp, signature, in sending order), or null when
   * none is ready: the caller then signs inline. Never blocks, never signs.
   */
  public List<Map.Entry<String, String>> take() {
    if (closed) {
      return null;
    }
    startOnce();
    long now = clock.millis();
    List<Map.Entry<String, String>> headers = null;
    for (Signed signed = ready.pollFirst(); signed != null; signed = ready.pollFirst()) {
      if (fresh(signed, now, maxAgeMillis)) {
        headers = signed.headers();
        break;
      }
      discarded.incrementAndGet();
    }
    if (headers == null) {
      misses.incrementAndGet();
    } else {
      taken.incrementAndGet();
    }
    scheduleRefill();
    return headers;
  }

  private static boolean fresh(Signed signed, long now, long maxAgeMillis) {
    long age = now - signed.timestampMillis();
    return age >= 0 && age <= maxAgeMillis;
  }

  /**
   * Drops the sets past half their life and signs new ones up to the pool's size. Runs on the
   * worker (tests call it directly).
   */
  void refill() {
    refillQueued.set(false);
    if (closed) {
      return;
    }
    long now = clock.millis();
    ready.removeIf(signed -> {
      boolean old = !fresh(signed, now, maxAgeMillis / 2);
      if (old) {
        discarded.incrementAndGet();
      }
      return old;
    });
    // Only this thread adds, so the size can only shrink meanwhile: never more than `size` sets.
    while (!closed && ready.size() < size) {
      long timestamp = clock.millis();
      ready.addLast(new Signed(timestamp, signer.headers(timestamp, method, pathAndQuery)));
    }
  }

  private void startOnce() {
    if (!startWorker || !started.compareAndSet(false, true)) {
      return;
    }
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "kalshi-presign");
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
    long period = Math.max(1, maxAgeMillis / 4);
    executor.scheduleWithFixedDelay(this::refillQuietly, 0, period, TimeUnit.MILLISECONDS);
    worker = executor;
    if (closed) {
      executor.shutdownNow();
    }
  }

  private void scheduleRefill() {
    ScheduledExecutorService executor = worker;
    if (executor != null && !closed && refillQueued.compareAndSet(false, true)) {
      try {
        executor.execute(this::refillQuietly);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        refillQueued.set(false); // closing
      }
    }
  }

  private void refillQuietly() {
    try {
      refill();
    } catch (RuntimeException e) { // e.g. a key that cannot sign: inline signing reports it to the caller
      LOG.log(Level.FINE, "pre-signing failed: " + e.getClass().getSimpleName());
    }
  }

  /** Header sets handed out so far. */
  public long taken() {
    return taken.get();
  }

  /** Takes that found none ready (the caller signed inline). */
  public long misses() {
    return misses.get();
  }

  /** Sets dropped unused because they were too old. */
  public long discarded() {
    return discarded.get();
  }

  /** Sets ready now. */
  public int ready() {
    return ready.size();
  }

  /** Stops signing ahead and forgets the sets not used. */
  @Override
  public void close() {
    closed = true;
    ScheduledExecutorService executor = worker;
    if (executor != null) {
      executor.shutdownNow();
    }
    ready.clear();
  }

  @Override
  public String toString() {
    return "PresignedHeaders[" + method + " " + pathAndQuery + ", ready=" + ready.size() + ", taken=" + taken.get()
        + ", misses=" + misses.get() + "]";
  }
}
