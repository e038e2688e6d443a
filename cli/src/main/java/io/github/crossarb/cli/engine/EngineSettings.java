package io.github.crossarb.cli.engine;

import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.core.engine.ApprovalMode;
import io.github.crossarb.core.engine.EngineConfig;
import io.github.crossarb.core.engine.EngineMode;
import io.github.crossarb.core.execution.ExecutionPolicy;
import io.github.crossarb.core.execution.LegRiskParams;
import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.risk.RiskLimits;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The engine's configuration from the settings (and the {@code --mode}/{@code --approval} flags of
 * {@code run} and {@code demo}), plus what the wiring needs beside it (paper trading).
 *
 * @param paperLatency how long a paper order takes to meet the book
 * @param paperBalance each venue's starting cash in paper mode
 * @param remoteVenues the venues whose live orders a trader executes over the link
 *     ({@code ARB_EXECUTE_REMOTE}); empty: all local
 * @param remoteLegTimeout how long a remote leg may take ({@code ARB_REMOTE_LEG_TIMEOUT_MS})
 */
public record EngineSettings(EngineConfig engine, Duration paperLatency, Money paperBalance, Set<VenueId> remoteVenues,
    Duration remoteLegTimeout) {
  public EngineSettings {
    remoteVenues = remoteVenues.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(remoteVenues));
  }

  /**
   * @param modeFlag {@code --mode}, or null for {@code ARB_MODE}
   * @param approvalFlag {@code --approval}, or null for {@code ARB_APPROVAL}
   * @throws ConfigException for a bad flag value, or live mode without {@code ARB_ALLOW_LIVE=true}
   */
  public static EngineSettings from(Configuration config, String modeFlag, String approvalFlag) {
    EngineMode mode = mode(modeFlag == null ? config.require(Settings.ARB_MODE) : modeFlag);
    ApprovalMode approval = approval(approvalFlag == null ? config.require(Settings.ARB_APPROVAL) : approvalFlag);
    boolean allowLive = config.require(Settings.ARB_ALLOW_LIVE);
    if (mode == EngineMode.LIVE && !allowLive) {
      throw new ConfigException("live mode sends real orders: set ARB_ALLOW_LIVE=true to allow it (now "
          + config.sourceOf(Settings.ARB_ALLOW_LIVE) + ")");
    }
    LegRiskParams legRisk = new LegRiskParams(
        config.require(Settings.ARB_HEDGE_SLIPPAGE),
        config.require(Settings.ARB_HEDGE_DEADLINE_MS),
        config.require(Settings.ARB_HEDGE_ATTEMPTS),
        config.require(Settings.ARB_UNWIND_LOSS_CAP),
        config.require(Settings.ARB_UNKNOWN_TIMEOUT_MS));
    RiskLimits limits = new RiskLimits(
        config.require(Settings.ARB_MAX_NOTIONAL_PER_PAIR),
        config.require(Settings.ARB_MAX_NOTIONAL_TOTAL),
        config.require(Settings.ARB_MAX_UNHEDGED),
        config.require(Settings.ARB_DAILY_LOSS_LIMIT),
        config.require(Settings.ARB_MAX_CONSECUTIVE_ERRORS));
    EngineConfig engine = EngineConfig.defaults().toBuilder()
        .mode(mode)
        .allowLive(allowLive)
        .approval(approval)
        .approvalTimeout(config.require(Settings.ARB_APPROVAL_TIMEOUT_MS))
        .rejectBlacklist(config.require(Settings.ARB_REJECT_BLACKLIST_MS))
        .policy(policy(config.require(Settings.ARB_POLICY)))
        .pairPolicies(pairPolicies(config.get(Settings.ARB_PAIR_POLICIES).orElse("")))
        .maxSize(config.require(Settings.ARB_MAX_SIZE))
        .minEdge(config.require(Settings.ARB_MIN_EDGE))
        .minEdgeRelativeMicros(Fixed.fromBigDecimal(config.require(Settings.ARB_MIN_EDGE_REL)))
        .maxBookAge(config.require(Settings.ARB_MAX_BOOK_AGE_MS))
        .legRisk(legRisk)
        .maxMismatchesInRow(config.require(Settings.ARB_MAX_MISMATCHES))
        .mismatchBlacklist(config.require(Settings.ARB_MISMATCH_BLACKLIST_MS))
        .cooldown(config.require(Settings.ARB_COOLDOWN_MS))
        .reconcileInterval(config.require(Settings.ARB_RECONCILE_INTERVAL_MS))
        .fingerprintRecheckInterval(config.require(Settings.ARB_FINGERPRINT_INTERVAL_MS))
        .riskLimits(limits)
        .build();
    return new EngineSettings(engine, config.require(Settings.ARB_PAPER_LATENCY_MS),
        config.require(Settings.ARB_PAPER_BALANCE), remoteVenues(config.get(Settings.ARB_EXECUTE_REMOTE).orElse("")),
        config.require(Settings.ARB_REMOTE_LEG_TIMEOUT_MS));
  }

  public String modeName() {
    return name(engine.mode());
  }

  public String approvalName() {
    return name(engine.approval());
  }

  public static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static EngineMode mode(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "dry-run" -> EngineMode.DRY_RUN;
      case "paper" -> EngineMode.PAPER;
      case "live" -> EngineMode.LIVE;
      default -> throw new ConfigException("--mode must be dry-run, paper or live, was \"" + text + "\"");
    };
  }

  static ApprovalMode approval(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "auto" -> ApprovalMode.AUTO;
      case "manual" -> ApprovalMode.MANUAL;
      default -> throw new ConfigException("--approval must be auto or manual, was \"" + text + "\"");
    };
  }

  static ExecutionPolicy policy(String text) {
    return ExecutionPolicy.valueOf(text.toUpperCase(Locale.ROOT));
  }

  /** {@code ARB_EXECUTE_REMOTE}, already validated by its parser ({@code kalshi,polymarket}). */
  static Set<VenueId> remoteVenues(String text) {
    Set<VenueId> venues = EnumSet.noneOf(VenueId.class);
    if (!text.isBlank()) {
      for (String venue : text.split(",")) {
        venues.add(VenueId.parse(venue.strip()));
      }
    }
    return venues;
  }

  /** {@code ARB_PAIR_POLICIES}, already validated by its parser. */
  static Map<String, ExecutionPolicy> pairPolicies(String text) {
    Map<String, ExecutionPolicy> policies = new LinkedHashMap<>();
    if (!text.isBlank()) {
      for (String entry : text.split(",")) {
        int eq = entry.indexOf('=');
        policies.put(entry.substring(0, eq).strip(), policy(entry.substring(eq + 1).strip()));
      }
    }
    return policies;
  }
}
