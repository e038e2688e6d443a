package io.github.crossarb.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.cli.doctor.CheckResult.Status;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DoctorTest {
  private static DoctorCheck check(String name, java.util.concurrent.Callable<CheckResult> body) {
    return new DoctorCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public CheckResult run() throws Exception {
        return body.call();
      }
    };
  }

  @Test
  void aStuckCheckFailsAtItsDeadlineWithoutHoldingUpTheOthers() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    CountDownLatch fastRan = new CountDownLatch(1);
    try {
      List<CheckResult> results = Doctor.run(List.of(
          check("slow venue", () -> {
            never.await(60, TimeUnit.SECONDS); // stands for a venue that does not answer
            return CheckResult.ok("slow venue", "late");
          }),
          check("fast", () -> {
            fastRan.countDown();
            return CheckResult.ok("fast", "done");
          })), Duration.ofSeconds(1));

      assertThat(results).extracting(CheckResult::check).containsExactly("slow venue", "fast");
      assertThat(results.get(0).status()).isEqualTo(Status.FAIL);
      assertThat(results.get(0).found()).isEqualTo("no result within 1 s");
      assertThat(results.get(1).status()).isEqualTo(Status.OK);
      assertThat(fastRan.getCount()).isZero();
    } finally {
      never.countDown();
    }
  }

  @Test
  void aCheckThatThrowsIsAFailWithItsMessage() {
    List<CheckResult> results = Doctor.run(List.of(check("broken", () -> {
      throw new IllegalStateException("disk on fire");
    })), Duration.ofSeconds(5));
    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo(Status.FAIL);
      assertThat(r.found()).isEqualTo("check failed: disk on fire");
    });
  }

  @Test
  void resultsAreOneLine() {
    CheckResult result = CheckResult.warn("x", "first\nsecond\r\n third", "a\nb");
    assertThat(result.found()).isEqualTo("first second third");
    assertThat(result.hint()).isEqualTo("a b");
  }
}
