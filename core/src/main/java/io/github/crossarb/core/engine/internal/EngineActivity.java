package io.github.crossarb.core.engine.internal;

import io.github.crossarb.core.engine.EngineSnapshot.ExecutionView;
import io.github.crossarb.core.engine.EngineSnapshot.LegView;
import io.github.crossarb.core.engine.EngineSnapshot.LogLine;
import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EngineEvent.Severity;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.SubmitResult;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard shows of the engine's recent past, built from the events the engine emits:
 * the last executions with their orders and fills, the last alerts and the last events as log
 * lines, and when each venue's book feed last spoke. Bounded rings, so a publish costs the same
 * after a day as after a minute; the lists handed out are cached until the next change. Engine
 * context only (not thread-safe).
 */
public final class EngineActivity {
  private final int maxExecutions;
  private final int maxLines;
  private final ArrayDeque<ExecutionRecord> executions = new ArrayDeque<>();
  private final Map<String, ExecutionRecord> executionsById = new HashMap<>();
  private final Map<ClientOrderId, LegRecord> legsByOrder = new HashMap<>();
  private final ArrayDeque<LogLine> alerts = new ArrayDeque<>();
  private final ArrayDeque<LogLine> log = new ArrayDeque<>();
  private final Map<VenueId, Instant> lastBookMessage = new EnumMap<>(VenueId.class);
  private List<ExecutionView> executionViews;
  private List<LogLine> alertViews;
  private List<LogLine> logViews;

  public EngineActivity(int maxExecutions, int maxLines) {
    if (maxExecutions < 1 || maxLines < 1) {
      throw new IllegalArgumentException("the rings need room for at least one entry");
    }
    this.maxExecutions = maxExecutions;
    this.maxLines = maxLines;
  }

  /** A book update (or untrust notice) from {@code venue} reached the engine at {@code time}. */
  public void bookMessage(VenueId venue, Instant time) {
    lastBookMessage.put(venue, time);
  }

  /** When {@code venue}'s feed last spoke, or null. */
  public Instant lastBookMessage(VenueId venue) {
    return lastBookMessage.get(venue);
  }

  /** Takes one event the engine emitted. */
  public void record(EngineEvent event) {
    line(event);
    if (event instanceof EngineEvent.Decision d && d.kind() == EngineEvent.DecisionKind.EXECUTE
        && d.executionId() != null) {
      execution(d.executionId(), d.pairId(), d.time()).detail = d.reason();
      executionViews = null;
    } else if (event instanceof EngineEvent.OrderSent o && o.executionId() != null) {
      ExecutionRecord ex = execution(o.executionId(), o.pairId() == null ? "?" : o.pairId(), o.time());
      LegRecord leg = new LegRecord(o.purpose().name(), o.request());
      ex.legs.add(leg);
      legsByOrder.put(o.request().clientOrderId(), leg);
      executionViews = null;
    } else if (event instanceof EngineEvent.OrderOutcome o) {
      LegRecord leg = legsByOrder.get(o.result().clientOrderId());
      if (leg != null) {
        leg.answer(o.result());
        executionViews = null;
      }
    } else if (event instanceof EngineEvent.FillRecorded f) {
      LegRecord leg = f.fill().clientOrderId() == null ? null : legsByOrder.get(f.fill().clientOrderId());
      if (leg != null) {
        leg.fill(f.fill());
        executionViews = null;
      }
    } else if (event instanceof EngineEvent.ExecutionFinished f) {
      ExecutionRecord ex = execution(f.executionId(), f.pairId(), f.time());
      ex.finished = f.time();
      ex.outcome = f.outcome();
      ex.expectedProfit = f.expectedProfit();
      ex.hedged = f.hedged();
      ex.residual = f.residual();
      ex.kalshiFilled = f.kalshiFilled();
      ex.polymarketFilled = f.polymarketFilled();
      ex.detail = f.detail() == null ? "" : f.detail();
      executionViews = null;
    } else if (event instanceof EngineEvent.Alert a) {
      push(alerts, new LogLine(a.time(), a.severity(), a.pairId(), a.message()));
      alertViews = null;
    }
  }

  /** The last executions, newest first. */
  public List<ExecutionView> executions() {
    if (executionViews == null) {
      List<ExecutionView> out = new ArrayList<>(executions.size());
      for (Iterator<ExecutionRecord> it = executions.descendingIterator(); it.hasNext(); ) {
        out.add(it.next().view());
      }
      executionViews = List.copyOf(out);
    }
    return executionViews;
  }

  /** The last alerts, newest first. */
  public List<LogLine> alerts() {
    if (alertViews == null) {
      alertViews = newestFirst(alerts);
    }
    return alertViews;
  }

  /** The last events as log lines, newest first. */
  public List<LogLine> log() {
    if (logViews == null) {
      logViews = newestFirst(log);
    }
    return logViews;
  }

  private ExecutionRecord execution(String id, String pairId, Instant time) {
    ExecutionRecord ex = executionsById.get(id);
    if (ex == null) {
      ex = new ExecutionRecord(id, pairId, time);
      executions.addLast(ex);
      executionsById.put(id, ex);
      if (executions.size() > maxExecutions) {
        ExecutionRecord gone = executions.removeFirst();
        executionsById.remove(gone.id);
        for (LegRecord leg : gone.legs) {
          legsByOrder.remove(leg.request.clientOrderId());
        }
      }
    }
    return ex;
  }

  private void line(EngineEvent event) {
    String text = describe(event);
    if (text == null) {
      return;
    }
    push(log, new LogLine(event.time(), severity(event), pairOf(event), text));
    logViews = null;
  }

  private <T> void push(ArrayDeque<T> ring, T item) {
    ring.addLast(item);
    if (ring.size() > maxLines) {
      ring.removeFirst();
    }
  }

  private static <T> List<T> newestFirst(ArrayDeque<T> ring) {
    List<T> out = new ArrayList<>(ring.size());
    for (Iterator<T> it = ring.descendingIterator(); it.hasNext(); ) {
      out.add(it.next());
    }
    return List.copyOf(out);
  }

  private static Severity severity(EngineEvent e) {
    if (e instanceof EngineEvent.Alert a) {
      return a.severity();
    }
    if (e instanceof EngineEvent.FillReversed) {
      return Severity.WARNING;
    }
    if (e instanceof EngineEvent.ExecutionFinished f) {
      return "HEDGED".equals(f.outcome()) || "NOTHING_FILLED".equals(f.outcome()) || "DENIED".equals(f.outcome())
          ? Severity.INFO : Severity.WARNING;
    }
    if (e instanceof EngineEvent.Reconciled r && !r.passed()) {
      return Severity.WARNING;
    }
    return Severity.INFO;
  }

  private static String pairOf(EngineEvent e) {
    if (e instanceof EngineEvent.OpportunityFound o) {
      return o.opportunity().pairId();
    } else if (e instanceof EngineEvent.Decision d) {
      return d.pairId();
    } else if (e instanceof EngineEvent.OrderSent o) {
      return o.pairId();
    } else if (e instanceof EngineEvent.OrderOutcome o) {
      return o.pairId();
    } else if (e instanceof EngineEvent.FillRecorded f) {
      return f.fill().pairId();
    } else if (e instanceof EngineEvent.Unwind u) {
      return u.pairId();
    } else if (e instanceof EngineEvent.ExecutionFinished f) {
      return f.pairId();
    } else if (e instanceof EngineEvent.Alert a) {
      return a.pairId();
    } else if (e instanceof EngineEvent.PairStatusChanged p) {
      return p.pairId();
    }
    return null;
  }

  /** One line for an event. */
  static String describe(EngineEvent e) {
    if (e instanceof EngineEvent.OpportunityFound o) {
      return "opportunity " + o.executionId() + " " + o.opportunity().direction() + " size " + o.opportunity().size()
          + " profit " + o.opportunity().expectedProfit();
    } else if (e instanceof EngineEvent.Decision d) {
      return d.kind() + (d.executionId() == null ? "" : " " + d.executionId()) + ": " + d.reason();
    } else if (e instanceof EngineEvent.OrderSent o) {
      OrderRequest r = o.request();
      return o.purpose() + " " + r.instrument().venue() + " " + r.side() + " " + r.outcome() + " " + r.size() + " @ "
          + r.price() + " " + r.timeInForce() + " (" + r.clientOrderId() + ")";
    } else if (e instanceof EngineEvent.OrderOutcome o) {
      return "order " + o.result().clientOrderId() + " " + result(o.result());
    } else if (e instanceof EngineEvent.FillRecorded f) {
      Fill fill = f.fill();
      return "fill " + fill.venue() + " " + fill.side() + " " + fill.outcome() + " " + fill.quantity() + " @ "
          + fill.price() + " fee " + fill.fee() + (f.provisional() ? " (unconfirmed)" : "");
    } else if (e instanceof EngineEvent.FillConfirmed c) {
      return "fill " + c.venue() + " " + c.fillId() + " confirmed";
    } else if (e instanceof EngineEvent.FillReversed r) {
      return "fill " + r.fillVoid().venue() + " " + r.fillVoid().fillId() + " reversed";
    } else if (e instanceof EngineEvent.Unwind u) {
      return "unwind " + u.venue() + " sold " + u.sold() + " of " + u.residual() + ", loss " + u.realizedLoss() + ": "
          + u.detail();
    } else if (e instanceof EngineEvent.ExecutionFinished f) {
      return "execution " + f.executionId() + " " + f.outcome() + ": " + f.detail();
    } else if (e instanceof EngineEvent.Alert a) {
      return a.message();
    } else if (e instanceof EngineEvent.ModeChanged m) {
      return m.what() + " " + (m.from() == null ? "" : m.from() + " -> ") + m.to() + ": " + m.reason();
    } else if (e instanceof EngineEvent.PairStatusChanged p) {
      return "pair " + p.pairId() + " " + p.status() + ": " + p.reason();
    } else if (e instanceof EngineEvent.Reconciled r) {
      return "reconciliation " + (r.passed() ? "passed" : "found drift: " + String.join("; ", r.drifts()))
          + (r.fillsAdded() > 0 ? ", " + r.fillsAdded() + " fill(s) added" : "")
          + (r.unknownsResolved() > 0 ? ", " + r.unknownsResolved() + " unknown order(s) resolved" : "");
    }
    return null;
  }

  static String result(SubmitResult r) {
    if (r instanceof SubmitResult.Accepted a) {
      return "ACCEPTED";
    } else if (r instanceof SubmitResult.Rejected j) {
      return "REJECTED: " + j.venueCode();
    } else if (r instanceof SubmitResult.Denied d) {
      return "DENIED: " + d.reason();
    } else if (r instanceof SubmitResult.Unknown u) {
      return "UNKNOWN: " + u.reason();
    }
    return String.valueOf(r);
  }

  private static final class ExecutionRecord {
    final String id;
    final String pairId;
    final Instant started;
    final List<LegRecord> legs = new ArrayList<>();
    Instant finished;
    String outcome = "IN_FLIGHT";
    Money expectedProfit;
    Quantity hedged;
    Quantity residual;
    Quantity kalshiFilled;
    Quantity polymarketFilled;
    String detail = "";

    ExecutionRecord(String id, String pairId, Instant started) {
      this.id = id;
      this.pairId = pairId;
      this.started = started;
    }

    ExecutionView view() {
      List<LegView> legViews = new ArrayList<>(legs.size());
      for (LegRecord leg : legs) {
        legViews.add(leg.view());
      }
      return new ExecutionView(id, pairId, started, finished, outcome, legViews, expectedProfit, realizedPnl(), detail);
    }

    /**
     * Known once it ended with no residual and the fills recorded for its orders add up, venue by
     * venue, to what the executor reported filled (fills often arrive after the execution ends).
     */
    private Money realizedPnl() {
      if (finished == null || hedged == null || residual == null || !residual.isZero() || kalshiFilled == null
          || polymarketFilled == null || "UNKNOWN".equals(outcome) || "FAILED".equals(outcome)) {
        return null;
      }
      Money pnl = Money.payoutOf(hedged);
      long kalshiNet = 0;
      long polymarketNet = 0;
      for (LegRecord leg : legs) {
        if (!leg.fillsComplete()) {
          return null;
        }
        if (leg.request.instrument().venue() == VenueId.KALSHI) {
          kalshiNet += leg.netMicros;
        } else {
          polymarketNet += leg.netMicros;
        }
        pnl = pnl.plus(leg.cash);
      }
      return kalshiNet == kalshiFilled.micros() && polymarketNet == polymarketFilled.micros() ? pnl : null;
    }
  }

  private static final class LegRecord {
    final String purpose;
    final OrderRequest request;
    String result = "SENT";
    long answeredFilledMicros;
    long recordedMicros;
    /** Recorded buys minus sells. */
    long netMicros;
    long notionalMicros;
    /** What the fills cost (negative, buys, fees included) or brought (positive, sells, net of fees). */
    Money cash = Money.ZERO;
    boolean answered;

    LegRecord(String purpose, OrderRequest request) {
      this.purpose = purpose;
      this.request = request;
    }

    void answer(SubmitResult r) {
      answered = true;
      result = EngineActivity.result(r);
      if (r instanceof SubmitResult.Accepted a) {
        answeredFilledMicros = Math.max(answeredFilledMicros, a.filled().micros());
      }
    }

    void fill(Fill f) {
      recordedMicros += f.quantity().micros();
      netMicros += f.side() == Side.BUY ? f.quantity().micros() : -f.quantity().micros();
      notionalMicros += Fixed.mulCeil(f.price().micros(), f.quantity().micros());
      Money n = f.notional();
      cash = f.side() == Side.BUY ? cash.minus(n).minus(f.fee()) : cash.plus(n).minus(f.fee());
    }

    /** Answered, and the fills recorded cover what the answer reported filled. */
    boolean fillsComplete() {
      return answered && !result.startsWith("UNKNOWN") && recordedMicros >= answeredFilledMicros;
    }

    LegView view() {
      Price average = recordedMicros == 0 ? null : Price.ofMicros(Math.min(Fixed.SCALE, averageMicros()));
      return new LegView(request.clientOrderId(), request.instrument().venue(), purpose, request.outcome(),
          request.side(), request.price(), request.size(), Quantity.ofMicros(Math.max(answeredFilledMicros,
              recordedMicros)), average, result);
    }

    private long averageMicros() {
      // notional / quantity, both in micros: price micros = notional × SCALE / quantity, rounded half up
      return java.math.BigInteger.valueOf(notionalMicros).multiply(java.math.BigInteger.valueOf(Fixed.SCALE))
          .add(java.math.BigInteger.valueOf(recordedMicros / 2))
          .divide(java.math.BigInteger.valueOf(recordedMicros)).longValueExact();
    }
  }
}
