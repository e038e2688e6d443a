package io.github.crossarb.core.store;

import static io.github.crossarb.core.store.StrictJson.bool;
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
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.MarketInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code market-cache.json}: market descriptions as the venues last gave them, each with when it
 * was fetched and when it expires, so a restart is ready in seconds instead of one venue call per
 * market. Immutable: {@link #with} and {@link #withoutExpiredAt} return new caches.
 *
 * <p>Keyed by (venue, market id); found by market id or by either outcome's instrument (a
 * Polymarket market has two tokens). Reading is strict ({@link DataFileException} naming the file
 * and the entry); a caller that only wants speed may treat a bad file as empty. Written atomically.
 */
public final class MarketCache {
  public static final String FILE_NAME = "market-cache.json";
  static final int VERSION = 1;

  private static final Set<String> DOCUMENT = Set.of("schemaVersion", "markets");
  private static final Set<String> ENTRY = Set.of("venue", "marketId", "title", "status", "open", "yes", "no",
      "fetchedAt", "expiresAt");
  private static final Set<String> ENTRY_OPTIONAL = Set.of("closeTime", "rules");

  private static final MarketCache EMPTY = new MarketCache(new Builder());

  /** One cached description. */
  public record Entry(MarketInfo market, Instant fetchedAt, Instant expiresAt) {
    public Entry {
      Objects.requireNonNull(market, "market");
      Objects.requireNonNull(fetchedAt, "fetchedAt");
      Objects.requireNonNull(expiresAt, "expiresAt");
      if (expiresAt.isBefore(fetchedAt)) {
        throw new IllegalArgumentException("expiresAt " + expiresAt + " is before fetchedAt " + fetchedAt);
      }
    }

    /** Whether it may still be used at {@code now} (expiry exclusive). */
    public boolean freshAt(Instant now) {
      return now.isBefore(expiresAt);
    }

    boolean holds(InstrumentId instrument) {
      return market.yes().equals(instrument) || market.no().equals(instrument);
    }
  }

  private record Key(VenueId venue, String marketId) {}

  /** Never changed once this cache holds it. */
  private final Builder contents;
  private final Map<Key, Entry> entries;

  private MarketCache(Builder contents) {
    this.contents = contents;
    this.entries = contents.entries;
  }

  /**
   * A cache being filled, for one owner that remembers markets one at a time (the engine's start
   * fetches thousands): {@link #put} costs O(1), where {@link MarketCache#with} copies the whole
   * cache, and lookups by instrument are indexed. Not thread-safe; {@link #build} copies it into
   * an immutable cache.
   */
  static final class Builder {
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>();
    /** The market holding each instrument, unless two markets hold it (then {@link #find} scans). */
    private final Map<InstrumentId, Key> holders = new HashMap<>();
    private final Set<InstrumentId> sharedByMarkets = new HashSet<>();

    Builder() {}

    /** As {@link MarketCache#with}, in place. */
    Builder put(MarketInfo market, Instant fetchedAt, Duration ttl) {
      if (ttl.isNegative()) {
        throw new IllegalArgumentException("ttl must not be negative: " + ttl);
      }
      Key key = new Key(market.venue(), market.marketId());
      Entry old = entries.remove(key); // re-added at the end: the order is the order of fetching
      if (old != null) {
        for (InstrumentId id : List.of(old.market().yes(), old.market().no())) {
          if (key.equals(holders.get(id))) {
            holders.remove(id);
          }
        }
      }
      add(key, new Entry(market, fetchedAt, fetchedAt.plus(ttl)));
      return this;
    }

    /** Adds an entry whose key is not there yet; false if it is. */
    private boolean add(Key key, Entry entry) {
      if (entries.putIfAbsent(key, entry) != null) {
        return false;
      }
      for (InstrumentId id : List.of(entry.market().yes(), entry.market().no())) {
        Key holder = holders.putIfAbsent(id, key);
        if (holder != null && !holder.equals(key)) {
          sharedByMarkets.add(id);
        }
      }
      return true;
    }

    /** The entry of the market holding {@code instrument}, fresh or not (the first added if several). */
    Optional<Entry> find(InstrumentId instrument) {
      if (sharedByMarkets.contains(instrument)) {
        return entries.values().stream()
            .filter(entry -> entry.market().venue() == instrument.venue() && entry.holds(instrument))
            .findFirst();
      }
      Key key = holders.get(instrument);
      Entry entry = key == null ? null : entries.get(key);
      return entry != null && entry.market().venue() == instrument.venue() && entry.holds(instrument)
          ? Optional.of(entry) : Optional.empty();
    }

    /** The description of the market holding {@code instrument}, if cached and fresh at {@code now}. */
    Optional<MarketInfo> fresh(InstrumentId instrument, Instant now) {
      return find(instrument).filter(entry -> entry.freshAt(now)).map(Entry::market);
    }

    /** An immutable copy. */
    MarketCache build() {
      return entries.isEmpty() ? EMPTY : new MarketCache(new Builder(this));
    }

    private Builder(Builder from) {
      entries.putAll(from.entries);
      holders.putAll(from.holders);
      sharedByMarkets.addAll(from.sharedByMarkets);
    }
  }

  public static MarketCache empty() {
    return EMPTY;
  }

  /** {@code dataDir/market-cache.json}. */
  public static Path path(Path dataDir) {
    return dataDir.resolve(FILE_NAME);
  }

  /**
   * Reads {@code dataDir/market-cache.json}; empty if there is none.
   *
   * @throws DataFileException if it is malformed
   */
  public static MarketCache read(Path dataDir) throws IOException {
    Path file = path(dataDir);
    ObjectNode document = StoreFiles.readObject(file).orElse(null);
    return document == null ? EMPTY : parse(file, document);
  }

  /** Replaces {@code dataDir/market-cache.json} atomically with this cache. */
  public void write(Path dataDir) throws IOException {
    AtomicFile.replace(dataDir, FILE_NAME, document());
  }

  /** All entries, fresh or not, in the order they were added. */
  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  public int size() {
    return entries.size();
  }

  /** The entry of the market holding {@code instrument}, fresh or not. */
  public Optional<Entry> find(InstrumentId instrument) {
    return contents.find(instrument);
  }

  /** The entry of {@code venue}'s market {@code marketId}, fresh or not. */
  public Optional<Entry> findMarket(VenueId venue, String marketId) {
    return Optional.ofNullable(entries.get(new Key(venue, marketId)));
  }

  /** The description of the market holding {@code instrument}, if cached and fresh at {@code now}. */
  public Optional<MarketInfo> fresh(InstrumentId instrument, Instant now) {
    return find(instrument).filter(entry -> entry.freshAt(now)).map(Entry::market);
  }

  /** This cache with {@code market} as fetched at {@code fetchedAt}, valid for {@code ttl}. */
  public MarketCache with(MarketInfo market, Instant fetchedAt, Duration ttl) {
    return new MarketCache(new Builder(contents).put(market, fetchedAt, ttl));
  }

  /** A builder holding this cache's entries, to add more to without copying for each. */
  Builder toBuilder() {
    return new Builder(contents);
  }

  /** This cache without the entries expired at {@code now}. */
  public MarketCache withoutExpiredAt(Instant now) {
    Builder next = new Builder();
    entries.forEach((key, entry) -> {
      if (entry.freshAt(now)) {
        next.add(key, entry);
      }
    });
    return next.entries.size() == entries.size() ? this : next.build();
  }

  String document() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("schemaVersion", VERSION);
    ArrayNode markets = root.putArray("markets");
    for (Entry entry : entries.values()) {
      MarketInfo m = entry.market();
      ObjectNode o = markets.addObject();
      o.put("venue", m.venue().name());
      o.put("marketId", m.marketId());
      o.put("title", m.title());
      o.put("status", m.status());
      o.put("open", m.open());
      o.put("closeTime", m.closeTime() == null ? null : m.closeTime().toString());
      o.put("rules", m.rules());
      o.put("yes", m.yes().toString());
      o.put("no", m.no().toString());
      o.put("fetchedAt", entry.fetchedAt().toString());
      o.put("expiresAt", entry.expiresAt().toString());
    }
    return StoreFiles.write(root);
  }

  static MarketCache parse(Path file, ObjectNode document) throws DataFileException {
    ArrayNode markets;
    try {
      onlyFields(document, DOCUMENT, Set.of(), "");
      StoreFiles.version(document, VERSION);
      markets = StrictJson.array(document, "markets");
    } catch (IllegalArgumentException e) {
      throw new DataFileException(file, e.getMessage(), e);
    }
    Builder entries = new Builder();
    for (int i = 0; i < markets.size(); i++) {
      JsonNode node = markets.get(i);
      try {
        Entry entry = entry(object(node, "a market"));
        Key key = new Key(entry.market().venue(), entry.market().marketId());
        if (!entries.add(key, entry)) {
          throw new IllegalArgumentException("appears twice");
        }
      } catch (RuntimeException e) {
        JsonNode id = node == null ? null : node.get("marketId");
        throw new DataFileException(file, "market #" + (i + 1) + (id != null && id.isTextual() ? " (" + id.textValue()
            + ")" : "") + ": " + e.getMessage(), e);
      }
    }
    return entries.build();
  }

  private static Entry entry(ObjectNode o) {
    onlyFields(o, ENTRY, ENTRY_OPTIONAL, "");
    VenueId venue = VenueId.parse(text(o, "venue"));
    InstrumentId yes = InstrumentId.parse(text(o, "yes"));
    InstrumentId no = InstrumentId.parse(text(o, "no"));
    if (yes.venue() != venue || no.venue() != venue) {
      throw new IllegalArgumentException("instruments " + yes + " and " + no + " are not at " + venue);
    }
    MarketInfo market = new MarketInfo(venue, text(o, "marketId"), text(o, "title"), text(o, "status"), bool(o, "open"),
        optionalInstant(o, "closeTime"), optionalText(o, "rules"), yes, no);
    return new Entry(market, instant(o, "fetchedAt"), instant(o, "expiresAt"));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MarketCache cache && List.copyOf(cache.entries.values()).equals(List.copyOf(entries.values()));
  }

  @Override
  public int hashCode() {
    return List.copyOf(entries.values()).hashCode();
  }

  @Override
  public String toString() {
    List<String> ids = new ArrayList<>();
    entries.keySet().forEach(key -> ids.add(key.venue() + ":" + key.marketId()));
    return "MarketCache" + ids;
  }
}
