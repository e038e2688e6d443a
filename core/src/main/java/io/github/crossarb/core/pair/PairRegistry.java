package io.github.crossarb.core.pair;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The reviewed pair registry ({@code pairs.json}): an immutable list of {@link PairEntry}, in the
 * order the operator added them. Every operation returns a new registry; a registry never holds
 * two entries with the same id, nor two entries for the same Kalshi ticker or the same Polymarket
 * market (one market trading in two pairs would let the ledger count one position twice).
 */
public final class PairRegistry {
  /** Pair ids are short words people type: letters, digits, '-', '_' and '.', starting with a letter or digit. */
  public static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private static final PairRegistry EMPTY = new PairRegistry(List.of());

  private final List<PairEntry> entries;

  private PairRegistry(List<PairEntry> entries) {
    this.entries = entries;
  }

  public static PairRegistry empty() {
    return EMPTY;
  }

  /**
   * A registry of {@code entries}.
   *
   * @throws IllegalArgumentException if an id is malformed, or an id, a Kalshi ticker or a
   *     Polymarket market (condition id or token) appears twice
   */
  public static PairRegistry of(List<PairEntry> entries) {
    List<PairEntry> copy = List.copyOf(entries);
    Set<String> ids = new HashSet<>();
    Set<String> tickers = new HashSet<>();
    Set<String> polymarket = new HashSet<>();
    for (PairEntry entry : copy) {
      requireId(entry.id());
      if (!ids.add(entry.id())) {
        throw new IllegalArgumentException("pair id " + entry.id() + " appears twice");
      }
      if (!tickers.add(entry.kalshiTicker())) {
        throw new IllegalArgumentException("Kalshi market " + entry.kalshiTicker() + " is in two pairs (second: "
            + entry.id() + ")");
      }
      for (String key : polymarketKeys(entry.polymarket())) {
        if (!polymarket.add(key)) {
          throw new IllegalArgumentException("Polymarket market " + entry.polymarket().conditionId()
              + " is in two pairs (second: " + entry.id() + ")");
        }
      }
    }
    return new PairRegistry(copy);
  }

  /** All entries, approved or not, in registry order. */
  public List<PairEntry> entries() {
    return entries;
  }

  /** The entries that may trade. */
  public List<PairEntry> approved() {
    return entries.stream().filter(PairEntry::isApproved).toList();
  }

  public int size() {
    return entries.size();
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public Optional<PairEntry> find(String id) {
    return entries.stream().filter(entry -> entry.id().equals(id)).findFirst();
  }

  /** The entry that holds the Kalshi market {@code ticker}. */
  public Optional<PairEntry> findByKalshiTicker(String ticker) {
    return entries.stream().filter(entry -> entry.kalshiTicker().equals(ticker)).findFirst();
  }

  /** The entry that holds the Polymarket market with condition id {@code conditionId}. */
  public Optional<PairEntry> findByPolymarketCondition(String conditionId) {
    return entries.stream()
        .filter(entry -> entry.polymarket().conditionId().equalsIgnoreCase(conditionId))
        .findFirst();
  }

  /**
   * Approves {@code entry}: a new id is added at the end; an existing id with the same markets is
   * replaced in place (a re-approval, e.g. of a suspended pair, with the fingerprint reviewed now).
   *
   * @throws IllegalArgumentException if the id exists with other markets or relation (remove it
   *     first: an id names one contract pairing for the audit trail), or its markets are in another pair
   */
  public PairRegistry approve(PairEntry entry) {
    Objects.requireNonNull(entry, "entry");
    if (!entry.isApproved()) {
      throw new IllegalArgumentException("only an approved entry can be approved into the registry: " + entry.id());
    }
    List<PairEntry> next = new ArrayList<>(entries);
    int index = indexOf(entry.id());
    if (index < 0) {
      next.add(entry);
    } else {
      PairEntry old = entries.get(index);
      if (!old.kalshiTicker().equals(entry.kalshiTicker()) || !old.polymarket().equals(entry.polymarket())
          || old.relation() != entry.relation()) {
        throw new IllegalArgumentException("pair " + entry.id() + " already pairs " + old.kalshiTicker() + " with "
            + old.polymarket().conditionId() + " (" + old.relation() + "); remove it first to pair other markets");
      }
      next.set(index, entry);
    }
    return of(next);
  }

  /**
   * Suspends the pair {@code id} with {@code reason}; an already suspended pair gets the new reason.
   *
   * @throws IllegalArgumentException if there is no such pair or the reason is blank
   */
  public PairRegistry suspend(String id, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a suspension needs a reason");
    }
    return replace(require(id).suspend(reason.strip()));
  }

  /**
   * Re-approves the pair {@code id} as reviewed now, recording {@code reviewed}.
   *
   * @throws IllegalArgumentException if there is no such pair
   */
  public PairRegistry reapprove(String id, String by, Instant at, PairFingerprint reviewed) {
    return replace(require(id).reapprove(by, at, reviewed));
  }

  /** Replaces the entry with the same id (e.g. one the engine suspended). */
  public PairRegistry replace(PairEntry entry) {
    int index = indexOf(entry.id());
    if (index < 0) {
      throw new IllegalArgumentException("no pair " + entry.id());
    }
    List<PairEntry> next = new ArrayList<>(entries);
    next.set(index, entry);
    return of(next);
  }

  /**
   * Removes the pair {@code id}.
   *
   * @throws IllegalArgumentException if there is no such pair
   */
  public PairRegistry remove(String id) {
    require(id);
    return new PairRegistry(entries.stream().filter(entry -> !entry.id().equals(id)).toList());
  }

  /** The pair {@code id}, or an {@link IllegalArgumentException} naming it. */
  public PairEntry require(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException("no pair " + id));
  }

  /** Checks that {@code id} is a valid pair id. */
  public static void requireId(String id) {
    if (id == null || !ID_PATTERN.matcher(id).matches()) {
      throw new IllegalArgumentException("pair id must be 1 to 64 of letters, digits, '.', '_' or '-', starting with"
          + " a letter or digit: \"" + id + "\"");
    }
  }

  private int indexOf(String id) {
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> polymarketKeys(PolymarketMarket market) {
    // Condition ids are hex and may be written in either case; token ids are decimal.
    return List.of("c:" + market.conditionId().toLowerCase(java.util.Locale.ROOT), "t:" + market.yesTokenId(),
        "t:" + market.noTokenId());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PairRegistry registry && registry.entries.equals(entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "PairRegistry" + entries.stream().map(PairEntry::id).toList();
  }
}
