package io.github.crossarb.simulator.polymarket.internal;

import io.github.crossarb.simulator.fault.FaultInjector;
import io.github.crossarb.simulator.fault.FaultKinds;
import io.github.crossarb.simulator.fault.FaultRule;
import io.github.crossarb.simulator.fault.PolymarketFaultKinds;
import java.util.Optional;

/**
 * How the Polymarket server asks the shared (seeded, scriptable) {@link FaultInjector} what to
 * break: REST subjects are {@code "METHOD /path"}, stream subjects the token id, socket drops
 * {@code "ws"}. Thread-safe through the injector.
 */
public final class PolyFaultState {
  /** What to do instead of (or around) a REST answer. */
  public enum HttpAction { NONE, DROP, TOO_MANY, SERVER_ERROR }

  /** The action for one request, with the delay before it and the status of a server error. */
  public record HttpFault(HttpAction action, long delayMillis, int status) {}

  /** What to do after an order request was processed. */
  public record AcceptFault(boolean drop, long delayMillis) {}

  private final FaultInjector injector;

  public PolyFaultState(FaultInjector injector) {
    this.injector = injector;
  }

  public FaultInjector injector() {
    return injector;
  }

  public HttpFault takeHttp(String method, String path) {
    String subject = method + " " + path;
    long delay = injector.take(FaultKinds.LATENCY, subject).map(FaultRule::millis).orElse(0L);
    if (injector.take(FaultKinds.DROP_CONNECTION, subject).isPresent()) {
      return new HttpFault(HttpAction.DROP, delay, 0);
    }
    if (injector.take(FaultKinds.HTTP_429, subject).isPresent()) {
      return new HttpFault(HttpAction.TOO_MANY, delay, 429);
    }
    Optional<FaultRule> error = injector.take(FaultKinds.HTTP_5XX, subject);
    if (error.isPresent()) {
      return new HttpFault(HttpAction.SERVER_ERROR, delay, error.get().status());
    }
    return new HttpFault(HttpAction.NONE, delay, 0);
  }

  /** For an order request that was processed: close unanswered, answer late, or null for neither. */
  public AcceptFault takeAccept(String method, String path) {
    String subject = method + " " + path;
    if (injector.take(FaultKinds.ACCEPT_THEN_DROP, subject).isPresent()) {
      return new AcceptFault(true, 0);
    }
    return injector.take(FaultKinds.ACCEPT_THEN_DELAY, subject).map(r -> new AcceptFault(false, r.millis()))
        .orElse(null);
  }

  public boolean takeTradeFailure(String tokenId) {
    return injector.take(PolymarketFaultKinds.TRADE_FAILED, tokenId).isPresent();
  }

  /** Whether the market-channel message for {@code tokenId} is suppressed. */
  public boolean silent(String tokenId) {
    return injector.take(FaultKinds.SILENT_FEED, tokenId).isPresent();
  }

  /** Whether a stream socket is to be dropped now (checked as messages go out). */
  public boolean dropSocket() {
    return injector.take(FaultKinds.DROP_CONNECTION, "ws").isPresent();
  }
}
