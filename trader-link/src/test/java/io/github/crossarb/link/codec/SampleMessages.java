package io.github.crossarb.link.codec;

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
import io.github.crossarb.core.venue.Balance;
import io.github.crossarb.core.venue.CancelResult;
import io.github.crossarb.core.venue.OrderReport;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.OrderStatus;
import io.github.crossarb.core.venue.PositionReport;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.core.venue.VenueCapabilities;
import io.github.crossarb.core.venue.WireRequest;
import io.github.crossarb.link.protocol.AccountSnapshot;
import io.github.crossarb.link.protocol.Authenticate;
import io.github.crossarb.link.protocol.Bye;
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
import io.github.crossarb.link.protocol.Heartbeat;
import io.github.crossarb.link.protocol.Hello;
import io.github.crossarb.link.protocol.LegAck;
import io.github.crossarb.link.protocol.LegPrepared;
import io.github.crossarb.link.protocol.LegResult;
import io.github.crossarb.link.protocol.LinkMessage;
import io.github.crossarb.link.protocol.OpenOrders;
import io.github.crossarb.link.protocol.OrderFound;
import io.github.crossarb.link.protocol.OrderUpdateReport;
import io.github.crossarb.link.protocol.PlaceLeg;
import io.github.crossarb.link.protocol.PrepareLeg;
import io.github.crossarb.link.protocol.TraderLimits;
import io.github.crossarb.link.protocol.VenueStreamState;
import io.github.crossarb.link.protocol.Welcome;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One readable message of each wire type: the golden files in {@code src/test/resources/link/} are their encodings. */
final class SampleMessages {
  private SampleMessages() {}

  static final InstrumentId KALSHI_BTC = InstrumentId.kalshi("KXBTC-25DEC31-T100000");
  static final InstrumentId POLY_TOKEN = InstrumentId.polymarket("71321045679252212594626385532706912750332728571942532289631379312455583992563");
  static final Instant T = Instant.parse("2026-11-27T09:30:00.123Z");
  static final ClientOrderId CID = new ClientOrderId("arb-42-k");

  static final OrderRequest ORDER = new OrderRequest(CID, KALSHI_BTC, Outcome.YES, Side.BUY, Price.parse("0.42"),
      Quantity.of(10), TimeInForce.IOC, false, null);

  static final OrderReport REPORT = new OrderReport(new VenueOrderId("ord-7f3a"), CID, KALSHI_BTC, Outcome.YES,
      Side.BUY, Price.parse("0.42"), Quantity.of(10), Quantity.parse("2.5"), OrderStatus.OPEN, T);

  static final Fill FILL = new Fill("fill-1", POLY_TOKEN, Outcome.NO, Side.SELL, Price.parse("0.575"),
      Quantity.parse("12.345678"), Money.parse("0.07"), T, new ClientOrderId("arb-42-p"), "pair-9");

  static Map<String, LinkMessage> all() {
    Map<String, LinkMessage> m = new LinkedHashMap<>();
    m.put("hello", new Hello(1, 1, "laptop", "q3-2Yv9Yq6zT4C4mW0eXr4JmQ1nV2rL8vT3f0gk1aZ8",
        Map.of(VenueId.KALSHI, new VenueCapabilities(Set.of(TimeInForce.GTC, TimeInForce.IOC), true, false, false, false),
            VenueId.POLYMARKET, new VenueCapabilities(Set.of(TimeInForce.FOK, TimeInForce.GTD), false, true, false, true)),
        new TraderLimits(Money.parse("50"), Money.parse("500"), List.of("KALSHI:KXBTC-*", "POLYMARKET:*")),
        "t-5a1c", "c-91fe", 17));
    m.put("welcome", new Welcome(1, "mXk3v0nU1e2a8mQ4t7rC5zP6yL9wB2dH3jF0sG1aK4c", "c-91fe", "t-5a1c", 12,
        "n4b5Yz2QpL8xJ1cV3mW6tR9sD0fG7hK2aE5uI8oP1qY"));
    m.put("authenticate", new Authenticate("Zr1Xy8Wv7Ut6Sr5Qp4On3Ml2Kj1Ih0GfEdCbA98765"));
    m.put("place_leg", new PlaceLeg("arb-42-k", VenueId.KALSHI, ORDER, T.plusSeconds(5)));
    m.put("cancel_leg", new CancelLeg("cx-1", VenueId.KALSHI, new VenueOrderId("ord-7f3a")));
    m.put("cancel_all", new CancelAll("cx-all-1", VenueId.POLYMARKET));
    m.put("find_order", new FindOrder("find-1", VenueId.KALSHI, CID));
    m.put("fetch_open_orders", new FetchOpenOrders("open-1", VenueId.KALSHI));
    m.put("fetch_fills", new FetchFills("fills-1", VenueId.POLYMARKET, T));
    m.put("fetch_account", new FetchAccount("acct-1", VenueId.KALSHI));
    m.put("prepare_leg", new PrepareLeg("prep-1", VenueId.POLYMARKET, new OrderRequest(new ClientOrderId("arb-43-p"),
        POLY_TOKEN, Outcome.NO, Side.BUY, Price.parse("0.57"), Quantity.parse("10.5"), TimeInForce.GTD, true,
        T.plusSeconds(60))));
    m.put("leg_ack", new LegAck("arb-42-k"));
    m.put("leg_result", new LegResult("arb-42-k", new SubmitResult.Accepted(CID, new VenueOrderId("ord-7f3a"),
        OrderStatus.FILLED, Quantity.of(10))));
    m.put("cancel_leg_result", new CancelLegResult("cx-1", CancelResult.NOT_OPEN));
    m.put("cancel_all_result", new CancelAllResult("cx-all-1", List.of(new VenueOrderId("a1"), new VenueOrderId("b2"))));
    m.put("order_found", new OrderFound("find-1", Optional.of(REPORT)));
    m.put("open_orders", new OpenOrders("open-1", List.of(REPORT)));
    m.put("fills_fetched", new FillsFetched("fills-1", List.of(FILL)));
    m.put("account_snapshot", new AccountSnapshot("acct-1", new Balance(VenueId.KALSHI, Money.parse("1234.56"), null),
        List.of(new PositionReport(KALSHI_BTC, Outcome.YES, Quantity.of(10), Money.parse("4.2")))));
    m.put("leg_prepared", new LegPrepared("prep-1", new WireRequest("POST", "https://clob.polymarket.com/order",
        List.of(Map.entry("POLY_ADDRESS", "0xabc"), Map.entry("POLY_SIGNATURE", WireRequest.REDACTED)),
        "{\"order\":{\"side\":\"BUY\"}}")));
    m.put("command_failed", new CommandFailed("arb-44-k", FailureKind.REJECTED, "insufficient_balance",
        "not enough balance for this order"));
    m.put("fill_report", new FillReport(VenueId.POLYMARKET, FILL));
    m.put("fill_confirmed_report", new FillConfirmedReport(VenueId.POLYMARKET, "fill-1"));
    m.put("fill_void_report", new FillVoidReport(VenueId.POLYMARKET, new FillVoid(VenueId.POLYMARKET, "fill-1", T)));
    m.put("order_update_report", new OrderUpdateReport(VenueId.KALSHI, REPORT));
    m.put("venue_stream_state", new VenueStreamState(VenueId.KALSHI, false, "websocket closed: 1006"));
    m.put("heartbeat", new Heartbeat());
    m.put("bye", new Bye(DisconnectReason.SHUTDOWN, "controller stopping"));
    return m;
  }
}
