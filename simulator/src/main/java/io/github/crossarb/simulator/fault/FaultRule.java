package io.github.crossarb.simulator.fault;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Objects;

/**
 * One scripted fault.
 *
 * @param kind one of {@link FaultKinds} or a venue-specific kind
 * @param target the subject it applies to: exact, a prefix ending in {@code *}, or {@code *} for all
 * @param times how many times it fires; negative for unlimited
 * @param skip how many matching occasions pass untouched before it starts firing
 * @param chancePermille the chance (out of 1000) that a matching occasion fires, rolled with the
 *     seeded generator; 1000 always fires
 * @param millis a delay for {@code latency} and {@code accept_then_delay}
 * @param status the HTTP status for {@code http_5xx} (default 503)
 * @param atStep for scheduled faults (tick size change): the process step it happens at
 * @param params anything else a kind needs, e.g. {@code step} for a tick size change
 */
public record FaultRule(
    String kind, String target, int times, int skip, int chancePermille, long millis, int status, long atStep,
    Map<String, String> params) {

  @JsonCreator
  public FaultRule(
      @JsonProperty("kind") String kind,
      @JsonProperty("target") String target,
      @JsonProperty("times") Integer times,
      @JsonProperty("skip") Integer skip,
      @JsonProperty("chancePermille") Integer chancePermille,
      @JsonProperty("millis") Long millis,
      @JsonProperty("status") Integer status,
      @JsonProperty("atStep") Long atStep,
      @JsonProperty("params") Map<String, String> params) {
    this(kind, target == null ? "*" : target, times == null ? 1 : times, skip == null ? 0 : skip,
        chancePermille == null ? 1000 : chancePermille, millis == null ? 0 : millis, status == null ? 503 : status,
        atStep == null ? -1 : atStep, params == null ? Map.of() : params);
  }

  public FaultRule {
    if (kind == null || kind.isBlank()) {
      throw new IllegalArgumentException("fault needs a kind");
    }
    Objects.requireNonNull(target, "target");
    if (chancePermille < 0 || chancePermille > 1000) {
      throw new IllegalArgumentException("fault " + kind + ": chancePermille must be in [0, 1000]");
    }
    if (millis < 0 || skip < 0) {
      throw new IllegalArgumentException("fault " + kind + ": millis and skip must not be negative");
    }
    params = Map.copyOf(params);
  }

  /** Fires once on the first occasion matching {@code target}. */
  public static FaultRule once(String kind, String target) {
    return new FaultRule(kind, target, 1, 0, 1000, 0, 503, -1, Map.of());
  }

  /** Fires on every occasion matching {@code target} until cleared. */
  public static FaultRule always(String kind, String target) {
    return new FaultRule(kind, target, -1, 0, 1000, 0, 503, -1, Map.of());
  }

  public FaultRule withMillis(long value) {
    return new FaultRule(kind, target, times, skip, chancePermille, value, status, atStep, params);
  }

  public FaultRule withStatus(int value) {
    return new FaultRule(kind, target, times, skip, chancePermille, millis, value, atStep, params);
  }

  public FaultRule withTimes(int value) {
    return new FaultRule(kind, target, value, skip, chancePermille, millis, status, atStep, params);
  }

  public FaultRule withSkip(int value) {
    return new FaultRule(kind, target, times, value, chancePermille, millis, status, atStep, params);
  }

  public FaultRule withChancePermille(int value) {
    return new FaultRule(kind, target, times, skip, value, millis, status, atStep, params);
  }

  public FaultRule atStep(long step, Map<String, String> newParams) {
    return new FaultRule(kind, target, times, skip, chancePermille, millis, status, step, newParams);
  }

  /** Whether this rule applies to {@code subject}. */
  public boolean matches(String subject) {
    if (target.equals("*")) {
      return true;
    }
    if (target.endsWith("*")) {
      return subject.startsWith(target.substring(0, target.length() - 1));
    }
    return subject.equals(target);
  }
}
