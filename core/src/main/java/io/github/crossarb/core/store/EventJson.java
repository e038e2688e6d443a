package io.github.crossarb.core.store;

import static io.github.crossarb.core.store.StrictJson.array;
import static io.github.crossarb.core.store.StrictJson.bool;
import static io.github.crossarb.core.store.StrictJson.duration;
import static io.github.crossarb.core.store.StrictJson.field;
import static io.github.crossarb.core.store.StrictJson.instant;
import static io.github.crossarb.core.store.StrictJson.intField;
import static io.github.crossarb.core.store.StrictJson.onlyFields;
import static io.github.crossarb.core.store.StrictJson.optionalText;
import static io.github.crossarb.core.store.StrictJson.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EngineEvent.Alert;
import io.github.crossarb.core.event.EngineEvent.Decision;
import io.github.crossarb.core.event.EngineEvent.DecisionKind;
import io.github.crossarb.core.event.EngineEvent.ExecutionFinished;
import io.github.crossarb.core.event.EngineEvent.FillConfirmed;
import io.github.crossarb.core.event.EngineEvent.FillRecorded;
import io.github.crossarb.core.event.EngineEvent.FillReversed;
import io.github.crossarb.core.event.EngineEvent.ModeChanged;
import io.github.crossarb.core.event.EngineEvent.OpportunityFound;
import io.github.crossarb.core.event.EngineEvent.OrderOutcome;
import io.github.crossarb.core.event.EngineEvent.OrderPurpose;
import io.github.crossarb.core.event.EngineEvent.OrderSent;
import io.github.crossarb.core.event.EngineEvent.PairStatusChanged;
import io.github.crossarb.core.event.EngineEvent.Reconciled;
import io.github.crossarb.core.event.EngineEvent.Severity;
import io.github.crossarb.core.event.EngineEvent.Unwind;
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
import io.github.crossarb.core.pricing.Direction;
import io.github.crossarb.core.pricing.LegPlan;
import io.github.crossarb.core.pricing.Opportunity;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.OrderStatus;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.TimeInForce;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The JSON form of one {@link EngineEvent}: one object per line, {@code "time"} and {@code "type"}
 * (the record's name in snake_case) first, then the record's fields by name. Money, prices and
 * sizes are decimal strings, durations ISO-8601 ({@code PT0.25S}), enums their names, absent
 * values {@code null}. Reading is strict: unknown or missing fields and wrong types are errors
 * ({@link IllegalArgumentException}; the caller adds the file and line).
 */
final class EventJson {
  static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final Set<String> LEG_FIELDS = Set.of("instrument", "outcome", "side", "limitPrice", "size", "cost",
      "fee", "levelsUsed");
  private static final Set<String> OPPORTUNITY_FIELDS = Set.of("direction", "kalshi", "polymarket", "size", "totalCost",
      "totalFees", "payout", "expectedProfit", "kalshiBookAge", "polymarketYesBookAge", "polymarketNoBookAge");
  private static final Set<String> ORDER_FIELDS = Set.of("clientOrderId", "instrument", "outcome", "side", "price", "size",
      "timeInForce", "postOnly", "expiration");
  private static final Set<String> FILL_FIELDS = Set.of("fillId", "instrument", "outcome", "side", "price", "quantity",
      "fee", "time", "clientOrderId", "pairId");
  private static final Set<String> VOID_FIELDS = Set.of("venue", "fillId", "time");

  private EventJson() {}

  /** The {@code "type"} of an event class: {@code OrderSent} → {@code order_sent}. */
  static String typeOf(Class<? extends EngineEvent> type) {
    String name = type.getSimpleName();
    StringBuilder out = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  // ------------------------------------------------------------------------------------ writing

  /** One line, without its newline. */
  static String line(EngineEvent event) {
    ObjectNode o = NODES.objectNode();
    o.put("time", event.time().toString());
    o.put("type", typeOf(event.getClass()));
    if (event instanceof OpportunityFound e) {
      o.put("pairId", e.opportunity().pairId());
      o.put("executionId", e.executionId());
      o.set("opportunity", opportunity(e.opportunity()));
    } else if (event instanceof Decision e) {
      o.put("pairId", e.pairId());
      o.put("executionId", e.executionId());
      o.put("kind", e.kind().name());
      o.put("reason", e.reason());
    } else if (event instanceof OrderSent e) {
      o.put("pairId", e.pairId());
      o.put("executionId", e.executionId());
      o.put("purpose", e.purpose().name());
      o.set("order", order(e.request()));
    } else if (event instanceof OrderOutcome e) {
      o.put("pairId", e.pairId());
      o.put("executionId", e.executionId());
      o.set("result", result(e.result()));
    } else if (event instanceof FillRecorded e) {
      o.put("provisional", e.provisional());
      o.set("fill", fill(e.fill()));
    } else if (event instanceof FillConfirmed e) {
      o.put("venue", e.venue().name());
      o.put("fillId", e.fillId());
    } else if (event instanceof FillReversed e) {
      ObjectNode v = o.putObject("fillVoid");
      v.put("venue", e.fillVoid().venue().name());
      v.put("fillId", e.fillVoid().fillId());
      v.put("time", e.fillVoid().time().toString());
    } else if (event instanceof Unwind e) {
      o.put("pairId", e.pairId());
      o.put("executionId", e.executionId());
      o.put("venue", e.venue().name());
      o.put("residual", decimal(e.residual()));
      o.put("sold", decimal(e.sold()));
      o.put("realizedLoss", decimal(e.realizedLoss()));
      o.put("lossCap", decimal(e.lossCap()));
      o.put("detail", e.detail());
    } else if (event instanceof ExecutionFinished e) {
      o.put("pairId", e.pairId());
      o.put("executionId", e.executionId());
      o.put("outcome", e.outcome());
      o.put("kalshiFilled", decimal(e.kalshiFilled()));
      o.put("polymarketFilled", decimal(e.polymarketFilled()));
      o.put("hedged", decimal(e.hedged()));
      o.put("residual", decimal(e.residual()));
      o.put("expectedProfit", decimal(e.expectedProfit()));
      ArrayNode unknown = o.putArray("unknownOrders");
      e.unknownOrders().forEach(id -> unknown.add(id.value()));
      o.put("detail", e.detail());
    } else if (event instanceof Alert e) {
      o.put("severity", e.severity().name());
      o.put("pairId", e.pairId());
      o.put("message", e.message());
    } else if (event instanceof ModeChanged e) {
      o.put("what", e.what());
      o.put("from", e.from());
      o.put("to", e.to());
      o.put("reason", e.reason());
    } else if (event instanceof PairStatusChanged e) {
      o.put("pairId", e.pairId());
      o.put("status", e.status());
      o.put("reason", e.reason());
    } else if (event instanceof Reconciled e) {
      o.put("passed", e.passed());
      ArrayNode drifts = o.putArray("drifts");
      e.drifts().forEach(drifts::add);
      o.put("fillsAdded", e.fillsAdded());
      o.put("unknownsResolved", e.unknownsResolved());
    } else {
      throw new IllegalArgumentException("no JSON form for " + event.getClass().getName());
    }
    try {
      return MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an event", e);
    }
  }

  private static ObjectNode opportunity(Opportunity p) {
    ObjectNode o = NODES.objectNode();
    o.put("direction", p.direction().name());
    o.set("kalshi", leg(p.kalshi()));
    o.set("polymarket", leg(p.polymarket()));
    o.put("size", decimal(p.size()));
    o.put("totalCost", decimal(p.totalCost()));
    o.put("totalFees", decimal(p.totalFees()));
    o.put("payout", decimal(p.payout()));
    o.put("expectedProfit", decimal(p.expectedProfit()));
    o.put("kalshiBookAge", p.kalshiBookAge().toString());
    o.put("polymarketYesBookAge", p.polymarketYesBookAge().toString());
    o.put("polymarketNoBookAge", p.polymarketNoBookAge().toString());
    return o;
  }

  private static ObjectNode leg(LegPlan leg) {
    ObjectNode o = NODES.objectNode();
    o.put("instrument", leg.instrument().toString());
    o.put("outcome", leg.outcome().name());
    o.put("side", leg.side().name());
    o.put("limitPrice", decimal(leg.limitPrice()));
    o.put("size", decimal(leg.size()));
    o.put("cost", decimal(leg.cost()));
    o.put("fee", decimal(leg.fee()));
    o.put("levelsUsed", leg.levelsUsed());
    return o;
  }

  private static ObjectNode order(OrderRequest r) {
    ObjectNode o = NODES.objectNode();
    o.put("clientOrderId", r.clientOrderId().value());
    o.put("instrument", r.instrument().toString());
    o.put("outcome", r.outcome().name());
    o.put("side", r.side().name());
    o.put("price", decimal(r.price()));
    o.put("size", decimal(r.size()));
    o.put("timeInForce", r.timeInForce().name());
    o.put("postOnly", r.postOnly());
    o.put("expiration", r.expiration() == null ? null : r.expiration().toString());
    return o;
  }

  private static ObjectNode result(SubmitResult result) {
    ObjectNode o = NODES.objectNode();
    if (result instanceof SubmitResult.Accepted a) {
      o.put("kind", "accepted");
      o.put("clientOrderId", a.clientOrderId().value());
      o.put("venueOrderId", a.venueOrderId().value());
      o.put("status", a.status().name());
      o.put("filled", decimal(a.filled()));
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

  private static ObjectNode fill(Fill f) {
    ObjectNode o = NODES.objectNode();
    o.put("fillId", f.fillId());
    o.put("instrument", f.instrument().toString());
    o.put("outcome", f.outcome().name());
    o.put("side", f.side().name());
    o.put("price", decimal(f.price()));
    o.put("quantity", decimal(f.quantity()));
    o.put("fee", decimal(f.fee()));
    o.put("time", f.time().toString());
    o.put("clientOrderId", f.clientOrderId() == null ? null : f.clientOrderId().value());
    o.put("pairId", f.pairId());
    return o;
  }

  private static String decimal(Money m) {
    return m == null ? null : Fixed.format(m.micros());
  }

  private static String decimal(Quantity q) {
    return q == null ? null : Fixed.format(q.micros());
  }

  private static String decimal(Price p) {
    return Fixed.format(p.micros());
  }

  // ------------------------------------------------------------------------------------ reading

  /** The event a parsed line holds. */
  static EngineEvent event(ObjectNode o) {
    Instant time = instant(o, "time");
    String type = text(o, "type");
    switch (type) {
      case "opportunity_found": {
        only(o, "executionId", "pairId", "opportunity");
        return new OpportunityFound(time, text(o, "executionId"), opportunity(text(o, "pairId"), object(o, "opportunity")));
      }
      case "decision":
        only(o, "pairId", "executionId", "kind", "reason");
        return new Decision(time, text(o, "pairId"), optionalText(o, "executionId"), DecisionKind.valueOf(text(o, "kind")),
            text(o, "reason"));
      case "order_sent":
        only(o, "pairId", "executionId", "purpose", "order");
        return new OrderSent(time, optionalText(o, "pairId"), optionalText(o, "executionId"), OrderPurpose.valueOf(text(o, "purpose")),
            order(object(o, "order")));
      case "order_outcome":
        only(o, "pairId", "executionId", "result");
        return new OrderOutcome(time, optionalText(o, "pairId"), optionalText(o, "executionId"), result(object(o, "result")));
      case "fill_recorded":
        only(o, "provisional", "fill");
        return new FillRecorded(time, fill(object(o, "fill")), bool(o, "provisional"));
      case "fill_confirmed":
        only(o, "venue", "fillId");
        return new FillConfirmed(time, VenueId.valueOf(text(o, "venue")), text(o, "fillId"));
      case "fill_reversed": {
        only(o, "fillVoid");
        ObjectNode v = object(o, "fillVoid");
        onlyFields(v, VOID_FIELDS, Set.of(), "fillVoid");
        return new FillReversed(time, new FillVoid(VenueId.valueOf(text(v, "venue")), text(v, "fillId"), instant(v, "time")));
      }
      case "unwind":
        only(o, "pairId", "executionId", "venue", "residual", "sold", "realizedLoss", "lossCap", "detail");
        return new Unwind(time, text(o, "pairId"), optionalText(o, "executionId"), VenueId.valueOf(text(o, "venue")),
            Quantity.parse(text(o, "residual")), Quantity.parse(text(o, "sold")), Money.parse(text(o, "realizedLoss")),
            Money.parse(text(o, "lossCap")), text(o, "detail"));
      case "execution_finished": {
        only(o, "pairId", "executionId", "outcome", "kalshiFilled", "polymarketFilled", "hedged", "residual",
            "expectedProfit", "unknownOrders", "detail");
        List<ClientOrderId> unknown = new ArrayList<>();
        for (JsonNode n : array(o, "unknownOrders")) {
          if (!n.isTextual()) {
            throw new IllegalArgumentException("unknownOrders must hold strings");
          }
          unknown.add(new ClientOrderId(n.textValue()));
        }
        return new ExecutionFinished(time, optionalText(o, "pairId"), optionalText(o, "executionId"), optionalText(o, "outcome"),
            opt(o, "kalshiFilled", Quantity::parse), opt(o, "polymarketFilled", Quantity::parse), opt(o, "hedged", Quantity::parse),
            opt(o, "residual", Quantity::parse), opt(o, "expectedProfit", Money::parse), unknown, optionalText(o, "detail"));
      }
      case "alert":
        only(o, "severity", "pairId", "message");
        return new Alert(time, Severity.valueOf(text(o, "severity")), optionalText(o, "pairId"), text(o, "message"));
      case "mode_changed":
        only(o, "what", "from", "to", "reason");
        return new ModeChanged(time, text(o, "what"), optionalText(o, "from"), text(o, "to"), text(o, "reason"));
      case "pair_status_changed":
        only(o, "pairId", "status", "reason");
        return new PairStatusChanged(time, text(o, "pairId"), text(o, "status"), text(o, "reason"));
      case "reconciled": {
        only(o, "passed", "drifts", "fillsAdded", "unknownsResolved");
        List<String> drifts = new ArrayList<>();
        for (JsonNode n : array(o, "drifts")) {
          if (!n.isTextual()) {
            throw new IllegalArgumentException("drifts must hold strings");
          }
          drifts.add(n.textValue());
        }
        return new Reconciled(time, bool(o, "passed"), drifts, intField(o, "fillsAdded"), intField(o, "unknownsResolved"));
      }
      default:
        throw new IllegalArgumentException("unknown event type \"" + type + "\"");
    }
  }

  private static Opportunity opportunity(String pairId, ObjectNode o) {
    onlyFields(o, OPPORTUNITY_FIELDS, Set.of(), "opportunity");
    return new Opportunity(pairId, Direction.valueOf(text(o, "direction")), leg(object(o, "kalshi")),
        leg(object(o, "polymarket")), Quantity.parse(text(o, "size")), Money.parse(text(o, "totalCost")),
        Money.parse(text(o, "totalFees")), Money.parse(text(o, "payout")), Money.parse(text(o, "expectedProfit")),
        duration(o, "kalshiBookAge"), duration(o, "polymarketYesBookAge"), duration(o, "polymarketNoBookAge"));
  }

  private static LegPlan leg(ObjectNode o) {
    onlyFields(o, LEG_FIELDS, Set.of(), "leg");
    return new LegPlan(InstrumentId.parse(text(o, "instrument")), Outcome.valueOf(text(o, "outcome")),
        Side.valueOf(text(o, "side")), Price.parse(text(o, "limitPrice")), Quantity.parse(text(o, "size")),
        Money.parse(text(o, "cost")), Money.parse(text(o, "fee")), intField(o, "levelsUsed"));
  }

  private static OrderRequest order(ObjectNode o) {
    onlyFields(o, ORDER_FIELDS, Set.of(), "order");
    return new OrderRequest(new ClientOrderId(text(o, "clientOrderId")), InstrumentId.parse(text(o, "instrument")),
        Outcome.valueOf(text(o, "outcome")), Side.valueOf(text(o, "side")), Price.parse(text(o, "price")),
        Quantity.parse(text(o, "size")), TimeInForce.valueOf(text(o, "timeInForce")), bool(o, "postOnly"),
        opt(o, "expiration", Instant::parse));
  }

  private static SubmitResult result(ObjectNode o) {
    String kind = text(o, "kind");
    ClientOrderId id = new ClientOrderId(text(o, "clientOrderId"));
    switch (kind) {
      case "accepted":
        onlyFields(o, Set.of("kind", "clientOrderId", "venueOrderId", "status", "filled"), Set.of(), "accepted result");
        return new SubmitResult.Accepted(id, new VenueOrderId(text(o, "venueOrderId")), OrderStatus.valueOf(text(o, "status")),
            Quantity.parse(text(o, "filled")));
      case "rejected":
        onlyFields(o, Set.of("kind", "clientOrderId", "venueCode", "message"), Set.of(), "rejected result");
        return new SubmitResult.Rejected(id, text(o, "venueCode"), text(o, "message"));
      case "denied":
        onlyFields(o, Set.of("kind", "clientOrderId", "reason"), Set.of(), "denied result");
        return new SubmitResult.Denied(id, text(o, "reason"));
      case "unknown":
        onlyFields(o, Set.of("kind", "clientOrderId", "reason"), Set.of(), "unknown result");
        return new SubmitResult.Unknown(id, text(o, "reason"));
      default:
        throw new IllegalArgumentException("unknown result kind \"" + kind + "\" (expected accepted, rejected, denied or unknown)");
    }
  }

  private static Fill fill(ObjectNode o) {
    onlyFields(o, FILL_FIELDS, Set.of(), "fill");
    String clientOrderId = optionalText(o, "clientOrderId");
    return new Fill(text(o, "fillId"), InstrumentId.parse(text(o, "instrument")), Outcome.valueOf(text(o, "outcome")),
        Side.valueOf(text(o, "side")), Price.parse(text(o, "price")), Quantity.parse(text(o, "quantity")),
        Money.parse(text(o, "fee")), instant(o, "time"), clientOrderId == null ? null : new ClientOrderId(clientOrderId),
        optionalText(o, "pairId"));
  }

  // ---------------------------------------------------------------------------- strict access

  private static void only(ObjectNode o, String... fields) {
    Set<String> allowed = new java.util.HashSet<>(List.of(fields));
    allowed.add("time");
    allowed.add("type");
    onlyFields(o, allowed, Set.of(), text(o, "type") + " event");
  }

  private static <T> T opt(ObjectNode o, String name, Function<String, T> parse) {
    String text = optionalText(o, name);
    return text == null ? null : parse.apply(text);
  }

  private static ObjectNode object(ObjectNode o, String name) {
    JsonNode n = field(o, name);
    if (!n.isObject()) {
      throw new IllegalArgumentException("field \"" + name + "\" must be a JSON object");
    }
    return (ObjectNode) n;
  }
}
