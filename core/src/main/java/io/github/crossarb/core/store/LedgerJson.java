package io.github.crossarb.core.store;

import static io.github.crossarb.core.store.StrictJson.array;
import static io.github.crossarb.core.store.StrictJson.bool;
import static io.github.crossarb.core.store.StrictJson.field;
import static io.github.crossarb.core.store.StrictJson.intField;
import static io.github.crossarb.core.store.StrictJson.longField;
import static io.github.crossarb.core.store.StrictJson.object;
import static io.github.crossarb.core.store.StrictJson.onlyFields;
import static io.github.crossarb.core.store.StrictJson.optionalText;
import static io.github.crossarb.core.store.StrictJson.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import io.github.crossarb.core.pair.PairRelation;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.position.FillVoid;
import io.github.crossarb.core.position.JournalEntry;
import io.github.crossarb.core.position.LedgerSnapshot;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The JSON forms of journal entries and snapshots. Amounts, prices and sizes are decimal strings
 * ({@link Fixed#format(long)}) read back with {@link Fixed#parse}; JSON numbers are used only for
 * counts and versions. Reading is strict: unknown or missing fields, wrong types and duplicate
 * keys are errors ({@link IllegalArgumentException} here; callers add the file and line).
 */
final class LedgerJson {
  static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();
  private static final JsonMapper COMPACT = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static final int JOURNAL_VERSION = 1;
  static final int SNAPSHOT_VERSION = 1;

  private static final Set<String> FILL_FIELDS = Set.of("schemaVersion", "type", "fillId", "instrument", "outcome",
      "side", "price", "quantity", "fee", "time", "clientOrderId", "pairId");
  private static final Set<String> VOID_FIELDS = Set.of("schemaVersion", "type", "venue", "fillId", "time");
  private static final Set<String> SNAPSHOT_FIELDS = Set.of("schemaVersion", "updatedAt", "journalEntries", "fills",
      "voidedFills", "totals", "pairs", "positions");
  private static final Set<String> TOTALS_FIELDS = Set.of("costBasis", "openFees", "feesPaid", "realizedPnl", "hedged",
      "hedgedCost", "lockedProfit", "oversoldPositions");
  private static final Set<String> POSITION_FIELDS = Set.of("instrument", "outcome", "net", "oversold", "bought", "sold",
      "fills", "costBasis", "openFees", "feesPaid", "realizedPnl");
  private static final Set<String> PAIR_FIELDS = Set.of("pairId", "relation", "legs", "yesEquivalent", "noEquivalent",
      "hedged", "residual", "residualSide", "hedgedCost", "lockedProfit", "unhedgedCost", "costBasis", "openFees",
      "feesPaid", "realizedPnl");
  private static final Set<String> LEG_FIELDS = Set.of("instrument", "outcome");

  private LedgerJson() {}

  // ---------------------------------------------------------------- journal entries

  /** One journal line, without its newline. */
  static String entryLine(JournalEntry entry) {
    ObjectNode o = NODES.objectNode();
    o.put("schemaVersion", JOURNAL_VERSION);
    if (entry instanceof Fill f) {
      o.put("type", "fill");
      o.put("fillId", f.fillId());
      o.put("instrument", f.instrument().toString());
      o.put("outcome", f.outcome().name());
      o.put("side", f.side().name());
      o.put("price", Fixed.format(f.price().micros()));
      o.put("quantity", Fixed.format(f.quantity().micros()));
      o.put("fee", Fixed.format(f.fee().micros()));
      o.put("time", f.time().toString());
      o.put("clientOrderId", f.clientOrderId() == null ? null : f.clientOrderId().value());
      o.put("pairId", f.pairId());
    } else {
      FillVoid v = (FillVoid) entry;
      o.put("type", "void");
      o.put("venue", v.venue().name());
      o.put("fillId", v.fillId());
      o.put("time", v.time().toString());
    }
    try {
      return COMPACT.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a journal entry", e);
    }
  }

  /**
   * Parses text as one JSON object: null if it is valid JSON but not an object.
   *
   * @throws JsonProcessingException if it is not valid JSON (syntax)
   */
  /** Decodes UTF-8 strictly: a malformed byte is an error, never a replacement character. */
  static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  static ObjectNode parseObject(String text) throws JsonProcessingException {
    JsonNode node = MAPPER.readTree(text);
    return node != null && node.isObject() ? (ObjectNode) node : null;
  }

  /** The entry a parsed journal line holds. */
  static JournalEntry entry(ObjectNode o) {
    int version = intField(o, "schemaVersion");
    if (version != JOURNAL_VERSION) {
      throw new IllegalArgumentException("unknown journal schemaVersion " + version + " (this build reads " + JOURNAL_VERSION + ")");
    }
    String type = text(o, "type");
    switch (type) {
      case "fill":
        onlyFields(o, FILL_FIELDS, Set.of(), "fill entry");
        String clientOrderId = optionalText(o, "clientOrderId");
        return new Fill(text(o, "fillId"), InstrumentId.parse(text(o, "instrument")),
            Outcome.valueOf(text(o, "outcome")), Side.valueOf(text(o, "side")), Price.parse(text(o, "price")),
            Quantity.parse(text(o, "quantity")), Money.parse(text(o, "fee")), Instant.parse(text(o, "time")),
            clientOrderId == null ? null : new ClientOrderId(clientOrderId), optionalText(o, "pairId"));
      case "void":
        onlyFields(o, VOID_FIELDS, Set.of(), "void entry");
        return new FillVoid(VenueId.valueOf(text(o, "venue")), text(o, "fillId"), Instant.parse(text(o, "time")));
      default:
        throw new IllegalArgumentException("unknown entry type \"" + type + "\" (expected fill or void)");
    }
  }

  // ---------------------------------------------------------------- snapshots

  static String snapshotDocument(LedgerSnapshot s, Instant updatedAt) {
    ObjectNode o = NODES.objectNode();
    o.put("schemaVersion", SNAPSHOT_VERSION);
    o.put("updatedAt", updatedAt.toString());
    o.put("journalEntries", s.journalEntries());
    o.put("fills", s.fills());
    o.put("voidedFills", s.voidedFills());
    LedgerSnapshot.Totals t = s.totals();
    ObjectNode totals = o.putObject("totals");
    totals.put("costBasis", money(t.costBasis()));
    totals.put("openFees", money(t.openFees()));
    totals.put("feesPaid", money(t.feesPaid()));
    totals.put("realizedPnl", money(t.realizedPnl()));
    totals.put("hedged", Fixed.format(t.hedged().micros()));
    totals.put("hedgedCost", money(t.hedgedCost()));
    totals.put("lockedProfit", money(t.lockedProfit()));
    totals.put("oversoldPositions", t.oversoldPositions());
    ArrayNode pairs = o.putArray("pairs");
    for (LedgerSnapshot.PairPosition p : s.pairs()) {
      ObjectNode n = pairs.addObject();
      n.put("pairId", p.pairId());
      n.put("relation", p.relation().name());
      ArrayNode legs = n.putArray("legs");
      for (LedgerSnapshot.Position leg : p.legs()) {
        legs.addObject().put("instrument", leg.instrument().toString()).put("outcome", leg.outcome().name());
      }
      n.put("yesEquivalent", Fixed.format(p.yesEquivalentMicros()));
      n.put("noEquivalent", Fixed.format(p.noEquivalentMicros()));
      n.put("hedged", Fixed.format(p.hedged().micros()));
      n.put("residual", Fixed.format(p.residual().micros()));
      n.put("residualSide", p.residualSide() == null ? null : p.residualSide().name());
      n.put("hedgedCost", money(p.hedgedCost()));
      n.put("lockedProfit", money(p.lockedProfit()));
      n.put("unhedgedCost", money(p.unhedgedCost()));
      n.put("costBasis", money(p.costBasis()));
      n.put("openFees", money(p.openFees()));
      n.put("feesPaid", money(p.feesPaid()));
      n.put("realizedPnl", money(p.realizedPnl()));
    }
    ArrayNode positions = o.putArray("positions");
    for (LedgerSnapshot.Position p : s.positions()) {
      ObjectNode n = positions.addObject();
      n.put("instrument", p.instrument().toString());
      n.put("outcome", p.outcome().name());
      n.put("net", Fixed.format(p.netMicros()));
      n.put("oversold", p.oversold());
      n.put("bought", Fixed.format(p.bought().micros()));
      n.put("sold", Fixed.format(p.sold().micros()));
      n.put("fills", p.fillCount());
      n.put("costBasis", money(p.costBasis()));
      n.put("openFees", money(p.openFees()));
      n.put("feesPaid", money(p.feesPaid()));
      n.put("realizedPnl", money(p.realizedPnl()));
    }
    try {
      return MAPPER.writeValueAsString(o) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the positions snapshot", e);
    }
  }

  /** The snapshot and {@code updatedAt} of a parsed positions document. */
  static PositionsFile.Saved snapshot(ObjectNode o) {
    int version = intField(o, "schemaVersion");
    if (version != SNAPSHOT_VERSION) {
      throw new IllegalArgumentException("unknown positions schemaVersion " + version + " (this build reads " + SNAPSHOT_VERSION + ")");
    }
    onlyFields(o, SNAPSHOT_FIELDS, Set.of(), "positions document");
    Instant updatedAt = Instant.parse(text(o, "updatedAt"));
    List<LedgerSnapshot.Position> positions = new ArrayList<>();
    Map<String, LedgerSnapshot.Position> byKey = new HashMap<>();
    for (JsonNode n : array(o, "positions")) {
      ObjectNode p = object(n, "position");
      onlyFields(p, POSITION_FIELDS, Set.of(), "position");
      LedgerSnapshot.Position position = new LedgerSnapshot.Position(InstrumentId.parse(text(p, "instrument")),
          Outcome.valueOf(text(p, "outcome")), Fixed.parse(text(p, "net")), Quantity.parse(text(p, "bought")),
          Quantity.parse(text(p, "sold")), longField(p, "fills"), moneyField(p, "costBasis"), moneyField(p, "openFees"),
          moneyField(p, "feesPaid"), moneyField(p, "realizedPnl"));
      derived(p, "oversold", position.oversold(), bool(p, "oversold"));
      positions.add(position);
      if (byKey.put(position.instrument() + " " + position.outcome(), position) != null) {
        throw new IllegalArgumentException("position " + position.instrument() + " " + position.outcome() + " appears twice");
      }
    }
    List<LedgerSnapshot.PairPosition> pairs = new ArrayList<>();
    for (JsonNode n : array(o, "pairs")) {
      ObjectNode p = object(n, "pair");
      onlyFields(p, PAIR_FIELDS, Set.of(), "pair");
      String pairId = text(p, "pairId");
      List<LedgerSnapshot.Position> legs = new ArrayList<>();
      for (JsonNode l : array(p, "legs")) {
        ObjectNode leg = object(l, "leg");
        onlyFields(leg, LEG_FIELDS, Set.of(), "leg");
        String key = InstrumentId.parse(text(leg, "instrument")) + " " + Outcome.valueOf(text(leg, "outcome"));
        LedgerSnapshot.Position position = byKey.get(key);
        if (position == null) {
          throw new IllegalArgumentException("pair " + pairId + " has leg " + key + " that is not among the positions");
        }
        legs.add(position);
      }
      LedgerSnapshot.PairPosition pair = new LedgerSnapshot.PairPosition(pairId, PairRelation.valueOf(text(p, "relation")),
          legs, Fixed.parse(text(p, "yesEquivalent")), Fixed.parse(text(p, "noEquivalent")),
          Quantity.parse(text(p, "hedged")), moneyField(p, "hedgedCost"), moneyField(p, "lockedProfit"),
          moneyField(p, "costBasis"), moneyField(p, "openFees"), moneyField(p, "feesPaid"), moneyField(p, "realizedPnl"));
      derived(p, "residual", pair.residual(), Quantity.parse(text(p, "residual")));
      String side = optionalText(p, "residualSide");
      derived(p, "residualSide", pair.residualSide(), side == null ? null : Outcome.valueOf(side));
      derived(p, "unhedgedCost", pair.unhedgedCost(), moneyField(p, "unhedgedCost"));
      pairs.add(pair);
    }
    ObjectNode t = object(o.get("totals"), "totals");
    onlyFields(t, TOTALS_FIELDS, Set.of(), "totals");
    LedgerSnapshot.Totals totals = new LedgerSnapshot.Totals(moneyField(t, "costBasis"), moneyField(t, "openFees"),
        moneyField(t, "feesPaid"), moneyField(t, "realizedPnl"), Quantity.parse(text(t, "hedged")),
        moneyField(t, "hedgedCost"), moneyField(t, "lockedProfit"), longField(t, "oversoldPositions"));
    LedgerSnapshot snapshot = new LedgerSnapshot(longField(o, "journalEntries"), longField(o, "fills"),
        longField(o, "voidedFills"), positions, pairs, totals);
    return new PositionsFile.Saved(snapshot, updatedAt);
  }

  // ---------------------------------------------------------------- strict field access

  private static String money(Money m) {
    return Fixed.format(m.micros());
  }

  private static void derived(ObjectNode o, String name, Object expected, Object written) {
    if (!Objects.equals(expected, written)) {
      throw new IllegalArgumentException("field \"" + name + "\" is " + written + " but the other fields make it " + expected);
    }
  }

  private static Money moneyField(ObjectNode o, String name) {
    return Money.parse(text(o, name));
  }

}
