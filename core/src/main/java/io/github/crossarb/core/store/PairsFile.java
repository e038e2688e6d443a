package io.github.crossarb.core.store;

import static io.github.crossarb.core.store.StrictJson.enumValue;
import static io.github.crossarb.core.store.StrictJson.instant;
import static io.github.crossarb.core.store.StrictJson.object;
import static io.github.crossarb.core.store.StrictJson.onlyFields;
import static io.github.crossarb.core.store.StrictJson.optionalInstant;
import static io.github.crossarb.core.store.StrictJson.optionalText;
import static io.github.crossarb.core.store.StrictJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.core.pair.PairEntry;
import io.github.crossarb.core.pair.PairFingerprint;
import io.github.crossarb.core.pair.PairRegistry;
import io.github.crossarb.core.pair.PairRelation;
import io.github.crossarb.core.pair.PairStatus;
import io.github.crossarb.core.pair.PolymarketMarket;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@code pairs.json}: the reviewed pair registry, pretty-printed for people, with
 * {@code "schemaVersion": 1} and one object per pair:
 *
 * <pre>{@code
 * {"id": "fed-dec", "kalshiTicker": "KXFED-26DEC-T4.25",
 *  "polymarket": {"conditionId": "0x…", "yesTokenId": "…", "noTokenId": "…"},
 *  "relation": "SAME", "status": "APPROVED", "statusReason": null,
 *  "approvedBy": "alice", "approvedAt": "2026-11-27T08:00:00Z",
 *  "fingerprint": {"hash": "…", "kalshiRulesSha256": "…", "kalshiCloseTime": "…",
 *                  "polymarketRulesSha256": "…", "polymarketCloseTime": "…"}}
 * }</pre>
 *
 * <p>Reading is strict: an unknown or missing field, a wrong type, a duplicate key, a fingerprint
 * whose {@code hash} does not match its parts (a hand edit), or a registry rule broken (an id or a
 * market twice) fails with one line naming the file and the entry. A missing file is an empty
 * registry. Written atomically (temp file, forced, renamed, directory forced).
 */
public final class PairsFile {
  public static final String FILE_NAME = "pairs.json";
  static final String LOCK_NAME = "pairs.json.lock";
  static final int VERSION = 1;
  private static final Object JVM_LOCK = new Object();

  private static final Set<String> DOCUMENT = Set.of("schemaVersion", "pairs");
  private static final Set<String> PAIR = Set.of("id", "kalshiTicker", "polymarket", "relation", "status",
      "approvedBy", "approvedAt", "fingerprint");
  private static final Set<String> PAIR_OPTIONAL = Set.of("statusReason");
  private static final Set<String> POLYMARKET = Set.of("conditionId", "yesTokenId", "noTokenId");
  private static final Set<String> FINGERPRINT = Set.of("hash", "kalshiRulesSha256", "polymarketRulesSha256");
  private static final Set<String> FINGERPRINT_OPTIONAL = Set.of("kalshiCloseTime", "polymarketCloseTime");

  private PairsFile() {}

  /** {@code dataDir/pairs.json}. */
  public static Path path(Path dataDir) {
    return dataDir.resolve(FILE_NAME);
  }

  /**
   * Reads {@code dataDir/pairs.json}; an empty registry if there is none.
   *
   * @throws DataFileException if it is malformed, naming the file and the entry
   */
  public static PairRegistry read(Path dataDir) throws IOException {
    Path file = path(dataDir);
    ObjectNode document = StoreFiles.readObject(file).orElse(null);
    if (document == null) {
      return PairRegistry.empty();
    }
    return parse(file, document);
  }

  /** Replaces {@code dataDir/pairs.json} atomically with {@code registry}. */
  public static void write(Path dataDir, PairRegistry registry) throws IOException {
    AtomicFile.replace(dataDir, FILE_NAME, document(registry));
  }

  /**
   * Reads, changes and writes {@code pairs.json} under an exclusive lock ({@value #LOCK_NAME}, an
   * OS file lock plus a lock within this JVM), so the engine persisting a suspension and an
   * operator's {@code pairs} command never lose each other's change. The file is written only when
   * {@code change} returns a different registry.
   *
   * @return the registry as written (or as read, if unchanged)
   * @throws DataFileException if the file is malformed
   * @throws IllegalArgumentException from {@code change} (nothing is written)
   */
  public static PairRegistry update(Path dataDir, UnaryOperator<PairRegistry> change) throws IOException {
    synchronized (JVM_LOCK) {
      try (FileChannel lockFile = FileChannel.open(dataDir.resolve(LOCK_NAME), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
          FileLock ignored = lockFile.lock()) {
        PairRegistry current = read(dataDir);
        PairRegistry next = change.apply(current);
        if (!next.equals(current)) {
          write(dataDir, next);
        }
        return next;
      }
    }
  }

  /**
   * Persists a changed entry (e.g. one the engine suspended) under the lock: it replaces the entry
   * with the same id if the registry still has it, and does nothing if an operator removed it since.
   *
   * @return whether the entry was written
   */
  public static boolean replaceEntry(Path dataDir, PairEntry changed) throws IOException {
    boolean[] found = new boolean[1];
    update(dataDir, registry -> {
      found[0] = registry.find(changed.id()).isPresent();
      return found[0] ? registry.replace(changed) : registry;
    });
    return found[0];
  }

  /** The file's text for {@code registry}. */
  static String document(PairRegistry registry) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode root = nodes.objectNode();
    root.put("schemaVersion", VERSION);
    ArrayNode pairs = root.putArray("pairs");
    for (PairEntry entry : registry.entries()) {
      ObjectNode o = pairs.addObject();
      o.put("id", entry.id());
      o.put("kalshiTicker", entry.kalshiTicker());
      o.putObject("polymarket")
          .put("conditionId", entry.polymarket().conditionId())
          .put("yesTokenId", entry.polymarket().yesTokenId())
          .put("noTokenId", entry.polymarket().noTokenId());
      o.put("relation", entry.relation().name());
      o.put("status", entry.status().name());
      o.put("statusReason", entry.statusReason());
      o.put("approvedBy", entry.approvedBy());
      o.put("approvedAt", entry.approvedAt().toString());
      PairFingerprint f = entry.fingerprint();
      o.putObject("fingerprint")
          .put("hash", f.hash())
          .put("kalshiRulesSha256", f.kalshiRulesSha256())
          .put("kalshiCloseTime", f.kalshiCloseTime() == null ? null : f.kalshiCloseTime().toString())
          .put("polymarketRulesSha256", f.polymarketRulesSha256())
          .put("polymarketCloseTime", f.polymarketCloseTime() == null ? null : f.polymarketCloseTime().toString());
    }
    return StoreFiles.write(root);
  }

  static PairRegistry parse(Path file, ObjectNode document) throws DataFileException {
    JsonNode pairsNode;
    try {
      onlyFields(document, DOCUMENT, Set.of(), "");
      StoreFiles.version(document, VERSION);
      pairsNode = StrictJson.array(document, "pairs");
    } catch (IllegalArgumentException e) {
      throw new DataFileException(file, e.getMessage(), e);
    }
    List<PairEntry> entries = new ArrayList<>();
    for (int i = 0; i < pairsNode.size(); i++) {
      JsonNode node = pairsNode.get(i);
      try {
        entries.add(entry(object(node, "a pair")));
      } catch (RuntimeException e) {
        throw new DataFileException(file, "pair #" + (i + 1) + describe(node) + ": " + e.getMessage(), e);
      }
    }
    try {
      return PairRegistry.of(entries);
    } catch (IllegalArgumentException e) {
      throw new DataFileException(file, e.getMessage(), e);
    }
  }

  private static String describe(JsonNode node) {
    JsonNode id = node == null ? null : node.get("id");
    return id != null && id.isTextual() ? " (" + id.textValue() + ")" : "";
  }

  private static PairEntry entry(ObjectNode o) {
    onlyFields(o, PAIR, PAIR_OPTIONAL, "");
    String id = text(o, "id");
    PairRegistry.requireId(id);
    ObjectNode poly = object(o.get("polymarket"), "field \"polymarket\"");
    onlyFields(poly, POLYMARKET, Set.of(), "");
    PolymarketMarket market = new PolymarketMarket(text(poly, "conditionId"), text(poly, "yesTokenId"),
        text(poly, "noTokenId"));
    ObjectNode f = object(o.get("fingerprint"), "field \"fingerprint\"");
    onlyFields(f, FINGERPRINT, FINGERPRINT_OPTIONAL, "");
    PairFingerprint fingerprint = new PairFingerprint(text(f, "kalshiRulesSha256"), optionalInstant(f, "kalshiCloseTime"),
        text(f, "polymarketRulesSha256"), optionalInstant(f, "polymarketCloseTime"));
    if (!fingerprint.hash().equals(text(f, "hash"))) {
      throw new IllegalArgumentException("fingerprint hash does not match its parts (edited by hand?)");
    }
    return new PairEntry(id, text(o, "kalshiTicker"), market, enumValue(o, "relation", PairRelation.class),
        enumValue(o, "status", PairStatus.class), optionalText(o, "statusReason"), text(o, "approvedBy"),
        instant(o, "approvedAt"), fingerprint);
  }
}
