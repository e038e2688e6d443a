package io.github.crossarb.kalshi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.kalshi.KalshiRateTier;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private final AtomicLong nanos = new AtomicLong();

  @Test
  void spendsTheBudgetThenMakesCallersWaitInTurn() {
    TokenBucket bucket = new TokenBucket(100, 100, nanos::get); // Basic write: 100 tokens/s, 100 capacity

    for (int i = 0; i < 10; i++) {
      assertThat(bucket.reserve(KalshiRateTier.DEFAULT_COST)).isZero();
    }
    assertThat(bucket.reserve(10)).isEqualTo(100); // 10 tokens at 100/s
    assertThat(bucket.reserve(10)).isEqualTo(200); // queued behind the first
    nanos.addAndGet(200_000_000L);
    assertThat(bucket.available()).isEqualTo(0.0);
    assertThat(bucket.reserve(2)).isEqualTo(20);
  }

  @Test
  void refillsUpToCapacityOnly() {
    TokenBucket bucket = new TokenBucket(600, 300, nanos::get); // Advanced write: burst of two seconds
    assertThat(bucket.reserve(600)).isZero();
    nanos.addAndGet(10_000_000_000L);
    assertThat(bucket.available()).isEqualTo(600.0);
  }

  @Test
  void a429DrainsTheBucket() {
    TokenBucket bucket = new TokenBucket(200, 200, nanos::get);
    bucket.drain();
    assertThat(bucket.reserve(10)).isEqualTo(50);
  }

  @Test
  void aClockSteppingBackNeverCostsTokens() {
    nanos.set(5_000_000_000L);
    TokenBucket bucket = new TokenBucket(100, 100, nanos::get);
    assertThat(bucket.reserve(50)).isZero();
    nanos.set(1_000_000_000L);
    assertThat(bucket.available()).isEqualTo(50.0);
    nanos.set(5_100_000_000L);
    assertThat(bucket.available()).isEqualTo(60.0);
  }

  @Test
  void tiersFollowTheReference() {
    assertThat(KalshiRateTier.BASIC.writeCapacity()).isEqualTo(100);
    assertThat(KalshiRateTier.ADVANCED.writeCapacity()).isEqualTo(600);
    assertThat(KalshiRateTier.PRESTIGE.readPerSecond()).isEqualTo(10000);
    assertThat(KalshiRateTier.PRESTIGE.writePerSecond()).isEqualTo(8000);
    assertThat(KalshiRateTier.parse(" Premier ")).isEqualTo(KalshiRateTier.PREMIER);
  }
}
