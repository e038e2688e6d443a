package io.github.crossarb.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.cli.TestKeys;
import io.github.crossarb.cli.doctor.CheckResult.Status;
import io.github.crossarb.core.model.VenueId;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VenueGateTest {
  @TempDir Path dir;
  private final AtomicInteger runs = new AtomicInteger();
  private final DoctorCheck inner = new DoctorCheck() {
    @Override
    public String name() {
      return "clock kalshi";
    }

    @Override
    public CheckResult run() {
      runs.incrementAndGet();
      return CheckResult.ok(name(), "ran");
    }
  };

  @Test
  void anUnconfiguredVenueIsNotCheckedButWarned() throws Exception {
    CheckResult result = VenueGate.of(DoctorTestSupport.config(dir), VenueId.KALSHI, inner).run();
    assertThat(result.status()).isEqualTo(Status.WARN);
    assertThat(result.check()).isEqualTo("clock kalshi");
    assertThat(result.found()).contains("Kalshi is not configured");
    assertThat(runs).hasValue(0);
  }

  @Test
  void aConfiguredOrRemoteVenueIsChecked() throws Exception {
    assertThat(VenueGate.of(DoctorTestSupport.config(dir, "KALSHI_API_KEY_ID", TestKeys.KALSHI_KEY_ID),
        VenueId.KALSHI, inner).run().found()).isEqualTo("ran");
    assertThat(VenueGate.of(DoctorTestSupport.config(dir, "ARB_EXECUTE_REMOTE", "kalshi", "TRADER_LINK_LISTEN",
        "127.0.0.1:0", "TRADER_LINK_SECRET", "s".repeat(32)), VenueId.KALSHI, inner).run().found()).isEqualTo("ran");
    assertThat(runs).hasValue(2);
  }
}
