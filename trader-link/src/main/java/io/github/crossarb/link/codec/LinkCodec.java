package io.github.crossarb.link.codec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.Fixed;
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
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The link's JSON codec (wire version 1). Each message is an object whose {@code "type"} names it
 * in snake_case ({@code place_leg}); fields are camelCase like the records. Core types stay exact
 * at the edge: prices, sizes and money are decimal strings ({@code "0.42"}), instants ISO-8601,
 * enums by name, an empty {@code Optional} or absent value is {@code null}. Encoding is
 * deterministic (fixed field order, sets and maps in enum order), which the handshake relies on.
 *
 * <p>Decoding is strict: unknown type, unknown or missing field, wrong JSON type, bad value all end
 * in a {@link LinkCodecException}, and nothing else escapes for any input. Thread-safe.
 */
public final class LinkCodec {
  /** The longest text decoded; the transport's message limit is the same. */
  public static final int MAX_TEXT_CHARS = 4 * 1024 * 1024;

  private static final String SEALED = "sealed";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonMapper mapper = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  /** The wire name of each message type, in one place. */
  private static final Map<Class<? extends LinkMessage>, String> NAMES = names();

  private static Map<Class<? extends LinkMessage>, String> names() {
    Map<Class<? extends LinkMessage>, String> names = new LinkedHashMap<>();
    names.put(Hello.class, "hello");
    names.put(Welcome.class, "welcome");
    names.put(Authenticate.class, "authenticate");
    names.put(PlaceLeg.class, "place_leg");
    names.put(CancelLeg.class, "cancel_leg");
    names.put(CancelAll.class, "cancel_all");
    names.put(FindOrder.class, "find_order");
    names.put(FetchOpenOrders.class, "fetch_open_orders");
    names.put(FetchFills.class, "fetch_fills");
    names.put(FetchAccount.class, "fetch_account");
    names.put(PrepareLeg.class, "prepare_leg");
    names.put(LegAck.class, "leg_ack");
    names.put(LegResult.class, "leg_result");
    names.put(CancelLegResult.class, "cancel_leg_result");
    names.put(CancelAllResult.class, "cancel_all_result");
    names.put(OrderFound.class, "order_found");
    names.put(OpenOrders.class, "open_orders");
    names.put(FillsFetched.class, "fills_fetched");
    names.put(AccountSnapshot.class, "account_snapshot");
    names.put(LegPrepared.class, "leg_prepared");
    names.put(CommandFailed.class, "command_failed");
    names.put(FillReport.class, "fill_report");
    names.put(FillConfirmedReport.class, "fill_confirmed_report");
    names.put(FillVoidReport.class, "fill_void_report");
    names.put(OrderUpdateReport.class, "order_update_report");
    names.put(VenueStreamState.class, "venue_stream_state");
    names.put(Heartbeat.class, "heartbeat");
    names.put(Bye.class, "bye");
    return Collections.unmodifiableMap(names);
  }

  /** Every wire type name, in a stable order (for tests and documentation). */
  public static List<String> typeNames() {
    return List.copyOf(NAMES.values());
  }

  /** The wire type name of {@code message}'s class, e.g. {@code place_leg}. */
  public static String typeName(LinkMessage message) {
    return NAMES.get(message.getClass());
  }

  // ---------------------------------------------------------------- public API

  /** The JSON text of {@code message}. */
  public String encode(LinkMessage message) {
    return write(encodeNode(message));
  }

  /** Reads one message. */
  public LinkMessage decode(String text) throws LinkCodecException {
    return decodeNode(parse(text), "message");
  }

  /** The JSON text of {@code frame}: {@code {"seq":..,"ack":..,"sentAt":..,"message":{..}}}. */
  public String encodeFrame(Frame frame) {
    ObjectNode node = NODES.objectNode();
    node.put("seq", frame.seq());
    node.put("ack", frame.ack());
    node.put("sentAt", frame.sentAt().toString());
    node.set("message", encodeNode(frame.message()));
    return write(node);
  }

  /** Reads the text of a frame (after its MAC was checked). */
  public Frame decodeFrame(String text) throws LinkCodecException {
    JsonIn in = JsonIn.of(parse(text), "frame");
    try {
      long seq = in.lng("seq");
      long ack = in.lng("ack");
      Instant sentAt = instant(in, "sentAt");
      LinkMessage message = decodeNode(in.obj("message").node(), "frame.message");
      in.end();
      return new Frame(seq, ack, sentAt, message);
    } catch (RuntimeException e) {
      throw invalid("frame", e);
    }
  }

  /** The text of one WebSocket message: a clear message or a sealed frame. */
  public String encodeEnvelope(Envelope envelope) {
    if (envelope instanceof Envelope.Plain plain) {
      return encode(plain.message());
    }
    Envelope.Sealed sealed = (Envelope.Sealed) envelope;
    ObjectNode node = NODES.objectNode();
    node.put("type", SEALED);
    node.put("frame", sealed.frame());
    node.put("mac", sealed.mac());
    return write(node);
  }

  /** Reads one WebSocket message: a sealed frame (still to be authenticated) or a clear message. */
  public Envelope decodeEnvelope(String text) throws LinkCodecException {
    JsonNode node = parse(text);
    JsonNode type = node.get("type");
    if (type != null && type.isTextual() && SEALED.equals(type.textValue())) {
      JsonIn in = JsonIn.of(node, SEALED);
      in.str("type");
      String frame = in.str("frame");
      String mac = in.str("mac");
      in.end();
      return new Envelope.Sealed(frame, mac);
    }
    return new Envelope.Plain(decodeNode(node, "message"));
  }

  // ---------------------------------------------------------------- plumbing

  private String write(JsonNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (JacksonException e) {
      // a tree of strings, integers and booleans always serialises; this would be a bug here
      throw new IllegalStateException("link codec could not write a tree", e);
    }
  }

  private JsonNode parse(String text) throws LinkCodecException {
    if (text == null) {
      throw new LinkCodecException("no text");
    }
    if (text.length() > MAX_TEXT_CHARS) {
      throw new LinkCodecException("text of " + text.length() + " characters exceeds " + MAX_TEXT_CHARS);
    }
    try {
      JsonNode node = mapper.readTree(text);
      if (node == null || !node.isObject()) {
        throw new LinkCodecException("not a JSON object: " + LinkCodecException.quote(text));
      }
      return node;
    } catch (JacksonException e) {
      throw new LinkCodecException("malformed JSON at " + location(e) + ": " + LinkCodecException.quote(text));
    } catch (RuntimeException e) {
      throw new LinkCodecException("unreadable JSON: " + LinkCodecException.quote(text));
    }
  }

  private static String location(JacksonException e) {
    return e.getLocation() == null ? "?" : "column " + e.getLocation().getColumnNr();
  }

  private static LinkCodecException invalid(String where, RuntimeException e) {
    return new LinkCodecException(where + ": " + e.getClass().getSimpleName() + ": "
        + LinkCodecException.oneLine(e.getMessage(), 120));
  }

  // ---------------------------------------------------------------- messages: encode

  private ObjectNode encodeNode(LinkMessage message) {
    String type = NAMES.get(message.getClass());
    ObjectNode o = NODES.objectNode();
    o.put("type", type);
    if (message instanceof Hello m) {
      o.put("minVersion", m.minVersion());
      o.put("maxVersion", m.maxVersion());
      o.put("traderId", m.traderId());
      o.put("nonce", m.nonce());
      o.set("venues", venues(m.venues()));
      o.set("limits", limits(m.limits()));
      o.put("streamId", m.streamId());
      o.put("lastReceivedStreamId", m.lastReceivedStreamId());
      o.put("lastReceivedSeq", m.lastReceivedSeq());
    } else if (message instanceof Welcome m) {
      o.put("version", m.version());
      o.put("nonce", m.nonce());
      o.put("streamId", m.streamId());
      o.put("lastReceivedStreamId", m.lastReceivedStreamId());
      o.put("lastReceivedSeq", m.lastReceivedSeq());
      o.put("proof", m.proof());
    } else if (message instanceof Authenticate m) {
      o.put("proof", m.proof());
    } else if (message instanceof PlaceLeg m) {
      command(o, m.commandId(), m.venue());
      o.set("order", orderRequest(m.order()));
      o.put("deadline", m.deadline().toString());
    } else if (message instanceof CancelLeg m) {
      command(o, m.commandId(), m.venue());
      o.put("venueOrderId", m.venueOrderId().value());
    } else if (message instanceof CancelAll m) {
      command(o, m.commandId(), m.venue());
    } else if (message instanceof FindOrder m) {
      command(o, m.commandId(), m.venue());
      o.put("clientOrderId", m.clientOrderId().value());
    } else if (message instanceof FetchOpenOrders m) {
      command(o, m.commandId(), m.venue());
    } else if (message instanceof FetchFills m) {
      command(o, m.commandId(), m.venue());
      o.put("since", m.since().toString());
    } else if (message instanceof FetchAccount m) {
      command(o, m.commandId(), m.venue());
    } else if (message instanceof PrepareLeg m) {
      command(o, m.commandId(), m.venue());
      o.set("order", orderRequest(m.order()));
    } else if (message instanceof LegAck m) {
      o.put("commandId", m.commandId());
    } else if (message instanceof LegResult m) {
      o.put("commandId", m.commandId());
      o.set("result", submitResult(m.result()));
    } else if (message instanceof CancelLegResult m) {
      o.put("commandId", m.commandId());
      o.put("result", m.result().name());
    } else if (message instanceof CancelAllResult m) {
      o.put("commandId", m.commandId());
      ArrayNode ids = o.putArray("cancelled");
      m.cancelled().forEach(id -> ids.add(id.value()));
    } else if (message instanceof OrderFound m) {
      o.put("commandId", m.commandId());
      o.set("order", m.order().isPresent() ? orderReport(m.order().get()) : NODES.nullNode());
    } else if (message instanceof OpenOrders m) {
      o.put("commandId", m.commandId());
      ArrayNode orders = o.putArray("orders");
      m.orders().forEach(r -> orders.add(orderReport(r)));
    } else if (message instanceof FillsFetched m) {
      o.put("commandId", m.commandId());
      ArrayNode fills = o.putArray("fills");
      m.fills().forEach(f -> fills.add(fill(f)));
    } else if (message instanceof AccountSnapshot m) {
      o.put("commandId", m.commandId());
      o.set("balance", balance(m.balance()));
      ArrayNode positions = o.putArray("positions");
      m.positions().forEach(p -> positions.add(position(p)));
    } else if (message instanceof LegPrepared m) {
      o.put("commandId", m.commandId());
      o.set("request", wireRequest(m.request()));
    } else if (message instanceof CommandFailed m) {
      o.put("commandId", m.commandId());
      o.put("kind", m.kind().name());
      o.put("venueCode", m.venueCode());
      o.put("message", m.message());
    } else if (message instanceof FillReport m) {
      o.put("venue", m.venue().name());
      o.set("fill", fill(m.fill()));
    } else if (message instanceof FillConfirmedReport m) {
      o.put("venue", m.venue().name());
      o.put("fillId", m.fillId());
    } else if (message instanceof FillVoidReport m) {
      o.put("venue", m.venue().name());
      o.set("fillVoid", fillVoid(m.fillVoid()));
    } else if (message instanceof OrderUpdateReport m) {
      o.put("venue", m.venue().name());
      o.set("order", orderReport(m.order()));
    } else if (message instanceof VenueStreamState m) {
      o.put("venue", m.venue().name());
      o.put("up", m.up());
      o.put("reason", m.reason());
    } else if (message instanceof Heartbeat) {
      // no fields
    } else if (message instanceof Bye m) {
      o.put("reason", m.reason().name());
      o.put("detail", m.detail());
    } else {
      throw new IllegalArgumentException("no wire form for " + message.getClass().getName());
    }
    return o;
  }

  private static void command(ObjectNode o, String commandId, VenueId venue) {
    o.put("commandId", commandId);
    o.put("venue", venue.name());
  }

  private static String decimal(long micros) {
    return Fixed.format(micros);
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static ObjectNode venues(Map<VenueId, VenueCapabilities> venues) {
    ObjectNode o = NODES.objectNode();
    Map<VenueId, VenueCapabilities> ordered = new EnumMap<>(VenueId.class);
    ordered.putAll(venues);
    ordered.forEach((venue, caps) -> o.set(venue.name(), capabilities(caps)));
    return o;
  }

  private static ObjectNode capabilities(VenueCapabilities caps) {
    ObjectNode o = NODES.objectNode();
    ArrayNode tifs = o.putArray("timeInForce");
    (caps.timeInForce().isEmpty() ? EnumSet.noneOf(TimeInForce.class) : EnumSet.copyOf(caps.timeInForce()))
        .forEach(t -> tifs.add(t.name()));
    o.put("postOnly", caps.postOnly());
    o.put("batchOrders", caps.batchOrders());
    o.put("amend", caps.amend());
    o.put("fractionalSizes", caps.fractionalSizes());
    return o;
  }

  private static ObjectNode limits(TraderLimits limits) {
    ObjectNode o = NODES.objectNode();
    o.put("maxOrderNotional", decimal(limits.maxOrderNotional().micros()));
    o.put("maxDailyNotional", decimal(limits.maxDailyNotional().micros()));
    ArrayNode markets = o.putArray("allowedMarkets");
    limits.allowedMarkets().forEach(markets::add);
    return o;
  }

  private static ObjectNode orderRequest(OrderRequest r) {
    ObjectNode o = NODES.objectNode();
    o.put("clientOrderId", r.clientOrderId().value());
    o.put("instrument", r.instrument().toString());
    o.put("outcome", r.outcome().name());
    o.put("side", r.side().name());
    o.put("price", decimal(r.price().micros()));
    o.put("size", decimal(r.size().micros()));
    o.put("timeInForce", r.timeInForce().name());
    o.put("postOnly", r.postOnly());
    o.put("expiration", text(r.expiration()));
    return o;
  }

  private static ObjectNode submitResult(SubmitResult result) {
    ObjectNode o = NODES.objectNode();
    if (result instanceof SubmitResult.Accepted a) {
      o.put("kind", "accepted");
      o.put("clientOrderId", a.clientOrderId().value());
      o.put("venueOrderId", a.venueOrderId().value());
      o.put("status", a.status().name());
      o.put("filled", decimal(a.filled().micros()));
    } else if (result instanceof SubmitResult.Rejected r) {
      o.put("kind", "rejected");
      o.put("clientOrderId", r.clientOrderId().value());
      o.put("venueCode", r.venueCode());
      o.put("message", r.message());
    } else if (result instanceof SubmitResult.Denied d) {
      o.put("kind", "denied");
      o.put("clientOrderId", d.clientOrderId().value());
      o.put("reason", d.reason());
    } else {
      SubmitResult.Unknown u = (SubmitResult.Unknown) result;
      o.put("kind", "unknown");
      o.put("clientOrderId", u.clientOrderId().value());
      o.put("reason", u.reason());
    }
    return o;
  }

  private static ObjectNode orderReport(OrderReport r) {
    ObjectNode o = NODES.objectNode();
    o.put("venueOrderId", r.venueOrderId().value());
    o.put("clientOrderId", r.clientOrderId() == null ? null : r.clientOrderId().value());
    o.put("instrument", r.instrument().toString());
    o.put("outcome", r.outcome().name());
    o.put("side", r.side().name());
    o.put("price", decimal(r.price().micros()));
    o.put("size", decimal(r.size().micros()));
    o.put("filled", decimal(r.filled().micros()));
    o.put("status", r.status().name());
    o.put("createdAt", text(r.createdAt()));
    return o;
  }

  private static ObjectNode fill(Fill f) {
    ObjectNode o = NODES.objectNode();
    o.put("fillId", f.fillId());
    o.put("instrument", f.instrument().toString());
    o.put("outcome", f.outcome().name());
    o.put("side", f.side().name());
    o.put("price", decimal(f.price().micros()));
    o.put("quantity", decimal(f.quantity().micros()));
    o.put("fee", decimal(f.fee().micros()));
    o.put("time", f.time().toString());
    o.put("clientOrderId", f.clientOrderId() == null ? null : f.clientOrderId().value());
    o.put("pairId", f.pairId());
    return o;
  }

  private static ObjectNode fillVoid(FillVoid v) {
    ObjectNode o = NODES.objectNode();
    o.put("venue", v.venue().name());
    o.put("fillId", v.fillId());
    o.put("time", v.time().toString());
    return o;
  }

  private static ObjectNode balance(Balance b) {
    ObjectNode o = NODES.objectNode();
    o.put("venue", b.venue().name());
    o.put("available", decimal(b.available().micros()));
    o.put("portfolioValue", b.portfolioValue() == null ? null : decimal(b.portfolioValue().micros()));
    return o;
  }

  private static ObjectNode position(PositionReport p) {
    ObjectNode o = NODES.objectNode();
    o.put("instrument", p.instrument().toString());
    o.put("outcome", p.outcome().name());
    o.put("quantity", decimal(p.quantity().micros()));
    o.put("cost", p.cost() == null ? null : decimal(p.cost().micros()));
    return o;
  }

  private static ObjectNode wireRequest(WireRequest r) {
    ObjectNode o = NODES.objectNode();
    o.put("method", r.method());
    o.put("url", r.url());
    ArrayNode headers = o.putArray("headers");
    for (Map.Entry<String, String> h : r.headers()) {
      ObjectNode header = headers.addObject();
      header.put("name", h.getKey());
      header.put("value", h.getValue());
    }
    o.put("body", r.body());
    return o;
  }

  // ---------------------------------------------------------------- messages: decode

  private LinkMessage decodeNode(JsonNode node, String where) throws LinkCodecException {
    JsonIn in = JsonIn.of(node, where);
    String type = in.str("type");
    String name = LinkCodecException.quote(type);
    try {
      LinkMessage message = decodeTyped(type, in);
      if (message == null) {
        throw new LinkCodecException(where + ": unknown type " + name);
      }
      in.end();
      return message;
    } catch (RuntimeException e) {
      throw invalid(where + " " + name, e);
    }
  }

  private LinkMessage decodeTyped(String type, JsonIn in) throws LinkCodecException {
    switch (type) {
      case "hello":
        return new Hello(in.integer("minVersion"), in.integer("maxVersion"), in.str("traderId"), in.str("nonce"),
            venues(in.obj("venues")), limits(in.obj("limits")), in.str("streamId"),
            in.optStr("lastReceivedStreamId"), in.lng("lastReceivedSeq"));
      case "welcome":
        return new Welcome(in.integer("version"), in.str("nonce"), in.str("streamId"),
            in.optStr("lastReceivedStreamId"), in.lng("lastReceivedSeq"), in.str("proof"));
      case "authenticate":
        return new Authenticate(in.str("proof"));
      case "place_leg":
        return new PlaceLeg(in.str("commandId"), venue(in, "venue"), orderRequest(in.obj("order")),
            instant(in, "deadline"));
      case "cancel_leg":
        return new CancelLeg(in.str("commandId"), venue(in, "venue"), new VenueOrderId(in.str("venueOrderId")));
      case "cancel_all":
        return new CancelAll(in.str("commandId"), venue(in, "venue"));
      case "find_order":
        return new FindOrder(in.str("commandId"), venue(in, "venue"), new ClientOrderId(in.str("clientOrderId")));
      case "fetch_open_orders":
        return new FetchOpenOrders(in.str("commandId"), venue(in, "venue"));
      case "fetch_fills":
        return new FetchFills(in.str("commandId"), venue(in, "venue"), instant(in, "since"));
      case "fetch_account":
        return new FetchAccount(in.str("commandId"), venue(in, "venue"));
      case "prepare_leg":
        return new PrepareLeg(in.str("commandId"), venue(in, "venue"), orderRequest(in.obj("order")));
      case "leg_ack":
        return new LegAck(in.str("commandId"));
      case "leg_result":
        return new LegResult(in.str("commandId"), submitResult(in.obj("result")));
      case "cancel_leg_result":
        return new CancelLegResult(in.str("commandId"), enumOf(CancelResult.class, in, "result"));
      case "cancel_all_result": {
        String commandId = in.str("commandId");
        List<VenueOrderId> ids = new ArrayList<>();
        for (String id : in.strs("cancelled")) {
          ids.add(new VenueOrderId(id));
        }
        return new CancelAllResult(commandId, ids);
      }
      case "order_found": {
        String commandId = in.str("commandId");
        JsonIn order = in.optObj("order");
        return new OrderFound(commandId, order == null ? Optional.empty() : Optional.of(orderReport(order)));
      }
      case "open_orders": {
        String commandId = in.str("commandId");
        List<OrderReport> orders = new ArrayList<>();
        for (JsonIn o : in.objs("orders")) {
          orders.add(orderReport(o));
        }
        return new OpenOrders(commandId, orders);
      }
      case "fills_fetched": {
        String commandId = in.str("commandId");
        List<Fill> fills = new ArrayList<>();
        for (JsonIn f : in.objs("fills")) {
          fills.add(fill(f));
        }
        return new FillsFetched(commandId, fills);
      }
      case "account_snapshot": {
        String commandId = in.str("commandId");
        Balance balance = balance(in.obj("balance"));
        List<PositionReport> positions = new ArrayList<>();
        for (JsonIn p : in.objs("positions")) {
          positions.add(position(p));
        }
        return new AccountSnapshot(commandId, balance, positions);
      }
      case "leg_prepared":
        return new LegPrepared(in.str("commandId"), wireRequest(in.obj("request")));
      case "command_failed":
        return new CommandFailed(in.str("commandId"), enumOf(FailureKind.class, in, "kind"), in.optStr("venueCode"),
            in.str("message"));
      case "fill_report":
        return new FillReport(venue(in, "venue"), fill(in.obj("fill")));
      case "fill_confirmed_report":
        return new FillConfirmedReport(venue(in, "venue"), in.str("fillId"));
      case "fill_void_report":
        return new FillVoidReport(venue(in, "venue"), fillVoid(in.obj("fillVoid")));
      case "order_update_report":
        return new OrderUpdateReport(venue(in, "venue"), orderReport(in.obj("order")));
      case "venue_stream_state":
        return new VenueStreamState(venue(in, "venue"), in.bool("up"), in.str("reason"));
      case "heartbeat":
        return new Heartbeat();
      case "bye":
        return new Bye(enumOf(DisconnectReason.class, in, "reason"), in.str("detail"));
      default:
        return null;
    }
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, JsonIn in, String field) throws LinkCodecException {
    String name = in.str(field);
    for (E value : type.getEnumConstants()) {
      if (value.name().equals(name)) {
        return value;
      }
    }
    throw new LinkCodecException(in.where() + ": field " + field + " has no value " + LinkCodecException.quote(name));
  }


  private static VenueId venue(JsonIn in, String field) throws LinkCodecException {
    return enumOf(VenueId.class, in, field);
  }

  private static Instant instant(JsonIn in, String field) throws LinkCodecException {
    return parseInstant(in, field, in.str(field));
  }

  private static Instant optInstant(JsonIn in, String field) throws LinkCodecException {
    String text = in.optStr(field);
    return text == null ? null : parseInstant(in, field, text);
  }

  private static Instant parseInstant(JsonIn in, String field, String text) throws LinkCodecException {
    try {
      return Instant.parse(text);
    } catch (RuntimeException e) {
      throw new LinkCodecException(in.where() + ": field " + field + " is not an ISO-8601 instant: "
          + LinkCodecException.quote(text));
    }
  }

  private static Price price(JsonIn in, String field) throws LinkCodecException {
    String text = in.str(field);
    try {
      return Price.parse(text);
    } catch (RuntimeException e) {
      throw badDecimal(in, field, "a price in [0, 1]", text);
    }
  }

  private static Quantity quantity(JsonIn in, String field) throws LinkCodecException {
    String text = in.str(field);
    try {
      return Quantity.parse(text);
    } catch (RuntimeException e) {
      throw badDecimal(in, field, "a non-negative decimal", text);
    }
  }

  private static Money money(JsonIn in, String field) throws LinkCodecException {
    return parseMoney(in, field, in.str(field));
  }

  private static Money optMoney(JsonIn in, String field) throws LinkCodecException {
    String text = in.optStr(field);
    return text == null ? null : parseMoney(in, field, text);
  }

  private static Money parseMoney(JsonIn in, String field, String text) throws LinkCodecException {
    try {
      return Money.parse(text);
    } catch (RuntimeException e) {
      throw badDecimal(in, field, "a decimal amount", text);
    }
  }

  private static LinkCodecException badDecimal(JsonIn in, String field, String what, String text) {
    return new LinkCodecException(in.where() + ": field " + field + " must be " + what + ", not "
        + LinkCodecException.quote(text));
  }

  private static InstrumentId instrument(JsonIn in, String field) throws LinkCodecException {
    String text = in.str(field);
    try {
      return InstrumentId.parse(text);
    } catch (RuntimeException e) {
      throw new LinkCodecException(in.where() + ": field " + field + " is not an instrument id: "
          + LinkCodecException.quote(text));
    }
  }

  private static ClientOrderId optClientOrderId(JsonIn in, String field) throws LinkCodecException {
    String text = in.optStr(field);
    return text == null ? null : new ClientOrderId(text);
  }

  private static Map<VenueId, VenueCapabilities> venues(JsonIn in) throws LinkCodecException {
    Map<VenueId, VenueCapabilities> venues = new EnumMap<>(VenueId.class);
    for (String key : in.keys()) {
      VenueId venue = null;
      for (VenueId v : VenueId.values()) {
        if (v.name().equals(key)) {
          venue = v;
        }
      }
      if (venue == null) {
        throw new LinkCodecException(in.where() + ": unknown venue " + LinkCodecException.quote(key));
      }
      venues.put(venue, capabilities(in.objAt(key)));
    }
    in.end();
    return venues;
  }

  private static VenueCapabilities capabilities(JsonIn in) throws LinkCodecException {
    Set<TimeInForce> tifs = EnumSet.noneOf(TimeInForce.class);
    for (String name : in.strs("timeInForce")) {
      TimeInForce tif = null;
      for (TimeInForce t : TimeInForce.values()) {
        if (t.name().equals(name)) {
          tif = t;
        }
      }
      if (tif == null || !tifs.add(tif)) {
        throw new LinkCodecException(in.where() + ": bad or repeated time in force " + LinkCodecException.quote(name));
      }
    }
    VenueCapabilities caps = new VenueCapabilities(tifs, in.bool("postOnly"), in.bool("batchOrders"),
        in.bool("amend"), in.bool("fractionalSizes"));
    in.end();
    return caps;
  }

  private static TraderLimits limits(JsonIn in) throws LinkCodecException {
    TraderLimits limits = new TraderLimits(money(in, "maxOrderNotional"), money(in, "maxDailyNotional"),
        in.strs("allowedMarkets"));
    in.end();
    return limits;
  }

  private static OrderRequest orderRequest(JsonIn in) throws LinkCodecException {
    OrderRequest r = new OrderRequest(new ClientOrderId(in.str("clientOrderId")), instrument(in, "instrument"),
        enumOf(Outcome.class, in, "outcome"), enumOf(Side.class, in, "side"), price(in, "price"),
        quantity(in, "size"), enumOf(TimeInForce.class, in, "timeInForce"), in.bool("postOnly"),
        optInstant(in, "expiration"));
    in.end();
    return r;
  }

  private static SubmitResult submitResult(JsonIn in) throws LinkCodecException {
    String kind = in.str("kind");
    ClientOrderId id = new ClientOrderId(in.str("clientOrderId"));
    SubmitResult result;
    switch (kind) {
      case "accepted":
        result = new SubmitResult.Accepted(id, new VenueOrderId(in.str("venueOrderId")),
            enumOf(OrderStatus.class, in, "status"), quantity(in, "filled"));
        break;
      case "rejected":
        result = new SubmitResult.Rejected(id, in.str("venueCode"), in.str("message"));
        break;
      case "denied":
        result = new SubmitResult.Denied(id, in.str("reason"));
        break;
      case "unknown":
        result = new SubmitResult.Unknown(id, in.str("reason"));
        break;
      default:
        throw new LinkCodecException(in.where() + ": unknown submit result kind " + LinkCodecException.quote(kind));
    }
    in.end();
    return result;
  }

  private static OrderReport orderReport(JsonIn in) throws LinkCodecException {
    OrderReport r = new OrderReport(new VenueOrderId(in.str("venueOrderId")), optClientOrderId(in, "clientOrderId"),
        instrument(in, "instrument"), enumOf(Outcome.class, in, "outcome"), enumOf(Side.class, in, "side"),
        price(in, "price"), quantity(in, "size"), quantity(in, "filled"), enumOf(OrderStatus.class, in, "status"),
        optInstant(in, "createdAt"));
    in.end();
    return r;
  }

  private static Fill fill(JsonIn in) throws LinkCodecException {
    Fill f = new Fill(in.str("fillId"), instrument(in, "instrument"), enumOf(Outcome.class, in, "outcome"),
        enumOf(Side.class, in, "side"), price(in, "price"), quantity(in, "quantity"), money(in, "fee"),
        instant(in, "time"), optClientOrderId(in, "clientOrderId"), in.optStr("pairId"));
    in.end();
    return f;
  }

  private static FillVoid fillVoid(JsonIn in) throws LinkCodecException {
    FillVoid v = new FillVoid(venue(in, "venue"), in.str("fillId"), instant(in, "time"));
    in.end();
    return v;
  }

  private static Balance balance(JsonIn in) throws LinkCodecException {
    Balance b = new Balance(venue(in, "venue"), money(in, "available"), optMoney(in, "portfolioValue"));
    in.end();
    return b;
  }

  private static PositionReport position(JsonIn in) throws LinkCodecException {
    PositionReport p = new PositionReport(instrument(in, "instrument"), enumOf(Outcome.class, in, "outcome"),
        quantity(in, "quantity"), optMoney(in, "cost"));
    in.end();
    return p;
  }

  private static WireRequest wireRequest(JsonIn in) throws LinkCodecException {
    String method = in.str("method");
    String url = in.str("url");
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (JsonIn h : in.objs("headers")) {
      headers.add(new AbstractMap.SimpleImmutableEntry<>(h.str("name"), h.optStr("value")));
      h.end();
    }
    WireRequest r = new WireRequest(method, url, headers, in.optStr("body"));
    in.end();
    return r;
  }
}
