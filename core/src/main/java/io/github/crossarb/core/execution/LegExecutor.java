package io.github.crossarb.core.execution;

import io.github.crossarb.core.execution.internal.ExecutionRun;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.ExecutionClient;
import io.github.crossarb.core.venue.VenueCapabilities;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Executes an opportunity on the two venues with leg-risk control.
 *
 * <p><b>PARALLEL</b>: both legs at once, IOC (Polymarket FAK), at the opportunity's leg limit
 * prices. <b>SEQUENTIAL</b>: first the leg more likely to fail (less ask depth at its limit; on a
 * tie Polymarket), FOK; once it filled, the other leg IOC for what the first filled, at the price
 * of the worst ask level it needs on a trusted book, capped at its planned limit plus
 * {@link LegRiskParams#maxHedgeSlippage()}. A venue that does not take the preferred time in
 * force gets the other of IOC/FOK (per its {@link VenueCapabilities}).
 *
 * <p>Then, if the venues filled different quantities: the short leg is hedged (IOC, trusted book,
 * within the slippage cap) until it matches, {@link LegRiskParams#maxHedgeAttempts()} orders or
 * {@link LegRiskParams#hedgeDeadline()} after the first fill; what is still unhedged is sold back
 * on the long leg, IOC at the best bid if that keeps the loss within
 * {@link LegRiskParams#unwindLossCap()}, plus at most one retry at the lowest price that does.
 * Nothing loops: what remains is {@link ExecutionOutcome#RESIDUAL_OPEN} with a CRITICAL alert.
 *
 * <p>Orders: risk checked before each (both legs before the first is sent), a fresh client order
 * id for each, {@code OrderSent} before and {@code OrderOutcome} after each submit,
 * {@code orderFinished} after each submit. An Unknown submit is looked up by client order id
 * (backing off) until {@link LegRiskParams#unknownResolveTimeout()}, never sent again; still
 * unknown, the execution ends {@link ExecutionOutcome#UNKNOWN} without hedging or unwinding.
 *
 * <p>Polymarket signs a FAK/FOK BUY in whole cents and may fill slightly fewer shares than asked;
 * when the size at the Polymarket limit is not whole cents the executor lowers it (both legs) to
 * the largest size that is and still meets both venues' minimums and steps.
 *
 * <p>Call {@link #execute} on the engine's context; the report completes there.
 */
public final class LegExecutor implements OpportunityExecutor {
  private final Vertx vertx;
  private final Map<VenueId, ExecutionClient> clients;
  private final Map<VenueId, VenueCapabilities> capabilities;
  private final LegRiskParams params;

  /** Venues are assumed to take both IOC and FOK (Kalshi and Polymarket both do). */
  public LegExecutor(Vertx vertx, Map<VenueId, ExecutionClient> clients, LegRiskParams params) {
    this(vertx, clients, Map.of(), params);
  }

  /**
   * @param capabilities per venue, to choose a time in force it takes; a venue missing here is
   *     assumed to take IOC and FOK
   */
  public LegExecutor(Vertx vertx, Map<VenueId, ExecutionClient> clients, Map<VenueId, VenueCapabilities> capabilities,
      LegRiskParams params) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.clients = copy(Objects.requireNonNull(clients, "clients"));
    this.capabilities = copy(Objects.requireNonNull(capabilities, "capabilities"));
    this.params = Objects.requireNonNull(params, "params");
  }

  @Override
  public Future<ExecutionReport> execute(ExecutionRequest request, ExecutionContext context) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(context, "context");
    Context home = vertx.getOrCreateContext();
    ExecutionRun run;
    try {
      run = new ExecutionRun(vertx, home, request, context, params, clients, capabilities);
    } catch (RuntimeException e) {
      // e.g. an instrument that is not the leg's: nothing was sent, and the contract is never to fail
      return Future.succeededFuture(new ExecutionReport(request.executionId(), request.pair().id(), ExecutionOutcome.DENIED,
          Quantity.ZERO, Quantity.ZERO, Quantity.ZERO, Quantity.ZERO, null, false, Money.ZERO, List.of(),
          "invalid execution request: " + e.getMessage()));
    }
    return run.run();
  }

  @Override
  public Future<ExecutionReport> closeResidual(ResidualRequest request, ExecutionContext context) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(context, "context");
    Context home = vertx.getOrCreateContext();
    ExecutionRun run;
    try {
      run = ExecutionRun.forResidual(vertx, home, request, context, params, clients, capabilities);
    } catch (RuntimeException e) {
      return Future.succeededFuture(new ExecutionReport(request.executionId(), request.pair().id(),
          ExecutionOutcome.DENIED, Quantity.ZERO, Quantity.ZERO, Quantity.ZERO, Quantity.ZERO, null, false, Money.ZERO,
          List.of(), "invalid residual request: " + e.getMessage()));
    }
    return run.run();
  }

  private static <V> Map<VenueId, V> copy(Map<VenueId, V> map) {
    Map<VenueId, V> copy = new EnumMap<>(VenueId.class);
    copy.putAll(map);
    return Map.copyOf(copy);
  }
}
