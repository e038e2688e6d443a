package io.github.crossarb.cli.engine;

import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EngineEvent.Alert;
import io.github.crossarb.core.event.EngineEvent.Decision;
import io.github.crossarb.core.event.EngineEvent.ExecutionFinished;
import io.github.crossarb.core.event.EngineEvent.FillConfirmed;
import io.github.crossarb.core.event.EngineEvent.FillRecorded;
import io.github.crossarb.core.event.EngineEvent.FillReversed;
import io.github.crossarb.core.event.EngineEvent.ModeChanged;
import io.github.crossarb.core.event.EngineEvent.OpportunityFound;
import io.github.crossarb.core.event.EngineEvent.OrderOutcome;
import io.github.crossarb.core.event.EngineEvent.OrderSent;
import io.github.crossarb.core.event.EngineEvent.PairStatusChanged;
import io.github.crossarb.core.event.EngineEvent.Reconciled;
import io.github.crossarb.core.event.EngineEvent.Unwind;
import io.github.crossarb.core.event.EventSink;
import io.github.crossarb.core.pricing.Opportunity;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.SubmitResult;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The headless log: one readable line per engine event on stdout (the full record goes to
 * {@code events.jsonl}). Fill confirmations are left out unless verbose: they double the noise.
 */
public final class ConsoleEvents implements EventSink {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private final PrintWriter out;
  private final boolean verbose;

  public ConsoleEvents(PrintWriter out, boolean verbose) {
    this.out = out;
    this.verbose = verbose;
  }

  @Override
  public synchronized void emit(EngineEvent event) {
    String line = format(event, verbose);
    if (line != null) {
      out.println(TIME.format(event.time()) + " " + line);
      out.flush();
    }
  }

  /** The event as one line, or null when it is not shown at this verbosity. */
  public static String format(EngineEvent event, boolean verbose) {
    if (event instanceof OpportunityFound e) {
      Opportunity o = e.opportunity();
      return "OPPORTUNITY " + o.pairId() + " " + e.executionId() + " " + direction(o) + " size " + o.size()
          + " kalshi<=" + o.kalshi().limitPrice() + " polymarket<=" + o.polymarket().limitPrice()
          + " cost $" + o.totalCost() + " fees $" + o.totalFees() + " profit $" + o.expectedProfit();
    }
    if (event instanceof Decision e) {
      if (e.kind() == EngineEvent.DecisionKind.SKIPPED && !verbose) {
        return null;
      }
      return "DECISION " + e.pairId() + " " + nullable(e.executionId()) + " " + e.kind() + ": " + e.reason();
    }
    if (event instanceof OrderSent e) {
      OrderRequest r = e.request();
      return "ORDER " + nullable(e.pairId()) + " " + e.purpose() + " " + r.instrument().venue() + " "
          + lower(r.side().name()) + " " + r.size() + " " + lower(r.outcome().name()) + " @ " + r.price() + " "
          + r.timeInForce() + " id " + r.clientOrderId();
    }
    if (event instanceof OrderOutcome e) {
      return "OUTCOME " + nullable(e.pairId()) + " " + outcome(e.result());
    }
    if (event instanceof FillRecorded e) {
      var f = e.fill();
      return "FILL " + f.venue() + " " + lower(f.side().name()) + " " + f.quantity() + " " + lower(f.outcome().name())
          + " @ " + f.price() + " fee $" + f.fee() + (e.provisional() ? " (provisional until confirmed)" : "")
          + " order " + nullable(f.clientOrderId());
    }
    if (event instanceof FillConfirmed e) {
      return verbose ? "CONFIRMED " + e.venue() + " fill " + e.fillId() : null;
    }
    if (event instanceof FillReversed e) {
      return "FILL REVERSED " + e.fillVoid().venue() + " fill " + e.fillVoid().fillId();
    }
    if (event instanceof Unwind e) {
      return "UNWIND " + e.pairId() + " " + e.venue() + " residual " + e.residual() + " sold " + e.sold()
          + " loss $" + e.realizedLoss() + " (cap $" + e.lossCap() + "): " + e.detail();
    }
    if (event instanceof ExecutionFinished e) {
      return "EXECUTED " + e.pairId() + " " + e.executionId() + " " + e.outcome() + " kalshi " + e.kalshiFilled()
          + " polymarket " + e.polymarketFilled() + " hedged " + e.hedged() + " residual " + e.residual()
          + (e.expectedProfit() == null ? "" : " expected profit $" + e.expectedProfit())
          + (e.unknownOrders().isEmpty() ? "" : " unknown orders " + e.unknownOrders()) + ": " + e.detail();
    }
    if (event instanceof Alert e) {
      return "ALERT " + e.severity() + (e.pairId() == null ? "" : " " + e.pairId()) + ": " + e.message();
    }
    if (event instanceof ModeChanged e) {
      return "MODE " + e.what() + " " + nullable(e.from()) + " -> " + e.to() + ": " + e.reason();
    }
    if (event instanceof PairStatusChanged e) {
      return "PAIR " + e.pairId() + " " + e.status() + ": " + e.reason();
    }
    if (event instanceof Reconciled e) {
      return "RECONCILED " + (e.passed() ? "passed" : "FAILED") + " fills added " + e.fillsAdded()
          + " unknowns resolved " + e.unknownsResolved() + (e.drifts().isEmpty() ? "" : " drifts " + e.drifts());
    }
    return event.toString();
  }

  private static String outcome(SubmitResult result) {
    if (result instanceof SubmitResult.Accepted a) {
      return "ACCEPTED " + a.clientOrderId() + " status " + a.status() + " filled " + a.filled();
    }
    if (result instanceof SubmitResult.Rejected r) {
      return "REJECTED " + r.clientOrderId() + " " + r.venueCode() + ": " + r.message();
    }
    if (result instanceof SubmitResult.Denied d) {
      return "DENIED " + d.clientOrderId() + ": " + d.reason();
    }
    SubmitResult.Unknown u = (SubmitResult.Unknown) result;
    return "UNKNOWN " + u.clientOrderId() + ": " + u.reason();
  }

  private static String direction(Opportunity o) {
    return "buy kalshi " + lower(o.kalshi().outcome().name()) + " + polymarket " + lower(o.polymarket().outcome().name());
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  private static String nullable(Object value) {
    return value == null ? "-" : value.toString();
  }
}
