package io.github.crossarb.link.trader;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.model.VenueOrderId;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.position.FillVoid;
import io.github.crossarb.core.venue.CancelResult;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.RateLimitedException;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.core.venue.VenueAuthException;
import io.github.crossarb.core.venue.VenueConfigException;
import io.github.crossarb.core.venue.VenueProtocolException;
import io.github.crossarb.core.venue.VenueRejectedException;
import io.github.crossarb.core.venue.VenueUnavailableException;
import io.github.crossarb.link.protocol.AccountSnapshot;
import io.github.crossarb.link.protocol.CancelAll;
import io.github.crossarb.link.protocol.CancelAllResult;
import io.github.crossarb.link.protocol.CancelLeg;
import io.github.crossarb.link.protocol.CancelLegResult;
import io.github.crossarb.link.protocol.CommandFailed;
import io.github.crossarb.link.protocol.DisconnectReason;
import io.github.crossarb.link.protocol.FailureKind;
import io.github.crossarb.link.protocol.FetchAccount;
import io.github.crossarb.link.protocol.FetchOpenOrders;
import io.github.crossarb.link.protocol.FillConfirmedReport;
import io.github.crossarb.link.protocol.FillReport;
import io.github.crossarb.link.protocol.FillVoidReport;
import io.github.crossarb.link.protocol.FindOrder;
import io.github.crossarb.link.protocol.LegAck;
import io.github.crossarb.link.protocol.LegPrepared;
import io.github.crossarb.link.protocol.LegResult;
import io.github.crossarb.link.protocol.LinkMessage;
import io.github.crossarb.link.protocol.OpenOrders;
import io.github.crossarb.link.protocol.OrderFound;
import io.github.crossarb.link.protocol.PlaceLeg;
import io.github.crossarb.link.protocol.PrepareLeg;
import io.github.crossarb.link.protocol.VenueStreamState;
import io.github.crossarb.link.trader.TraderStatus.DeadmanState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TraderEndpointTest {
  @TempDir Path dir;

  @Test
  void aLegIsAckedSentOnceAndAnsweredWithTheVenueResult() throws Exception {
    try (EndpointHarness h = new EndpointHarness(dir).start()) {
      h.send(h.leg("c1", "0.40", "10"));

      assertThat(h.next(LegAck.class).commandId()).isEqualTo("c1");
      LegResult result = h.next(LegResult.class);
      assertThat(result.commandId()).isEqualTo("c1");
      assertThat(result.result()).isInstanceOf(SubmitResult.Accepted.class);
      assertThat(h.kalshi().submitsOf("c1")).isEqualTo(1);
      assertThat(h.journal.find("c1").orElseThrow().state()).isEqualTo(CommandJournal.State.DONE);
      assertThat(h.journal.sentOn(h.clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate()))
          .isEqualTo(Money.parse("4"));
      h.awaitStatus(s -> s.legsDone() == 1 && s.notionalToday().equals(Money.parse("4")) && s.connected());
      assertThat(h.logs).anyMatch(l -> l.startsWith("leg c1 sending"));
    }
  }

  @Test
  void aLegDeliveredTwiceWhileInFlightIsSentOnceAndAnsweredOnce() throws Exception {
    try (EndpointHarness h = new EndpointHarness(dir).start()) {
      h.kalshi().mode = RecordingExecutionClient.Mode.HOLD;
      PlaceLeg leg = h.leg("c1", "0.40", "10");
      h.send(leg);
      h.send(leg);
      RecordingExecutionClient.Held held = h.kalshi().held.poll(10, TimeUnit.SECONDS);
      assertThat(held).isNotNull();
      h.awaitStatus(s -> s.legsInFlight() == 1);
      h.barrier();
      assertThat(h.kalshi().submitsOf("c1")).isEqualTo(1);

      h.run(held::accept);
      h.next(LegResult.class);
      List<LinkMessage> all = h.drain();
      assertThat(all).filteredOn(LegResult.class::isInstance).hasSize(1);
      assertThat(all).filteredOn(LegAck.class::isInstance).hasSize(1);

      // Delivered once more after it is done: the recorded answer again, still one submit.
      h.send(leg);
      LegResult again = h.next(LegResult.class);
      assertThat(again.result()).isEqualTo(RecordingExecutionClient.accepted(leg.order()));
      assertThat(h.kalshi().submitsOf("c1")).isEqualTo(1);
    }
  }

  @Test
  void aResendAfterARestartGetsTheRecordedResultWithoutASecondSubmit() throws Exception {
    try (EndpointHarness h = new EndpointHarness(dir).start()) {
      PlaceLeg leg = h.leg("c1", "0.40", "10");
      h.send(leg);
      SubmitResult first = h.next(LegResult.class).result();

      h.restart();
      h.send(leg);
      LegResult again = h.next(LegResult.class);
      assertThat(again.result()).isEqualTo(first);
      assertThat(h.drain()).noneMatch(LegAck.class::isInstance);
      assertThat(h.kalshi().submitsOf("c1")).isEqualTo(1);
    }
  }

  @Test
  void aLegLeftSendingByACrashedProcessIsAnsweredUnknownAndNeverSentAgain() throws Exception {
    try (EndpointHarness h = new EndpointHarness(dir).start()) {
      h.kalshi().mode = RecordingExecutionClient.Mode.HOLD;
      PlaceLeg leg = h.leg("c1", "0.40", "10");
      h.send(leg);
      h.next(LegAck.class);
      assertThat(h.kalshi().held.poll(10, TimeUnit.SECONDS)).isNotNull();

      h.restart(); // the process died with the submit in flight
      h.kalshi().mode = RecordingExecutionClient.Mode.ACCEPT;
      h.send(leg);
      LegResult result = h.next(LegResult.class);
      assertThat(result.result()).isEqualTo(new SubmitResult.Unknown(new ClientOrderId("c1"),
          TraderEndpoint.RESTARTED_WHILE_SENDING));
      assertThat(h.kalshi().submitsOf("c1")).isEqualTo(1);

      // And so it stays, across yet another restart.
      h.restart();
      h.send(leg);
      assertThat(h.next(LegResult.class).result()).isInstanceOf(SubmitResult.Unknown.class);
      assertThat(h.kalshi().submitsOf("c1")).isEqualTo(1);
    }
  }

  @Test
  void aLegPastItsDeadlineIsDeniedAndNotSent() throws Exception {
    try (EndpointHarness h = new EndpointHarness(dir).start()) {
      PlaceLeg leg = new PlaceLeg("c1", VenueId.KALSHI, EndpointHarness.order("c1", "0.40", "10", TimeInForce.IOC),
          h.clock.instant().minusMillis(1));
      h.send(leg);
      SubmitResult result = h.next(LegResult.class).result();
      assertThat(result).isInstanceOf(SubmitResult.Denied.class);
      assertThat(((SubmitResult.Denied) result).reason()).startsWith("deadline passed");
      assertThat(h.drain()).noneMatch(LegAck.class::isInstance);
      assertThat(h.kalshi().totalSubmits()).isZero();
      // Recorded: a resend gets the same refusal.
      h.send(leg);
      assertThat(h.next(LegResult.class).result()).isEqualTo(result);
      h.awaitStatus(s -> s.legsDenied() == 1);
    }
  }

  @Test
  void aLegAboveTheOrderNotionalIsDenied() throws Exception {
    try (EndpointHarness h = new EndpointHarness(dir).start()) {
      h.send(h.leg("big", "0.50", "101")); // 50.50 > 50
      SubmitResult.Denied denied = (SubmitResult.Denied) h.next(LegResult.class).result();
      assertThat(denied.reason()).contains("max order notional 50");
      // A sell counts too.
      OrderRequest sell = new OrderRequest(new ClientOrderId("sell"), InstrumentId.kalshi(EndpointHarness.TICKER),
          Outcome.YES, Side.SELL, Price.parse("0.99"), Quantity.of(60), TimeInForce.IOC, false, null);
      h.send(new PlaceLeg("sell", VenueId.KALSHI, sell, h.clock.instant().plusSeconds(5)));
      assertThat(h.next(LegResult.class).result()).isInstanceOf(SubmitResult.Denied.class);
      h.send(h.leg("ok", "0.50", "100")); // exactly 50
      assertThat(h.next(LegResult.class).result()).isInstanceOf(SubmitResult.Accepted.class);
      assertThat(h.kalshi().totalSubmits()).isEqualTo(1);
    }
  }

  @Test
  void theDailyNotionalIsKeptAcrossARestartAndResetsTheNextUtcDay() throws Exception {
    try (EndpointHarness h = new EndpointHarness(dir).start()) {
      h.send(h.leg("a", "0.50", "80")); // 40
      h.send(h.leg("b", "0.50", "80")); // 80
      assertThat(h.next(LegResult.class, r -> r.commandId().equals("b")).result())
          .isInstanceOf(SubmitResult.Accepted.class);
      h.send(h.leg("c", "0.50", "50")); // 105 > 100
      SubmitResult.Denied denied = (SubmitResult.Denied) h.next(LegResult.class, r -> r.commandId().equals("c"))
          .result();
      assertThat(denied.reason()).contains("daily notional would be 105").contains("max daily notional 100");

      h.restart();
      h.send(h.leg("d", "0.50", "50"));
      assertThat(h.next(LegResult.class).result()).isInstanceOf(SubmitResult.Denied.class);
      h.send(h.leg("e", "0.50", "40")); // exactly 100
      assertThat(h.next(LegResult.class).result()).isInstanceOf(SubmitResult.Accepted.class);
      h.awaitStatus(s -> s.notionalToday().equals(Money.parse("100")));

      h.clock.set(Instant.parse("2026-11-28T00:00:01Z"));
      h.send(h.leg("f", "0.50", "80"));
      assertThat(h.next(LegResult.class).result()).isInstanceOf(SubmitResult.Accepted.class);
      assertThat(h.kalshi().totalSubmits()).isEqualTo(4);
    }
  }

  @Test
  void aMarketNotAllowedOrAVenueNotServedIsDenied() throws Exception {
    try (EndpointHarness h = new EndpointHarness(dir).start()) {
      OrderRequest other = new OrderRequest(new ClientOrderId("x"), InstrumentId.kalshi("KXBTC-26DEC"), Outcome.YES,
          Side.BUY, Price.parse("0.10"), Quantity.of(1), TimeInForce.IOC, false, null);
      h.send(new PlaceLeg("x", VenueId.KALSHI, other, h.clock.instant().plusSeconds(5)));
      assertThat(((SubmitResult.Denied) h.next(LegResult.class).result()).reason())
          .isEqualTo("market KALSHI:KXBTC-26DEC is not in the trader's allowed markets");

      OrderRequest poly = new OrderRequest(new ClientOrderId("p"), InstrumentId.polymarket("123"), Outcome.NO,
          Side.BUY, Price.parse("0.10"), Quantity.of(1), TimeInForce.IOC, false, null);
      h.send(new PlaceLeg("p", VenueId.POLYMARKET, poly, h.clock.instant().plusSeconds(5)));
      assertThat(((SubmitResult.Denied) h.next(LegResult.class).result()).reason())
          .isEqualTo("venue polymarket is not served by trader laptop");
      h.send(new FetchOpenOrders("q", VenueId.POLYMARKET));
      assertThat(h.next(CommandFailed.class).kind()).isEqualTo(FailureKind.CONFIG);
      assertThat(h.kalshi().totalSubmits()).isZero();
    }
  }

  @Test
  void aLegWhoseCommandIdIsNotItsClientOrderIdIsDenied() throws Exception {
    try (EndpointHarness h = new EndpointHarness(dir).start()) {
      h.send(new PlaceLeg("cmd-1", VenueId.KALSHI, EndpointHarness.order("other", "0.10", "1", TimeInForce.IOC),
          h.clock.instant().plusSeconds(5)));
      assertThat(((SubmitResult.Denied) h.next(LegResult.class).result()).reason())
          .isEqualTo("command id cmd-1 is not the order's client order id other");
      assertThat(h.kalshi().totalSubmits()).isZero();
    }
  }

  @Test
  void allowedMarketPatterns() {
    InstrumentId fed = InstrumentId.kalshi("KXFED-26DEC-T4.25");
    assertThat(TraderEndpoint.allows(List.of("*"), fed)).isTrue();
    assertThat(TraderEndpoint.allows(List.of("KALSHI:KXFED-26DEC-T4.25"), fed)).isTrue();
    assertThat(TraderEndpoint.allows(List.of("KALSHI:KXFED-*"), fed)).isTrue();
    assertThat(TraderEndpoint.allows(List.of("KALSHI:KXFED-26DEC-T4.2"), fed)).isFalse();
    assertThat(TraderEndpoint.allows(List.of("POLYMARKET:*"), fed)).isFalse();
    assertThat(TraderEndpoint.allows(List.of(), fed)).isFalse();
  }

  @Test
  void theDeadMansSwitchCancelsOpenOrdersRefusesLegsAndClearsOnANewHandshake() throws Exception {
    try (EndpointHarness h = new EndpointHarness(dir)) {
      h.deadman = Duration.ofSeconds(2);
      h.start();
      PlaceLeg resting = new PlaceLeg("gtc", VenueId.KALSHI, EndpointHarness.order("gtc", "0.10", "5", TimeInForce.GTC),
          h.clock.instant().plusSeconds(5));
      h.send(resting);
      h.next(LegResult.class);
      assertThat(h.kalshi().open).hasSize(1);
      h.kalshi().cancelAllFailuresLeft.set(2); // the venue fails twice: retried

      // The link looks up, but nothing comes from the controller (a half-open connection).
      h.clock.advance(Duration.ofSeconds(3));
      h.awaitStatus(s -> s.deadman() == DeadmanState.TRIPPED);
      assertThat(h.kalshi().open).isEmpty();
      assertThat(h.kalshi().cancelAllCalls.get()).isEqualTo(3);
      assertThat(h.logs).anyMatch(l -> l.startsWith("DEAD-MAN'S SWITCH TRIPPED: controller silent for 3000 ms"));

      // Hearing the controller again is not enough: legs are refused until a new handshake.
      h.send(h.leg("late", "0.40", "1"));
      SubmitResult.Denied denied = (SubmitResult.Denied) h.next(LegResult.class, r -> r.commandId().equals("late"))
          .result();
      assertThat(denied.reason()).startsWith("dead-man's switch tripped (controller silent for 3000 ms");
      h.barrier();
      assertThat(h.endpoint.status().deadman()).isEqualTo(DeadmanState.TRIPPED);

      h.run(() -> h.link.disconnect(DisconnectReason.HEARTBEAT_TIMEOUT, "no frame for 5000 ms"));
      h.run(h.link::connect);
      h.awaitStatus(s -> s.deadman() == DeadmanState.ARMED && s.connected());
      assertThat(h.endpoint.status().lastDisconnect()).isEqualTo("HEARTBEAT_TIMEOUT: no frame for 5000 ms");
      h.send(h.leg("after", "0.40", "1"));
      assertThat(h.next(LegResult.class, r -> r.commandId().equals("after")).result())
          .isInstanceOf(SubmitResult.Accepted.class);
      assertThat(h.kalshi().submitsOf("late")).isZero();
    }
  }

  @Test
  void theDeadMansSwitchStaysArmedWhileTheControllerIsHeard() throws Exception {
    try (EndpointHarness h = new EndpointHarness(dir)) {
      h.deadman = Duration.ofSeconds(2);
      h.start();
      for (int i = 0; i < 5; i++) {
        h.clock.advance(Duration.ofSeconds(1));
        h.send(new FetchOpenOrders("q" + i, VenueId.KALSHI)); // any frame counts as heard
        h.next(OpenOrders.class);
      }
      h.barrier();
      assertThat(h.endpoint.status().deadman()).isEqualTo(DeadmanState.ARMED);
      assertThat(h.kalshi().cancelAllCalls.get()).isZero();
    }
  }

  @Test
  void venueEventsAreForwarded() throws Exception {
    try (EndpointHarness h = new EndpointHarness(dir).start()) {
      Fill fill = new Fill("t1", InstrumentId.kalshi(EndpointHarness.TICKER), Outcome.YES, Side.BUY,
          Price.parse("0.40"), Quantity.of(10), Money.parse("0.07"), Instant.parse("2026-11-27T10:00:00Z"),
          new ClientOrderId("c1"), null);
      h.run(() -> {
        h.kalshi().listener.onFill(fill);
        h.kalshi().listener.onFillConfirmed(VenueId.KALSHI, "t1");
        h.kalshi().listener.onFillVoid(new FillVoid(VenueId.KALSHI, "t1", Instant.parse("2026-11-27T10:00:01Z")));
        h.kalshi().listener.onStreamLost("socket closed\nby peer");
        h.kalshi().listener.onStreamRestored();
      });
      assertThat(h.next(FillReport.class).fill()).isEqualTo(fill);
      assertThat(h.next(FillConfirmedReport.class).fillId()).isEqualTo("t1");
      assertThat(h.next(FillVoidReport.class).fillVoid().fillId()).isEqualTo("t1");
      assertThat(h.next(VenueStreamState.class)).isEqualTo(new VenueStreamState(VenueId.KALSHI, false,
          "socket closed by peer"));
      assertThat(h.next(VenueStreamState.class).up()).isTrue();
    }
  }

  @Test
  void readsAndCancelsAreAnswered() throws Exception {
    try (EndpointHarness h = new EndpointHarness(dir).start()) {
      h.send(new PlaceLeg("gtc", VenueId.KALSHI, EndpointHarness.order("gtc", "0.10", "5", TimeInForce.GTC),
          h.clock.instant().plusSeconds(5)));
      h.next(LegResult.class);
      h.send(new FindOrder("f", VenueId.KALSHI, new ClientOrderId("gtc")));
      assertThat(h.next(OrderFound.class).order()).isPresent();
      h.send(new FetchAccount("a", VenueId.KALSHI));
      assertThat(h.next(AccountSnapshot.class).balance().available()).isEqualTo(Money.parse("100"));
      h.send(new PrepareLeg("p", VenueId.KALSHI, EndpointHarness.order("x", "0.10", "1", TimeInForce.GTC)));
      assertThat(h.next(LegPrepared.class).request().method()).isEqualTo("POST");
      h.send(new CancelLeg("c", VenueId.KALSHI, new VenueOrderId("v-gtc")));
      assertThat(h.next(CancelLegResult.class).result()).isEqualTo(CancelResult.CANCELLED);
      h.send(new CancelAll("all", VenueId.KALSHI));
      assertThat(h.next(CancelAllResult.class).cancelled()).isEmpty();
    }
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(new VenueRejectedException(VenueId.KALSHI, 400, "bad_request", "no such market"),
            FailureKind.REJECTED, "no such market"),
        Arguments.of(new VenueUnavailableException(VenueId.KALSHI, "HTTP 503"), FailureKind.UNAVAILABLE, "HTTP 503"),
        Arguments.of(new RateLimitedException(VenueId.KALSHI, "HTTP 429", Duration.ofSeconds(1)),
            FailureKind.UNAVAILABLE, "HTTP 429"),
        Arguments.of(new VenueAuthException(VenueId.KALSHI, "HTTP 401: invalid signature"), FailureKind.AUTH,
            "HTTP 401: invalid signature"),
        Arguments.of(new VenueProtocolException(VenueId.KALSHI, "unknown status\n\"weird\""), FailureKind.PROTOCOL,
            "unknown status \"weird\""),
        Arguments.of(new VenueConfigException(VenueId.KALSHI, "no key"), FailureKind.CONFIG, "no key"),
        Arguments.of(new IllegalStateException("boom"), FailureKind.UNAVAILABLE, "trader error IllegalStateException: boom"));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void venueFailuresAreMappedToTheirKind(RuntimeException failure, FailureKind kind, String message) throws Exception {
    try (EndpointHarness h = new EndpointHarness(dir).start()) {
      h.kalshi().failReads = failure;
      h.send(new FetchOpenOrders("q", VenueId.KALSHI));
      String venueCode = failure instanceof VenueRejectedException rejected ? rejected.venueCode() : null;
      assertThat(h.next(CommandFailed.class)).isEqualTo(new CommandFailed("q", kind, venueCode, message));
    }
  }

  @Test
  void aSubmitThatTimesOutIsAnsweredUnknownAndRecorded() throws Exception {
    try (EndpointHarness h = new EndpointHarness(dir).start()) {
      h.kalshi().mode = RecordingExecutionClient.Mode.TIME_OUT;
      PlaceLeg leg = h.leg("c1", "0.40", "10");
      h.send(leg);
      assertThat(h.next(LegResult.class).result()).isInstanceOf(SubmitResult.Unknown.class);
      h.send(leg);
      assertThat(h.next(LegResult.class).result()).isInstanceOf(SubmitResult.Unknown.class);
      assertThat(h.kalshi().submitsOf("c1")).isEqualTo(1);
    }
  }

  @Test
  void stopWaitsForTheLegInFlightThenCancelsOpenOrdersAndRefusesNewLegs() throws Exception {
    try (EndpointHarness h = new EndpointHarness(dir).start()) {
      h.send(new PlaceLeg("gtc", VenueId.KALSHI, EndpointHarness.order("gtc", "0.10", "5", TimeInForce.GTC),
          h.clock.instant().plusSeconds(5)));
      h.next(LegResult.class);
      h.kalshi().mode = RecordingExecutionClient.Mode.HOLD;
      h.send(h.leg("c1", "0.40", "10"));
      RecordingExecutionClient.Held held = h.kalshi().held.poll(10, TimeUnit.SECONDS);
      assertThat(held).isNotNull();

      var stopped = h.endpoint.stop(Duration.ofSeconds(30)).toCompletionStage().toCompletableFuture();
      h.awaitStatus(TraderStatus::stopping);
      h.send(h.leg("c2", "0.40", "10"));
      assertThat(((SubmitResult.Denied) h.next(LegResult.class, r -> r.commandId().equals("c2")).result()).reason())
          .isEqualTo("trader laptop is stopping");
      assertThat(stopped).isNotDone();
      assertThat(h.kalshi().cancelAllCalls.get()).isZero();

      h.run(held::accept);
      EndpointHarness.join(stopped);
      assertThat(h.drain()).anyMatch(m -> m instanceof LegResult r && r.commandId().equals("c1"));
      assertThat(h.kalshi().cancelAllCalls.get()).isEqualTo(1);
      assertThat(h.kalshi().open).isEmpty();
      assertThat(h.endpoint.status().connected()).isFalse();
    }
  }

  @Test
  void theStatusIsWrittenToTheStatusFile() throws Exception {
    try (EndpointHarness h = new EndpointHarness(dir)) {
      h.start();
      h.awaitStatus(TraderStatus::connected);
      TraderStatusFile.write(dir, h.endpoint.status());
      TraderStatus read = TraderStatusFile.read(dir).orElseThrow();
      assertThat(read).isEqualTo(h.endpoint.status());
      assertThat(read.venues()).containsExactly(VenueId.KALSHI);
      assertThat(read.maxDailyNotional()).isEqualTo(Money.parse("100"));
    }
  }
}
