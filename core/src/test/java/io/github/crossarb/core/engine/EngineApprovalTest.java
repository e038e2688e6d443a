package io.github.crossarb.core.engine;

import static io.github.crossarb.core.engine.Harness.PAIR;
import static io.github.crossarb.core.engine.Harness.await;
import static io.github.crossarb.core.engine.Harness.awaitFailure;
import static io.github.crossarb.core.engine.Harness.pollUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EngineEvent.Decision;
import io.github.crossarb.core.event.EngineEvent.DecisionKind;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EngineApprovalTest {
  private final Harness h = new Harness();

  @AfterEach
  void close() {
    h.close();
  }

  private Decision awaitingApproval() {
    h.start(Harness.config().approval(ApprovalMode.MANUAL).build());
    h.events.await(EngineEvent.Reconciled.class, r -> r.passed());
    h.pushOpportunity();
    Decision wait = h.events.await(Decision.class, d -> d.kind() == DecisionKind.AWAIT_APPROVAL);
    pollUntil(() -> !h.snapshot().pendingApprovals().isEmpty(), "the pending approval published");
    return wait;
  }

  @Test
  void manualApprovalExecutesTheWaitingOpportunity() throws Exception {
    Decision wait = awaitingApproval();
    assertThat(h.snapshot().pendingApprovals().get(0).executionId()).isEqualTo(wait.executionId());
    assertThat(h.view(PAIR).state()).isEqualTo("awaiting approval");
    assertThat(h.executor().count.get()).isZero();

    await(h.engine.approve(wait.executionId()));

    FakeExecutor.Call call = h.executor().next();
    assertThat(call.request().executionId()).isEqualTo(wait.executionId());
    assertThat(h.events.all(Decision.class).stream().map(Decision::kind))
        .containsSubsequence(DecisionKind.AWAIT_APPROVAL, DecisionKind.APPROVED, DecisionKind.EXECUTE);
    assertThat(awaitFailure(h.engine.approve(wait.executionId())))
        .hasMessageContaining("no opportunity waits for approval");
  }

  @Test
  void approvalOfAnOpportunityThatVanishedSendsNothing() {
    Decision wait = awaitingApproval();
    h.pushNoOpportunity();
    pollUntil(() -> h.view(PAIR).opportunity() == null, "the opportunity gone");
    assertThat(awaitFailure(h.engine.approve(wait.executionId()))).hasMessageContaining("the opportunity is gone");
    assertThat(h.executor().count.get()).isZero();
  }

  @Test
  void rejectWithBlacklistStopsThePair() {
    Decision wait = awaitingApproval();
    await(h.engine.reject(wait.executionId(), true));
    h.events.await(Decision.class, d -> d.kind() == DecisionKind.REJECTED && d.executionId().equals(wait.executionId()));
    h.events.await(EngineEvent.PairStatusChanged.class, p -> p.status().equals("BLACKLISTED"));
    h.pushToken(Harness.NO, "0.45", "0.49"); // a better opportunity: still blacklisted
    h.events.await(Decision.class, d -> d.kind() == DecisionKind.SKIPPED && d.reason().contains("blacklisted"));
    assertThat(h.executor().count.get()).isZero();
    assertThat(h.view(PAIR).blacklistedUntil()).isNotNull();
  }

  @Test
  void rejectWithoutBlacklistDoesNotAskAgainForTheSameOpportunity() {
    Decision wait = awaitingApproval();
    await(h.engine.reject(wait.executionId(), false));
    h.pushOpportunity(); // unchanged books
    h.pushToken(Harness.NO, "0.45", "0.49"); // changed: asked again
    h.events.await(Decision.class, d -> d.kind() == DecisionKind.AWAIT_APPROVAL, 2);
    assertThat(h.events.all(Decision.class, d -> d.kind() == DecisionKind.AWAIT_APPROVAL)).hasSize(2);
    assertThat(h.events.all(EngineEvent.PairStatusChanged.class)).isEmpty();
  }

  @Test
  void unansweredApprovalExpires() {
    h.start(Harness.config().approval(ApprovalMode.MANUAL).approvalTimeout(Duration.ofMillis(200)).build());
    h.events.await(EngineEvent.Reconciled.class, r -> r.passed());
    h.pushOpportunity();
    Decision wait = h.events.await(Decision.class, d -> d.kind() == DecisionKind.AWAIT_APPROVAL);
    h.events.await(Decision.class, d -> d.kind() == DecisionKind.EXPIRED && d.executionId().equals(wait.executionId()));
    pollUntil(() -> h.snapshot().pendingApprovals().isEmpty(), "no pending approval");
    assertThat(awaitFailure(h.engine.approve(wait.executionId()))).hasMessageContaining("no opportunity waits");
    assertThat(h.executor().count.get()).isZero();
  }

  @Test
  void pauseSkipsAndResumeTrades() throws Exception {
    h.start(Harness.config().build());
    h.events.await(EngineEvent.Reconciled.class, r -> r.passed());
    await(h.engine.pause("lunch"));
    assertThat(h.snapshot().trading()).isEqualTo(EngineSnapshot.TradingState.PAUSED);
    h.pushOpportunity();
    h.events.await(Decision.class, d -> d.kind() == DecisionKind.SKIPPED && d.reason().equals("paused: lunch"));
    assertThat(h.executor().count.get()).isZero();
    await(h.engine.resume());
    h.executor().next();
  }
}
