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
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/** Random but valid link messages of every type, for the codec and session properties. */
public final class LinkMessageGen {
  private static final char[] ID_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:".toCharArray();
  private final Random random;

  public LinkMessageGen(Random random) {
    this.random = random;
  }

  /** A message of the wire type {@code type} (one of {@link LinkCodec#typeNames()}). */
  public LinkMessage of(String type) {
    switch (type) {
      case "hello":
        return new Hello(random.nextInt(5), random.nextInt(5) + 1, id(), id(), venues(), limits(), id(),
            random.nextBoolean() ? null : id(), nonNegativeLong());
      case "welcome":
        return new Welcome(random.nextInt(5) + 1, id(), id(), random.nextBoolean() ? null : id(), nonNegativeLong(), id());
      case "authenticate":
        return new Authenticate(id());
      case "place_leg":
        return new PlaceLeg(id(), venue(), orderRequest(), instant());
      case "cancel_leg":
        return new CancelLeg(id(), venue(), new VenueOrderId(id()));
      case "cancel_all":
        return new CancelAll(id(), venue());
      case "find_order":
        return new FindOrder(id(), venue(), new ClientOrderId(id()));
      case "fetch_open_orders":
        return new FetchOpenOrders(id(), venue());
      case "fetch_fills":
        return new FetchFills(id(), venue(), instant());
      case "fetch_account":
        return new FetchAccount(id(), venue());
      case "prepare_leg":
        return new PrepareLeg(id(), venue(), orderRequest());
      case "leg_ack":
        return new LegAck(id());
      case "leg_result":
        return new LegResult(id(), submitResult());
      case "cancel_leg_result":
        return new CancelLegResult(id(), pick(CancelResult.values()));
      case "cancel_all_result":
        return new CancelAllResult(id(), list(() -> new VenueOrderId(id())));
      case "order_found":
        return new OrderFound(id(), random.nextBoolean() ? Optional.empty() : Optional.of(orderReport()));
      case "open_orders":
        return new OpenOrders(id(), list(this::orderReport));
      case "fills_fetched":
        return new FillsFetched(id(), list(this::fill));
      case "account_snapshot":
        return new AccountSnapshot(id(), new Balance(venue(), money(), random.nextBoolean() ? null : money()),
            list(() -> new PositionReport(instrument(), pick(Outcome.values()), quantity(0),
                random.nextBoolean() ? null : money())));
      case "leg_prepared":
        return new LegPrepared(id(), wireRequest());
      case "command_failed":
        return new CommandFailed(id(), pick(FailureKind.values()), random.nextBoolean() ? null : text(), text());
      case "fill_report":
        return new FillReport(venue(), fill());
      case "fill_confirmed_report":
        return new FillConfirmedReport(venue(), id());
      case "fill_void_report":
        return new FillVoidReport(venue(), new FillVoid(venue(), id(), instant()));
      case "order_update_report":
        return new OrderUpdateReport(venue(), orderReport());
      case "venue_stream_state":
        return new VenueStreamState(venue(), random.nextBoolean(), text());
      case "heartbeat":
        return new Heartbeat();
      case "bye":
        return new Bye(pick(DisconnectReason.values()), text());
      default:
        throw new IllegalArgumentException("no generator for " + type);
    }
  }

  public LinkMessage any() {
    List<String> types = LinkCodec.typeNames();
    return of(types.get(random.nextInt(types.size())));
  }

  public String id() {
    int n = 1 + random.nextInt(random.nextInt(10) == 0 ? 80 : 16);
    char[] out = new char[n];
    for (int i = 0; i < n; i++) {
      out[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
    }
    return new String(out);
  }

  /** Free text: quotes, backslashes, control characters and non-ASCII included (no lone surrogates). */
  public String text() {
    int n = random.nextInt(40);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      switch (random.nextInt(6)) {
        case 0:
          out.append("\"\\\n\t\u0000/".charAt(random.nextInt(6)));
          break;
        case 1:
          out.append((char) (0x80 + random.nextInt(0xD000)));
          break;
        case 2:
          out.appendCodePoint(0x1F300 + random.nextInt(200));
          break;
        default:
          out.append((char) (' ' + random.nextInt(95)));
      }
    }
    return out.toString();
  }

  private long nonNegativeLong() {
    switch (random.nextInt(4)) {
      case 0:
        return 0;
      case 1:
        return Long.MAX_VALUE;
      default:
        return random.nextInt(1_000_000);
    }
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private <T> List<T> list(Supplier<T> element) {
    int n = random.nextInt(4);
    List<T> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(element.get());
    }
    return out;
  }

  private VenueId venue() {
    return pick(VenueId.values());
  }

  private Instant instant() {
    long seconds = random.nextInt(3) == 0 ? 0 : Math.floorMod(random.nextLong(), 4_000_000_000L);
    int nanos = random.nextBoolean() ? 0 : random.nextInt(1_000_000_000);
    return Instant.ofEpochSecond(seconds, nanos);
  }

  private Price price() {
    switch (random.nextInt(5)) {
      case 0:
        return Price.ZERO;
      case 1:
        return Price.ONE;
      default:
        return Price.ofMicros(random.nextInt(1_000_001));
    }
  }

  private Quantity quantity(long min) {
    return Quantity.ofMicros(min + Math.floorMod(random.nextLong(), random.nextBoolean() ? 1_000_000_000L : 1_000_000_000_000_000L));
  }

  private Money money() {
    return Money.ofMicros(Math.floorMod(random.nextLong(), 2_000_000_000_000_000L) - 1_000_000_000_000_000L);
  }

  private InstrumentId instrument() {
    return new InstrumentId(venue(), id());
  }

  private Map<VenueId, VenueCapabilities> venues() {
    Map<VenueId, VenueCapabilities> out = new EnumMap<>(VenueId.class);
    for (VenueId v : VenueId.values()) {
      if (random.nextBoolean()) {
        Set<TimeInForce> tifs = EnumSet.noneOf(TimeInForce.class);
        for (TimeInForce t : TimeInForce.values()) {
          if (random.nextBoolean()) {
            tifs.add(t);
          }
        }
        out.put(v, new VenueCapabilities(tifs, random.nextBoolean(), random.nextBoolean(), random.nextBoolean(),
            random.nextBoolean()));
      }
    }
    return out;
  }

  private TraderLimits limits() {
    return new TraderLimits(money(), money(), list(this::id));
  }

  private OrderRequest orderRequest() {
    TimeInForce tif = pick(TimeInForce.values());
    boolean postOnly = tif != TimeInForce.IOC && tif != TimeInForce.FOK && random.nextBoolean();
    return new OrderRequest(new ClientOrderId(id()), instrument(), pick(Outcome.values()), pick(Side.values()), price(),
        quantity(1), tif, postOnly, tif == TimeInForce.GTD ? instant() : null);
  }

  private SubmitResult submitResult() {
    ClientOrderId id = new ClientOrderId(id());
    switch (random.nextInt(4)) {
      case 0:
        return new SubmitResult.Accepted(id, new VenueOrderId(id()), pick(OrderStatus.values()), quantity(0));
      case 1:
        return new SubmitResult.Rejected(id, id(), text());
      case 2:
        return new SubmitResult.Denied(id, text());
      default:
        return new SubmitResult.Unknown(id, text());
    }
  }

  private OrderReport orderReport() {
    return new OrderReport(new VenueOrderId(id()), random.nextBoolean() ? null : new ClientOrderId(id()), instrument(),
        pick(Outcome.values()), pick(Side.values()), price(), quantity(0), quantity(0), pick(OrderStatus.values()),
        random.nextBoolean() ? null : instant());
  }

  private Fill fill() {
    Money fee = money();
    return new Fill(id(), instrument(), pick(Outcome.values()), pick(Side.values()), price(), quantity(1),
        fee.isNegative() ? fee.negate() : fee, instant(), random.nextBoolean() ? null : new ClientOrderId(id()),
        random.nextBoolean() ? null : id());
  }

  private WireRequest wireRequest() {
    List<Map.Entry<String, String>> headers = list(() -> new AbstractMap.SimpleImmutableEntry<>(id(),
        random.nextInt(5) == 0 ? null : text()));
    return new WireRequest(pick(new String[] {"GET", "POST", "DELETE"}), "https://" + id() + "/x?y=" + id(), headers,
        random.nextBoolean() ? null : text());
  }

  static <T> Function<Random, T> with(Function<LinkMessageGen, T> f) {
    return r -> f.apply(new LinkMessageGen(r));
  }
}
