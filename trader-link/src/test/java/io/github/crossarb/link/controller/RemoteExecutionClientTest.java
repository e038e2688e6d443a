package io.github.crossarb.link.controller;

import static io.github.crossarb.link.controller.LinkFixture.await;
import static io.github.crossarb.link.controller.LinkFixture.awaitFailure;
import static io.github.crossarb.link.controller.LinkFixture.fill;
import static io.github.crossarb.link.controller.LinkFixture.order;
import static io.github.crossarb.link.controller.LinkFixture.report;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.model.VenueOrderId;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.venue.Balance;
import io.github.crossarb.core.venue.CancelResult;
import io.github.crossarb.core.venue.OrderReport;
import io.github.crossarb.core.venue.OrderStatus;
import io.github.crossarb.core.venue.PositionReport;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.VenueAuthException;
import io.github.crossarb.core.venue.VenueConfigException;
import io.github.crossarb.core.venue.VenueException;
import io.github.crossarb.core.venue.VenueProtocolException;
import io.github.crossarb.core.venue.VenueRejectedException;
import io.github.crossarb.core.venue.VenueUnavailableException;
import io.github.crossarb.core.venue.WireRequest;
import io.github.crossarb.link.protocol.AccountSnapshot;
import io.github.crossarb.link.protocol.CancelAll;
import io.github.crossarb.link.protocol.CancelAllResult;
import io.github.crossarb.link.protocol.CancelLeg;
import io.github.crossarb.link.protocol.CancelLegResult;
import io.github.crossarb.link.protocol.CommandFailed;
import io.github.crossarb.link.protocol.DisconnectReason;
import io.github.crossarb.link.protocol.FailureKind;
import io.github.crossarb.link.protocol.FetchAccount;
import io.github.crossarb.link.protocol.FetchFills;
import io.github.crossarb.link.protocol.FetchOpenOrders;
import io.github.crossarb.link.protocol.FillConfirmedReport;
import io.github.crossarb.link.protocol.FillReport;
import io.github.crossarb.link.protocol.FillVoidReport;
import io.github.crossarb.link.protocol.FillsFetched;
import io.github.crossarb.link.protocol.FindOrder;
import io.github.crossarb.link.protocol.LegAck;
import io.github.crossarb.link.protocol.LegPrepared;
import io.github.crossarb.link.protocol.LegResult;
import io.github.crossarb.link.protocol.OpenOrders;
import io.github.crossarb.link.protocol.OrderFound;
import io.github.crossarb.link.protocol.OrderUpdateReport;
import io.github.crossarb.link.protocol.PlaceLeg;
import io.github.crossarb.link.protocol.PrepareLeg;
import io.github.crossarb.link.protocol.VenueStreamState;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(30)
class RemoteExecutionClientTest {
  private final LinkFixture f = new LinkFixture();

  @AfterEach
  void close() {
    f.close();
  }

  private LinkFixture.TraderEnd connectedKalshiTrader() {
    LinkFixture.TraderEnd trader = f.trader("laptop", VenueId.KALSHI);
    f.start(trader);
    trader.connect();
    return trader;
  }

  // ---------------------------------------------------------------------------------------------
  // Legs

  @Test
  void anAcceptedLegComesBackAsTheTradersResult() {
    LinkFixture.TraderEnd trader = connectedKalshiTrader();
    Future<SubmitResult> submit = f.client(VenueId.KALSHI).submit(order("arb-1-k"));

    PlaceLeg leg = trader.next(PlaceLeg.class);
    assertThat(leg.commandId()).isEqualTo("arb-1-k");
    assertThat(leg.venue()).isEqualTo(VenueId.KALSHI);
    assertThat(leg.order()).isEqualTo(order("arb-1-k"));
    assertThat(leg.deadline()).isEqualTo(LinkFixture.NOW.plus(LinkFixture.LEG_TIMEOUT));

    trader.send(new LegAck("arb-1-k"));
    LinkStatus.Leg inFlight = await(f.hub.status()).traders().get(0).inFlight().get(0);
    assertThat(inFlight.commandId()).isEqualTo("arb-1-k");
    assertThat(inFlight.instrument()).isEqualTo(InstrumentId.kalshi("KXFED-26DEC-T4.25"));
    assertThat(inFlight.acked()).isTrue();
    assertThat(submit.isComplete()).isFalse();

    SubmitResult.Accepted accepted = new SubmitResult.Accepted(new ClientOrderId("arb-1-k"), new VenueOrderId("o-77"),
        OrderStatus.FILLED, Quantity.of(10));
    trader.send(new LegResult("arb-1-k", accepted));
    assertThat(await(submit)).isEqualTo(accepted);
    assertThat(await(f.hub.status()).traders().get(0).inFlight()).isEmpty();
  }

  @Test
  void rejectedAndDeniedLegsComeBackAsTheyAre() {
    LinkFixture.TraderEnd trader = connectedKalshiTrader();
    Future<SubmitResult> first = f.client(VenueId.KALSHI).submit(order("arb-2-k"));
    trader.next(PlaceLeg.class);
    SubmitResult.Rejected rejected = new SubmitResult.Rejected(new ClientOrderId("arb-2-k"), "insufficient_balance",
        "not enough cash");
    trader.send(new LegResult("arb-2-k", rejected));
    assertThat(await(first)).isEqualTo(rejected);

    Future<SubmitResult> second = f.client(VenueId.KALSHI).submit(order("arb-3-k"));
    trader.next(PlaceLeg.class);
    SubmitResult.Denied denied = new SubmitResult.Denied(new ClientOrderId("arb-3-k"),
        "trader limit: order notional 4.00 above 2.00");
    trader.send(new LegResult("arb-3-k", denied));
    assertThat(await(second)).isEqualTo(denied);
  }

  @Test
  void noResultByTheDeadlineIsUnknownAndALateResultDoesNotChangeIt() {
    LinkFixture.TraderEnd trader = connectedKalshiTrader();
    Future<SubmitResult> submit = f.client(VenueId.KALSHI).submit(order("arb-4-k"));
    trader.next(PlaceLeg.class);
    trader.send(new LegAck("arb-4-k"));

    SubmitResult result = await(submit);
    assertThat(result).isInstanceOf(SubmitResult.Unknown.class);
    assertThat(((SubmitResult.Unknown) result).reason()).contains("no result from trader laptop within 1300 ms");
    assertThat(await(f.hub.status()).traders().get(0).inFlight()).isEmpty();

    trader.send(new LegResult("arb-4-k", new SubmitResult.Accepted(new ClientOrderId("arb-4-k"),
        new VenueOrderId("o-4"), OrderStatus.FILLED, Quantity.of(10))));
    assertThat(await(submit)).isEqualTo(result);
    assertThat(f.events).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo(LinkEvent.Kind.LATE_RESULT);
      assertThat(e.message()).contains("arb-4-k").contains("Accepted (o-4");
    });
  }

  @Test
  void withoutAConnectedTraderALegIsDeniedAndNothingIsQueued() {
    LinkFixture.TraderEnd trader = f.trader("laptop", VenueId.KALSHI);
    f.start(trader);
    SubmitResult before = await(f.client(VenueId.KALSHI).submit(order("arb-5-k")));
    assertThat(before).isEqualTo(new SubmitResult.Denied(new ClientOrderId("arb-5-k"), "no trader connected for KALSHI"));

    trader.connect();
    trader.disconnect(DisconnectReason.HEARTBEAT_TIMEOUT, "silent for 5000 ms");
    SubmitResult after = await(f.client(VenueId.KALSHI).submit(order("arb-6-k")));
    assertThat(after).isInstanceOf(SubmitResult.Denied.class);
    // a venue the trader does not serve is denied too
    assertThat(await(f.client(VenueId.POLYMARKET).submit(order("arb-7-p")))).isInstanceOf(SubmitResult.Denied.class);

    trader.connect();
    assertThat(trader.received).isEmpty();
  }

  @Test
  void aLegWhoseResultArrivesAfterAReconnectButInTimeIsAccepted() {
    LinkFixture.TraderEnd trader = connectedKalshiTrader();
    Future<SubmitResult> submit = f.client(VenueId.KALSHI).submit(order("arb-8-k"));
    trader.next(PlaceLeg.class);
    trader.disconnect(DisconnectReason.PROTOCOL_ERROR, "connection reset");
    SubmitResult.Accepted accepted = new SubmitResult.Accepted(new ClientOrderId("arb-8-k"), new VenueOrderId("o-8"),
        OrderStatus.OPEN, Quantity.ZERO);
    trader.send(new LegResult("arb-8-k", accepted)); // queued while down
    assertThat(submit.isComplete()).isFalse();

    trader.connect();
    assertThat(await(submit)).isEqualTo(accepted);
    assertThat(trader.received).isEmpty(); // the leg was sent once
  }

  @Test
  void aSecondSubmitOfAnOrderInFlightIsNotSent() {
    LinkFixture.TraderEnd trader = connectedKalshiTrader();
    Future<SubmitResult> first = f.client(VenueId.KALSHI).submit(order("arb-9-k"));
    trader.next(PlaceLeg.class);
    SubmitResult second = await(f.client(VenueId.KALSHI).submit(order("arb-9-k")));
    assertThat(second).isInstanceOf(SubmitResult.Denied.class);
    assertThat(((SubmitResult.Denied) second).reason()).contains("already in flight");
    assertThat(trader.received).isEmpty();
    assertThat(first.isComplete()).isFalse();
  }

  // ---------------------------------------------------------------------------------------------
  // Queries

  @Test
  void everyQueryIsACommandAnsweredByItsReply() {
    LinkFixture.TraderEnd trader = connectedKalshiTrader();
    RemoteExecutionClient client = f.client(VenueId.KALSHI);

    Future<Optional<OrderReport>> found = client.findOrder(new ClientOrderId("arb-1-k"));
    FindOrder find = trader.next(FindOrder.class);
    assertThat(find.clientOrderId()).isEqualTo(new ClientOrderId("arb-1-k"));
    assertThat(find.venue()).isEqualTo(VenueId.KALSHI);
    trader.send(new OrderFound(find.commandId(), Optional.of(report("arb-1-k", "o-1"))));
    assertThat(await(found)).contains(report("arb-1-k", "o-1"));

    Future<Optional<OrderReport>> missing = client.findOrder(new ClientOrderId("arb-2-k"));
    trader.send(new OrderFound(trader.next(FindOrder.class).commandId(), Optional.empty()));
    assertThat(await(missing)).isEmpty();

    Future<CancelResult> cancel = client.cancel(new VenueOrderId("o-1"));
    CancelLeg cancelLeg = trader.next(CancelLeg.class);
    assertThat(cancelLeg.venueOrderId()).isEqualTo(new VenueOrderId("o-1"));
    trader.send(new CancelLegResult(cancelLeg.commandId(), CancelResult.NOT_OPEN));
    assertThat(await(cancel)).isEqualTo(CancelResult.NOT_OPEN);

    Future<List<VenueOrderId>> cancelAll = client.cancelAll();
    trader.send(new CancelAllResult(trader.next(CancelAll.class).commandId(), List.of(new VenueOrderId("o-2"))));
    assertThat(await(cancelAll)).containsExactly(new VenueOrderId("o-2"));

    Future<List<OrderReport>> open = client.openOrders();
    trader.send(new OpenOrders(trader.next(FetchOpenOrders.class).commandId(), List.of(report("arb-3-k", "o-3"))));
    assertThat(await(open)).containsExactly(report("arb-3-k", "o-3"));

    Instant since = LinkFixture.NOW.minusSeconds(3600);
    Future<List<Fill>> fills = client.fills(since);
    FetchFills fetch = trader.next(FetchFills.class);
    assertThat(fetch.since()).isEqualTo(since);
    Fill fill = fill("k-1", InstrumentId.kalshi("KXFED-26DEC-T4.25"));
    trader.send(new FillsFetched(fetch.commandId(), List.of(fill)));
    assertThat(await(fills)).containsExactly(fill);

    Balance balance = new Balance(VenueId.KALSHI, Money.parse("123.45"), Money.parse("10"));
    PositionReport position = new PositionReport(InstrumentId.kalshi("KXFED-26DEC-T4.25"),
        io.github.crossarb.core.model.Outcome.YES, Quantity.of(10), Money.parse("4"));
    Future<Balance> cash = client.balance();
    trader.send(new AccountSnapshot(trader.next(FetchAccount.class).commandId(), balance, List.of(position)));
    assertThat(await(cash)).isEqualTo(balance);
    Future<List<PositionReport>> positions = client.positions();
    trader.send(new AccountSnapshot(trader.next(FetchAccount.class).commandId(), balance, List.of(position)));
    assertThat(await(positions)).containsExactly(position);

    WireRequest wire = new WireRequest("POST", "https://api.example/orders", List.of(Map.entry("KEY", "***")), "{}");
    Future<WireRequest> prepared = client.prepare(order("arb-10-k"));
    PrepareLeg prepare = trader.next(PrepareLeg.class);
    assertThat(prepare.order()).isEqualTo(order("arb-10-k"));
    trader.send(new LegPrepared(prepare.commandId(), wire));
    assertThat(await(prepared)).isEqualTo(wire);
  }

  @ParameterizedTest
  @EnumSource(FailureKind.class)
  void aFailedCommandRaisesTheMatchingVenueException(FailureKind kind) {
    LinkFixture.TraderEnd trader = connectedKalshiTrader();
    Future<List<OrderReport>> open = f.client(VenueId.KALSHI).openOrders();
    String venueCode = kind == FailureKind.REJECTED ? "insufficient_balance" : null;
    trader.send(new CommandFailed(trader.next(FetchOpenOrders.class).commandId(), kind, venueCode, "it went wrong"));
    Throwable failure = awaitFailure(open);
    Class<? extends VenueException> expected = switch (kind) {
      case UNAVAILABLE -> VenueUnavailableException.class;
      case REJECTED, REFUSED -> VenueRejectedException.class;
      case AUTH -> VenueAuthException.class;
      case PROTOCOL -> VenueProtocolException.class;
      case CONFIG -> VenueConfigException.class;
    };
    assertThat(failure).isExactlyInstanceOf(expected).hasMessageContaining("it went wrong")
        .hasMessageContaining("trader laptop");
    assertThat(((VenueException) failure).venue()).isEqualTo(VenueId.KALSHI);
    if (kind == FailureKind.REFUSED) {
      assertThat(((VenueRejectedException) failure).venueCode()).isEqualTo("trader_refused");
    }
    if (kind == FailureKind.REJECTED) {
      assertThat(((VenueRejectedException) failure).venueCode()).isEqualTo("insufficient_balance");
    }
  }

  @Test
  void aQueryFailsAsUnavailableWithoutATraderWithoutAnAnswerOrOnADisconnect() {
    LinkFixture.TraderEnd trader = f.trader("laptop", VenueId.KALSHI);
    f.start(trader);
    assertThat(awaitFailure(f.client(VenueId.KALSHI).balance())).isInstanceOf(VenueUnavailableException.class)
        .hasMessage("no trader connected for KALSHI");

    trader.connect();
    Throwable silent = awaitFailure(f.client(VenueId.KALSHI).openOrders());
    assertThat(silent).isInstanceOf(VenueUnavailableException.class)
        .hasMessageContaining("no answer from trader laptop to FetchOpenOrders within 300 ms");
    trader.next(FetchOpenOrders.class);

    Future<List<VenueOrderId>> cancelAll = f.client(VenueId.KALSHI).cancelAll();
    CancelAll command = trader.next(CancelAll.class);
    trader.disconnect(DisconnectReason.HEARTBEAT_TIMEOUT, "silent");
    assertThat(awaitFailure(cancelAll)).isInstanceOf(VenueUnavailableException.class)
        .hasMessageContaining("trader laptop disconnected: HEARTBEAT_TIMEOUT: silent");
    trader.send(new CancelAllResult(command.commandId(), List.of())); // too late: ignored
    trader.connect();
    assertThat(f.events).noneMatch(e -> e.kind() == LinkEvent.Kind.LATE_RESULT);
  }

  @Test
  void anAnswerOfTheWrongKindIsAProtocolError() {
    LinkFixture.TraderEnd trader = connectedKalshiTrader();
    Future<Balance> balance = f.client(VenueId.KALSHI).balance();
    trader.send(new OpenOrders(trader.next(FetchAccount.class).commandId(), List.of()));
    assertThat(awaitFailure(balance)).isInstanceOf(VenueProtocolException.class).hasMessageContaining("OpenOrders");
  }

  // ---------------------------------------------------------------------------------------------
  // Events and availability

  @Test
  void theTradersStreamBecomesListenerCalls() {
    LinkFixture.TraderEnd trader = f.trader("laptop", VenueId.KALSHI, VenueId.POLYMARKET);
    f.start(trader);
    LinkFixture.RecordingListener kalshi = new LinkFixture.RecordingListener();
    LinkFixture.RecordingListener polymarket = new LinkFixture.RecordingListener();
    await(f.client(VenueId.KALSHI).listen(kalshi));
    await(f.client(VenueId.POLYMARKET).listen(polymarket));
    assertThat(kalshi.next()).isEqualTo("lost KALSHI executes on a remote trader, none connected");
    assertThat(polymarket.next()).startsWith("lost POLYMARKET");

    trader.connect();
    assertThat(kalshi.next()).isEqualTo("restored");
    assertThat(polymarket.next()).isEqualTo("restored");

    Fill kalshiFill = fill("k-1", InstrumentId.kalshi("KXFED-26DEC-T4.25"));
    Fill polymarketFill = fill("p-1", InstrumentId.polymarket("7001"));
    trader.send(new FillReport(VenueId.KALSHI, kalshiFill));
    trader.send(new FillReport(VenueId.POLYMARKET, polymarketFill));
    trader.send(new FillConfirmedReport(VenueId.POLYMARKET, "p-1"));
    trader.send(new FillVoidReport(VenueId.POLYMARKET, LinkFixture.fillVoid("p-0")));
    trader.send(new OrderUpdateReport(VenueId.KALSHI, report("arb-1-k", "o-1")));
    trader.send(new VenueStreamState(VenueId.POLYMARKET, false, "socket closed"));
    trader.send(new VenueStreamState(VenueId.POLYMARKET, true, ""));

    assertThat(kalshi.next()).isEqualTo("fill k-1");
    assertThat(kalshi.next()).isEqualTo("order o-1");
    assertThat(kalshi.received).containsExactly(kalshiFill, report("arb-1-k", "o-1"));
    assertThat(polymarket.next()).isEqualTo("fill p-1");
    assertThat(polymarket.next()).isEqualTo("confirmed POLYMARKET p-1");
    assertThat(polymarket.next()).isEqualTo("void p-0");
    assertThat(polymarket.next()).isEqualTo("lost trader laptop: POLYMARKET stream down: socket closed");
    assertThat(polymarket.next()).isEqualTo("restored");

    trader.disconnect(DisconnectReason.HEARTBEAT_TIMEOUT, "silent for 5000 ms");
    assertThat(kalshi.next()).isEqualTo("lost trader laptop disconnected: HEARTBEAT_TIMEOUT: silent for 5000 ms");
    trader.connect();
    assertThat(kalshi.next()).isEqualTo("restored");
    assertThat(kalshi.calls).isEmpty();
  }

  @Test
  void anEventForAVenueTheTraderDoesNotServeIsIgnored() {
    LinkFixture.TraderEnd trader = f.trader("laptop", VenueId.KALSHI);
    f.start(trader);
    LinkFixture.RecordingListener polymarket = new LinkFixture.RecordingListener();
    await(f.client(VenueId.POLYMARKET).listen(polymarket));
    polymarket.next(); // lost: nobody serves it
    trader.connect();
    trader.send(new FillReport(VenueId.POLYMARKET, fill("p-1", InstrumentId.polymarket("7001"))));
    f.sync();
    assertThat(polymarket.calls).isEmpty();
  }

  @Test
  void unavailableReasonFollowsTheConnection() {
    LinkFixture.TraderEnd trader = f.trader("laptop", VenueId.KALSHI);
    f.start(trader);
    RemoteExecutionClient kalshi = f.client(VenueId.KALSHI);
    assertThat(kalshi.unavailableReason()).contains(
        "KALSHI executes on a remote trader; none has connected since 2026-11-27T09:00:00Z");

    trader.connect();
    assertThat(kalshi.unavailableReason()).isEmpty();
    assertThat(f.client(VenueId.POLYMARKET).unavailableReason()).isPresent(); // nobody serves it

    trader.disconnect(DisconnectReason.HEARTBEAT_TIMEOUT, "silent for 5000 ms");
    assertThat(kalshi.unavailableReason()).contains("KALSHI executes on trader laptop, not connected since "
        + "2026-11-27T09:00:00Z (HEARTBEAT_TIMEOUT: silent for 5000 ms)");

    trader.connect();
    assertThat(kalshi.unavailableReason()).isEmpty();
    assertThat(f.events).extracting(LinkEvent::kind).containsExactly(LinkEvent.Kind.CONNECTED,
        LinkEvent.Kind.DISCONNECTED, LinkEvent.Kind.CONNECTED);
    assertThat(f.events.get(2).message()).contains("was disconnected: HEARTBEAT_TIMEOUT");
  }

  @Test
  void aTraderSeenLaterIsPickedUpFromTheDirectory() {
    f.start();
    LinkFixture.TraderEnd trader = f.trader("desk", VenueId.POLYMARKET);
    f.onContext(() -> f.directory.add(trader.link.controllerSide()));
    trader.connect();
    assertThat(f.client(VenueId.POLYMARKET).unavailableReason()).isEmpty();
    LinkStatus status = await(f.hub.status());
    assertThat(status.remoteVenues()).containsExactly(VenueId.KALSHI, VenueId.POLYMARKET);
    assertThat(status.traders()).singleElement().satisfies(t -> {
      assertThat(t.traderId()).isEqualTo("desk");
      assertThat(t.connected()).isTrue();
      assertThat(t.venues()).containsExactly(VenueId.POLYMARKET);
      assertThat(t.lastHeard()).isEqualTo(LinkFixture.NOW);
      assertThat(t.lastDisconnect()).isNull();
    });
  }

  @Test
  void aHubOnAnotherContextCallsTheChannelOnItsOwn() {
    f.hubContext = f.vertx.getOrCreateContext(); // off Vert.x: a new context
    assertThat(f.hubContext).isNotSameAs(f.context);
    LinkFixture.TraderEnd trader = f.trader("laptop", VenueId.KALSHI);
    f.start();
    f.onContext(() -> f.directory.add(trader.link.controllerSide()));
    trader.connect();
    Future<SubmitResult> submit = f.client(VenueId.KALSHI).submit(order("arb-13-k"));
    trader.next(PlaceLeg.class);
    SubmitResult.Rejected rejected = new SubmitResult.Rejected(new ClientOrderId("arb-13-k"), "market_closed", "closed");
    trader.send(new LegResult("arb-13-k", rejected));
    assertThat(await(submit)).isEqualTo(rejected);
  }

  @Test
  void aChannelAlreadyConnectedWhenTheHubStartsIsServing() {
    LinkFixture.TraderEnd trader = f.trader("laptop", VenueId.KALSHI);
    trader.connect(); // before the hub exists
    f.start(trader);
    assertThat(f.client(VenueId.KALSHI).unavailableReason()).isEmpty();
    assertThat(f.events).singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo(LinkEvent.Kind.CONNECTED));
    Future<SubmitResult> submit = f.client(VenueId.KALSHI).submit(order("arb-14-k"));
    assertThat(trader.next(PlaceLeg.class).commandId()).isEqualTo("arb-14-k");
    assertThat(submit.isComplete()).isFalse();
  }

  @Test
  void anAnswerFromAnotherTraderIsIgnored() {
    LinkFixture.TraderEnd laptop = f.trader("laptop", VenueId.KALSHI);
    LinkFixture.TraderEnd desk = f.trader("desk", VenueId.POLYMARKET);
    f.start(laptop, desk);
    laptop.connect();
    desk.connect();
    Future<SubmitResult> submit = f.client(VenueId.KALSHI).submit(order("arb-15-k"));
    laptop.next(PlaceLeg.class);
    desk.send(new LegResult("arb-15-k", new SubmitResult.Accepted(new ClientOrderId("arb-15-k"),
        new VenueOrderId("o-forged"), OrderStatus.FILLED, Quantity.of(10))));
    assertThat(submit.isComplete()).isFalse();
    SubmitResult.Rejected rejected = new SubmitResult.Rejected(new ClientOrderId("arb-15-k"), "market_closed", "closed");
    laptop.send(new LegResult("arb-15-k", rejected));
    assertThat(await(submit)).isEqualTo(rejected);
    // each venue goes to the trader serving it
    Future<List<OrderReport>> open = f.client(VenueId.POLYMARKET).openOrders();
    desk.send(new OpenOrders(desk.next(FetchOpenOrders.class).commandId(), List.of()));
    assertThat(await(open)).isEmpty();
    assertThat(laptop.received).isEmpty();
  }

  @Test
  void closingEndsLegsInFlightAsUnknown() {
    LinkFixture.TraderEnd trader = connectedKalshiTrader();
    Future<SubmitResult> submit = f.client(VenueId.KALSHI).submit(order("arb-11-k"));
    trader.next(PlaceLeg.class);
    await(f.hub.close());
    assertThat(await(submit)).isInstanceOf(SubmitResult.Unknown.class);
    assertThat(await(f.client(VenueId.KALSHI).submit(order("arb-12-k")))).isInstanceOf(SubmitResult.Denied.class);
  }
}
