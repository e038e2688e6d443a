package io.github.crossarb.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.cli.tui.DashboardAction;
import io.github.crossarb.cli.tui.DashboardFixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The attached dashboard's source: polls the daemon, keeps the last state when it stops answering, gives up later. */
@Timeout(60)
class RemoteDashboardTest {
  /** A clock the test moves. */
  private static final class StepClock extends Clock {
    volatile Instant now = Instant.parse("2026-11-27T10:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void followsTheDaemonSendsKeysAndKeepsTheLastStateWhenItGoes() throws Exception {
    ControlServerTest.FakeTarget target = new ControlServerTest.FakeTarget();
    String token = ControlFiles.newToken();
    StepClock clock = new StepClock();
    ControlServer server = ControlServer.start(target, token, 7);
    RemoteDashboard source = new RemoteDashboard(new ControlClient(server.port(), token),
        DashboardFixtures.busy(), clock);
    try {
      target.snapshot = DashboardFixtures.killed();
      assertThat(source.snapshot()).isEqualTo(DashboardFixtures.killed());
      assertThat(source.linkLines()).containsExactly("link: local");
      source.perform(new DashboardAction.Kill("operator (dashboard)")).toCompletionStage().toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
      assertThat(target.actions.poll(10, TimeUnit.SECONDS)).isEqualTo(new DashboardAction.Kill("operator (dashboard)"));
    } finally {
      server.close();
    }
    assertThat(source.snapshot()).as("the last state stays on screen").isEqualTo(DashboardFixtures.killed());
    assertThat(source.linkLines().get(0)).startsWith("daemon unreachable since 2026-11-27T10:00:00Z: ");
    assertThat(source.linkLines()).endsWith("link: local");
    assertThat(source.gone()).isFalse();
    clock.now = clock.now.plus(RemoteDashboard.GIVE_UP).minus(Duration.ofMillis(1));
    source.snapshot();
    assertThat(source.gone()).isFalse();
    clock.now = clock.now.plus(Duration.ofMillis(1));
    source.snapshot();
    assertThat(source.gone()).isTrue();
  }
}
