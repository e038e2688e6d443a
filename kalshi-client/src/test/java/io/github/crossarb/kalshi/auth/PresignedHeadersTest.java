package io.github.crossarb.kalshi.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.kalshi.KalshiTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class PresignedHeadersTest {
  private static final String PATH = "/trade-api/v2/portfolio/events/orders";

  private final AtomicLong now = new AtomicLong(1_800_000_000_000L);
  private final InstantSource clock = () -> Instant.ofEpochMilli(now.get());
  private final KalshiSigner signer = new KalshiSigner(KalshiTestSupport.credentials());

  private PresignedHeaders manual(int size) {
    return new PresignedHeaders(signer, "POST", PATH, size, Duration.ofSeconds(1), clock, false);
  }

  private static String header(List<Map.Entry<String, String>> headers, String name) {
    return headers.stream().filter(h -> h.getKey().equals(name)).map(Map.Entry::getValue).findFirst().orElseThrow();
  }

  @Test
  void signedHeadersVerifyAndCarryKeyTimestampAndSignatureInOrder() {
    PresignedHeaders pool = manual(2);
    pool.refill();
    List<Map.Entry<String, String>> headers = pool.take();

    assertThat(headers).extracting(Map.Entry::getKey).containsExactly(
        KalshiSigner.KEY_HEADER, KalshiSigner.TIMESTAMP_HEADER, KalshiSigner.SIGNATURE_HEADER);
    assertThat(header(headers, KalshiSigner.KEY_HEADER)).isEqualTo(KalshiTestSupport.KEY_ID);
    assertThat(header(headers, KalshiSigner.TIMESTAMP_HEADER)).isEqualTo(Long.toString(now.get()));
    assertThat(KalshiSigner.verify(KalshiTestSupport.publicKey(),
        KalshiSigner.stringToSign(now.get(), "POST", PATH), header(headers, KalshiSigner.SIGNATURE_HEADER))).isTrue();
    assertThat(pool.covers("POST", PATH)).isTrue();
    assertThat(pool.covers("DELETE", PATH)).isFalse();
    assertThat(pool.covers("POST", PATH + "/batched")).isFalse();
  }

  @Test
  void eachSetIsHandedOutOnceThenTheCallerSignsInline() {
    PresignedHeaders pool = manual(3);
    pool.refill();
    Set<String> signatures = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      List<Map.Entry<String, String>> headers = pool.take();
      assertThat(headers).isNotNull();
      assertThat(signatures.add(header(headers, KalshiSigner.SIGNATURE_HEADER))).isTrue();
    }
    assertThat(pool.take()).as("nothing left: sign inline").isNull();
    assertThat(pool.taken()).isEqualTo(3);
    assertThat(pool.misses()).isEqualTo(1);

    pool.refill(); // refilled after use
    assertThat(pool.ready()).isEqualTo(3);
    assertThat(header(pool.take(), KalshiSigner.SIGNATURE_HEADER)).isNotIn(signatures);
  }

  @Test
  void concurrentTakersNeverShareASet() throws Exception {
    PresignedHeaders pool = manual(8);
    pool.refill();
    ConcurrentLinkedQueue<String> got = new ConcurrentLinkedQueue<>();
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<Void>> takers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      takers.add(CompletableFuture.runAsync(() -> {
        try {
          go.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        for (int i = 0; i < 5; i++) {
          List<Map.Entry<String, String>> headers = pool.take();
          if (headers != null) {
            got.add(header(headers, KalshiSigner.SIGNATURE_HEADER));
          }
        }
      }));
    }
    go.countDown();
    CompletableFuture.allOf(takers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    assertThat(got).hasSize(8).doesNotHaveDuplicates();
    assertThat(pool.misses()).isEqualTo(12);
  }

  @Test
  void staleSetsAreNeverHandedOut() {
    PresignedHeaders pool = manual(2);
    pool.refill();
    now.addAndGet(1_001); // past the 1 s max age
    assertThat(pool.take()).isNull();
    assertThat(pool.discarded()).isEqualTo(2);

    pool.refill();
    now.addAndGet(1_000); // exactly the max age: still fresh
    List<Map.Entry<String, String>> headers = pool.take();
    assertThat(headers).isNotNull();
    assertThat(now.get() - Long.parseLong(header(headers, KalshiSigner.TIMESTAMP_HEADER))).isEqualTo(1_000);
  }

  @Test
  void refillRenewsSetsPastHalfTheirLifeAndSetsFromTheFutureAreDropped() {
    PresignedHeaders pool = manual(1);
    pool.refill();
    long first = now.get();
    now.addAndGet(501);
    pool.refill();
    assertThat(header(pool.take(), KalshiSigner.TIMESTAMP_HEADER)).isEqualTo(Long.toString(now.get()));

    pool.refill();
    now.addAndGet(-10); // the clock stepped back: a timestamp "from the future" is not sent
    assertThat(pool.take()).isNull();
    assertThat(first).isLessThan(now.get());
  }

  @Test
  void theWorkerSignsAheadAfterTheFirstTake() throws Exception {
    try (PresignedHeaders pool = new PresignedHeaders(signer, "POST", PATH, 2, Duration.ofSeconds(1), clock)) {
      assertThat(pool.ready()).as("nothing signed before the first use").isZero();
      List<Map.Entry<String, String>> headers = pool.take(); // starts the worker (ready or not, by now)
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (headers == null && System.nanoTime() < deadline) {
        headers = pool.take();
        Thread.onSpinWait();
      }
      assertThat(headers).as("a pre-signed set within 20 s").isNotNull();
      assertThat(KalshiSigner.verify(KalshiTestSupport.publicKey(),
          KalshiSigner.stringToSign(now.get(), "POST", PATH), header(headers, KalshiSigner.SIGNATURE_HEADER))).isTrue();
    }
  }

  @Test
  void closedPoolHandsOutNothing() {
    PresignedHeaders pool = manual(2);
    pool.refill();
    pool.close();
    assertThat(pool.take()).isNull();
    assertThat(pool.ready()).isZero();
  }

  @Test
  void toStringShowsNoHeaderValue() {
    PresignedHeaders pool = manual(2);
    pool.refill();
    String text = pool.toString();
    assertThat(text).contains("ready=2").doesNotContain(KalshiTestSupport.KEY_ID);
    List<Map.Entry<String, String>> headers = pool.take();
    assertThat(pool.toString()).doesNotContain(header(headers, KalshiSigner.SIGNATURE_HEADER))
        .doesNotContain(KalshiTestSupport.KEY_ID);
  }
}
