package io.github.crossarb.cli.command.pairs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.venue.VenueJson;
import io.github.crossarb.core.pair.PairEntry;
import io.github.crossarb.core.pair.PairFingerprint;
import io.github.crossarb.core.pair.PairRegistry;
import io.github.crossarb.core.pair.PairRelation;
import io.github.crossarb.core.pair.PolymarketMarket;
import io.github.crossarb.core.store.MarketCache;
import io.github.crossarb.core.venue.MarketInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pairs approve}: fetches both markets fresh, shows their rule texts side by side, and
 * records the pair with the fingerprint of exactly those texts and close times.
 */
@Command(name = "approve", description = {
    "Approve a pair: fetch both markets now, show their rule texts side by side, and record the pair in"
        + " pairs.json with the fingerprint of those texts and close times (the engine suspends the pair if"
        + " either changes). Approving an existing id again (e.g. a suspended pair) records the new fingerprint.",
    "The Polymarket YES/NO token ids come from the venue. --dry-run shows everything and records nothing."})
final class ApprovePairCommand implements Callable<Integer> {
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})(s|m|h|d)");

  @Spec private CommandSpec spec;

  @Option(names = "--id", required = true, paramLabel = "ID",
      description = "The pair id: letters, digits, '.', '_', '-' (e.g. fed-dec).")
  private String id;

  @Option(names = "--kalshi", required = true, paramLabel = "TICKER", description = "The Kalshi market ticker.")
  private String kalshiTicker;

  @Option(names = "--polymarket", required = true, paramLabel = "CONDITION_ID",
      description = "The Polymarket market's condition id (0x...).")
  private String conditionId;

  @Option(names = "--relation", paramLabel = "RELATION", defaultValue = "same",
      description = "same (Kalshi YES pays when Polymarket YES pays; default) or complement (when Polymarket NO pays).")
  private PairRelation relation;

  @Option(names = "--by", paramLabel = "NAME",
      description = "Who approves (default: $USER, else 'operator').")
  private String by;

  @Option(names = "--cache-ttl", paramLabel = "DURATION", defaultValue = "24h" /* CachedMarketDirectory.DEFAULT_TTL */, converter = DurationConverter.class,
      description = "How long the fetched market descriptions serve the engine's start from"
          + " market-cache.json (e.g. 30m, 24h, 2d; default 24h).")
  private Duration cacheTtl;

  @Option(names = "--dry-run", description = "Fetch and show, but record nothing.")
  private boolean dryRun;

  @Option(names = "--json", description = "Print the recorded pair (and both markets) as JSON.")
  private boolean json;

  @Override
  public Integer call() {
    try {
      PairRegistry.requireId(id);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--id: " + e.getMessage());
    }
    if (kalshiTicker.isBlank() || kalshiTicker.chars().anyMatch(Character::isWhitespace)) {
      throw new ParameterException(spec.commandLine(), "--kalshi must be a ticker without spaces");
    }
    if (conditionId.isBlank() || conditionId.chars().anyMatch(Character::isWhitespace)) {
      throw new ParameterException(spec.commandLine(), "--polymarket must be a condition id without spaces");
    }
    String approver = approver();
    Path dataDir = PairsSupport.dataDir(spec);
    PairRegistry registry = PairsSupport.read(dataDir);
    PairEntry existing = registry.find(id).orElse(null);
    if (existing != null && (!existing.kalshiTicker().equals(kalshiTicker)
        || !existing.polymarket().conditionId().equalsIgnoreCase(conditionId) || existing.relation() != relation)) {
      return PairsSupport.fail(spec, "pair " + id + " already pairs " + existing.kalshiTicker() + " with "
          + existing.polymarket().conditionId() + " (" + PairsSupport.lower(existing.relation())
          + "); remove it first to pair other markets");
    }

    MarketInfo kalshi;
    MarketInfo polymarket;
    try (PairVenues venues = PairVenues.open(spec)) {
      kalshi = venues.kalshiMarket(kalshiTicker);
      polymarket = venues.polymarketMarket(conditionId);
    }
    PairFingerprint fingerprint = PairFingerprint.of(kalshi, polymarket);
    Instant now = Clock.systemUTC().instant();
    PairEntry entry;
    try {
      // The condition id as the venue spells it, so the registry matches what the engine fetches.
      PolymarketMarket market = PairApproval.polymarketMarket(polymarket);
      if (existing != null && !existing.polymarket().equals(market)) {
        return PairsSupport.fail(spec, "pair " + id + " holds Polymarket tokens " + existing.polymarket().yesTokenId()
            + "/" + existing.polymarket().noTokenId() + " but the venue now lists " + market.yesTokenId() + "/"
            + market.noTokenId() + "; remove the pair and approve it again");
      }
      entry = existing == null
          ? PairApproval.entry(id, kalshi, polymarket, relation, approver, now)
          : existing.reapprove(approver, now, fingerprint);
      // Checked now against the registry as read (before showing anything), and again under the lock when written.
      if (existing == null) {
        registry.approve(entry);
      }
    } catch (IllegalArgumentException e) {
      return PairsSupport.fail(spec, e.getMessage());
    }

    List<String> notes = new ArrayList<>();
    if (!kalshi.open()) {
      notes.add("the Kalshi market is not open (status " + kalshi.status() + ")");
    }
    if (!polymarket.open()) {
      notes.add("the Polymarket market is not open (status " + polymarket.status() + ")");
    }
    if (kalshi.rules() == null || kalshi.rules().isBlank() || polymarket.rules() == null || polymarket.rules().isBlank()) {
      notes.add("a venue gives no rules text: the fingerprint cannot see rule changes on that side");
    }
    List<String> changes = existing == null ? List.of() : existing.fingerprint().changesTo(fingerprint);

    if (!dryRun) {
      try {
        PairsSupport.update(dataDir, current -> {
          if (!java.util.Objects.equals(current.find(id).orElse(null), existing)) {
            throw new IllegalArgumentException("pair " + id + " changed in pairs.json while approving; run the command"
                + " again");
          }
          return existing == null ? current.approve(entry) : current.replace(entry);
        });
      } catch (IllegalArgumentException e) {
        return PairsSupport.fail(spec, e.getMessage());
      }
      rememberMarkets(dataDir, now, kalshi, polymarket, notes);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode o = PairsSupport.entry(entry);
      o.put("recorded", !dryRun);
      o.set("kalshi", VenueJson.market(kalshi));
      o.set("polymarket", VenueJson.market(polymarket));
      ArrayNode changed = o.putArray("changesSincePreviousApproval");
      changes.forEach(changed::add);
      ArrayNode warnings = o.putArray("warnings");
      notes.forEach(warnings::add);
      PairsSupport.printJson(out, o);
      return ExitCodes.OK;
    }
    out.println("Kalshi      " + kalshi.marketId() + "  (" + kalshi.status() + ", closes " + orNone(kalshi.closeTime()) + ")");
    out.println("            " + kalshi.title());
    out.println("Polymarket  " + polymarket.marketId() + "  (" + polymarket.status() + ", closes "
        + orNone(polymarket.closeTime()) + ")");
    out.println("            " + polymarket.title());
    out.println("            YES token " + polymarket.yes().symbol());
    out.println("            NO token  " + polymarket.no().symbol());
    out.println("relation    " + PairsSupport.lower(relation) + (relation == PairRelation.SAME
        ? ": Kalshi YES pays exactly when Polymarket YES pays" : ": Kalshi YES pays exactly when Polymarket NO pays"));
    out.println();
    for (String line : PairsSupport.sideBySide("KALSHI RULES", kalshi.rules(), "POLYMARKET RULES", polymarket.rules(), 58)) {
      out.println("  " + line);
    }
    out.println();
    if (existing != null) {
      out.println(changes.isEmpty() ? "unchanged since the previous approval ("
          + PairsSupport.lower(existing.status()) + ")"
          : "changed since the previous approval: " + String.join("; ", changes));
    }
    notes.forEach(note -> out.println("warning: " + note));
    out.println("fingerprint " + fingerprint.hash());
    out.println(dryRun ? "dry run: nothing recorded"
        : (existing == null ? "approved " : "re-approved ") + id + " by " + approver + " at " + now);
    out.flush();
    return ExitCodes.OK;
  }

  /** Seeds market-cache.json with the descriptions just fetched; a cache problem never fails the approval. */
  private void rememberMarkets(Path dataDir, Instant now, MarketInfo kalshi, MarketInfo polymarket, List<String> notes) {
    MarketCache cache;
    try {
      cache = MarketCache.read(dataDir);
    } catch (IOException e) {
      cache = MarketCache.empty(); // a cache only: rebuilt from the venues
    }
    try {
      cache.withoutExpiredAt(now).with(kalshi, now, cacheTtl).with(polymarket, now, cacheTtl).write(dataDir);
    } catch (IOException e) {
      notes.add("could not update " + MarketCache.path(dataDir) + ": " + e.getMessage());
    }
  }

  private String approver() {
    if (by != null) {
      if (by.isBlank()) {
        throw new ParameterException(spec.commandLine(), "--by must not be blank");
      }
      return by.strip();
    }
    String user = System.getenv("USER");
    return user == null || user.isBlank() ? "operator" : user.strip();
  }

  private static String orNone(Object value) {
    return value == null ? "-" : value.toString();
  }

  /** {@code 30m}, {@code 24h}, {@code 2d}, {@code 90s} or ISO-8601 ({@code PT24H}); zero or more. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String text = value.trim().toLowerCase(Locale.ROOT);
      Matcher m = SHORT_DURATION.matcher(text);
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
      }
      try {
        Duration d = Duration.parse(value.trim());
        if (!d.isNegative()) {
          return d;
        }
      } catch (DateTimeParseException e) {
        // reported below
      }
      throw new IllegalArgumentException("expected a duration like 30m, 24h or 2d, got '" + value + "'");
    }
  }
}
