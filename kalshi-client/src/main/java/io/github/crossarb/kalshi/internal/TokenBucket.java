package io.github.crossarb.kalshi.internal;

import java.util.function.LongSupplier;

/**
 * A token bucket that lets callers go into debt: {@link #reserve} always takes the tokens and
 * says how long the caller must wait before sending, so waiting callers queue in order instead of
 * racing. Not thread-safe: used on one Vert.x context.
 */
public final class TokenBucket {
  private final double capacity;
  private final double perNano;
  private final LongSupplier nanoTime;
  private double tokens;
  private long lastNanos;

  public TokenBucket(int capacity, int perSecond, LongSupplier nanoTime) {
    if (capacity <= 0 || perSecond <= 0) {
      throw new IllegalArgumentException("capacity and rate must be positive");
    }
    this.capacity = capacity;
    this.perNano = perSecond / 1e9;
    this.nanoTime = nanoTime;
    this.tokens = capacity;
    this.lastNanos = nanoTime.getAsLong();
  }

  /** Takes {@code cost} tokens; returns the milliseconds to wait before the call may be sent (0 = now). */
  public long reserve(int cost) {
    refill();
    tokens -= cost;
    return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perNano / 1e6);
  }

  /** The venue said 429: our estimate was optimistic, so start from empty. */
  public void drain() {
    refill();
    tokens = Math.min(tokens, 0);
  }

  /** Tokens available now (negative while callers wait). */
  public double available() {
    refill();
    return tokens;
  }

  private void refill() {
    long now = nanoTime.getAsLong();
    // A wall clock may step back: never take tokens away for it.
    tokens = Math.min(capacity, tokens + Math.max(0, now - lastNanos) * perNano);
    lastNanos = Math.max(lastNanos, now);
  }
}
