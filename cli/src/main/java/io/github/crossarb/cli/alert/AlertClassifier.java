package io.github.crossarb.cli.alert;

import io.github.crossarb.cli.metrics.EngineMetrics;
import io.github.crossarb.core.engine.EngineSnapshot;
import io.github.crossarb.core.engine.EngineSnapshot.FeedHealth;
import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EngineEvent.Severity;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.link.controller.LinkEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the engine's events, its snapshots and the trader link's events into operator alerts. Events
 * give what happens (an execution ended with mismatched legs, an order's outcome is unknown, a pair
 * suspended, a reconciliation drifted, a geoblock); snapshots give what lasts (the kill switch, a
 * feed untrusted for too long, today's loss at the limit), alerted on the transition. Not
 * thread-safe: the notifier calls it on its own context only.
 */
public final class AlertClassifier {
  /** Executions (and orders) remembered between their first event and their end. */
  private static final int REMEMBERED = 4096;

  private final Money dailyLossLimit;
  private final Duration feedUntrustedAfter;
  private final Map<String, ExecutionSeen> executions = bounded();
  private final Map<ClientOrderId, String> orderVenues = bounded();
  private final Map<VenueId, Instant> feedBadSince = new EnumMap<>(VenueId.class);
  private final Map<VenueId, Boolean> feedAlerted = new EnumMap<>(VenueId.class);
  private boolean killAlerted;
  private String lossAlertedDay;

  /** What an execution did before it finished. */
  private static final class ExecutionSeen {
    boolean hedged;
    int unwinds;
    Money unwindLoss = Money.ZERO;
  }

  /**
   * @param dailyLossLimit the engine's daily loss limit (its risk limits)
   * @param feedUntrustedAfter how long a feed may be untrusted (or silent) before it is alerted
   */
  public AlertClassifier(Money dailyLossLimit, Duration feedUntrustedAfter) {
    this.dailyLossLimit = Objects.requireNonNull(dailyLossLimit, "dailyLossLimit");
    this.feedUntrustedAfter = Objects.requireNonNull(feedUntrustedAfter, "feedUntrustedAfter");
  }

  /** Whether {@code event} may give an alert (so the caller hops only for those). */
  public static boolean relevant(EngineEvent event) {
    return event instanceof EngineEvent.OrderSent || event instanceof EngineEvent.OrderOutcome
        || event instanceof EngineEvent.Unwind || event instanceof EngineEvent.ExecutionFinished
        || event instanceof EngineEvent.PairStatusChanged || event instanceof EngineEvent.Reconciled
        || event instanceof EngineEvent.ModeChanged;
  }

  public List<OperatorAlert> onEvent(EngineEvent event) {
    List<OperatorAlert> alerts = new ArrayList<>(1);
    if (event instanceof EngineEvent.OrderSent o) {
      orderVenues.put(o.request().clientOrderId(), o.request().instrument().venue().label());
      if (o.executionId() != null && o.purpose() == EngineEvent.OrderPurpose.HEDGE) {
        seen(o.executionId()).hedged = true;
      }
    } else if (event instanceof EngineEvent.OrderOutcome o) {
      orderOutcome(o, alerts);
    } else if (event instanceof EngineEvent.Unwind u) {
      if (u.executionId() == null) {
        alerts.add(OperatorAlert.of(u.time(), AlertKind.LEG_MISMATCH, Severity.WARNING, u.pairId(),
            "residual unwound on " + u.venue().label() + lossText(u.realizedLoss()) + ": " + u.detail(),
            "LEG_MISMATCH:" + u.pairId() + ":" + u.time().toEpochMilli()));
      } else {
        ExecutionSeen seen = seen(u.executionId());
        seen.unwinds++;
        // Each Unwind event carries the execution's loss so far: the last one is the total.
        seen.unwindLoss = u.realizedLoss();
      }
    } else if (event instanceof EngineEvent.ExecutionFinished f) {
      executionFinished(f, alerts);
    } else if (event instanceof EngineEvent.PairStatusChanged p && p.status().equals("SUSPENDED")) {
      alerts.add(OperatorAlert.of(p.time(), AlertKind.PAIR_SUSPENDED, Severity.CRITICAL, p.pairId(),
          "pair " + p.pairId() + " suspended: " + p.reason(), "PAIR_SUSPENDED:" + p.pairId()));
    } else if (event instanceof EngineEvent.Reconciled r && !r.passed()) {
      alerts.add(OperatorAlert.of(r.time(), AlertKind.RECONCILIATION_DRIFT, Severity.CRITICAL, null,
          r.drifts().size() + " drift(s): " + String.join("; ", r.drifts()),
          "RECONCILIATION_DRIFT:" + Integer.toHexString(r.drifts().hashCode())));
    } else if (event instanceof EngineEvent.ModeChanged m && m.what().equals("trading") && m.to().equals("KILLED")) {
      kill(m.time(), m.reason(), alerts);
    }
    return alerts;
  }

  /** The states of the engine now: alerts on their transitions. */
  public List<OperatorAlert> onSnapshot(EngineSnapshot snapshot, Instant now) {
    List<OperatorAlert> alerts = new ArrayList<>(0);
    if (snapshot.kill().engaged()) {
      kill(snapshot.kill().at(), snapshot.kill().reason(), alerts);
    }
    for (VenueId venue : VenueId.values()) {
      feed(venue, snapshot.feed(venue), now, alerts);
    }
    String day = now.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    Money loss = snapshot.realizedPnlToday().negate();
    if (loss.compareTo(dailyLossLimit) >= 0 && !day.equals(lossAlertedDay)) {
      lossAlertedDay = day;
      alerts.add(OperatorAlert.of(now, AlertKind.DAILY_LOSS_LIMIT, Severity.CRITICAL, null,
          "today's realised loss " + loss + " reached the daily loss limit " + dailyLossLimit + "; trading stops",
          "DAILY_LOSS_LIMIT:" + day));
    }
    return alerts;
  }

  /** A trader link event: a disconnection alerts, a reconnection after it is its recovery. */
  public List<OperatorAlert> onLinkEvent(LinkEvent event) {
    String trader = event.traderId() == null ? "unknown" : event.traderId();
    String key = "TRADER_DISCONNECTED:" + trader;
    if (event.kind() == LinkEvent.Kind.DISCONNECTED) {
      return List.of(OperatorAlert.of(event.at(), AlertKind.TRADER_DISCONNECTED, Severity.WARNING, null,
          "trader " + trader + ": " + event.message(), key));
    }
    if (event.kind() == LinkEvent.Kind.CONNECTED) {
      return List.of(new OperatorAlert(event.at(), AlertKind.TRADER_DISCONNECTED, Severity.INFO, null,
          "trader " + trader + " connected again: " + event.message(), key + ":recovered", key));
    }
    return List.of();
  }

  private void orderOutcome(EngineEvent.OrderOutcome o, List<OperatorAlert> alerts) {
    SubmitResult result = o.result();
    String venue = orderVenues.getOrDefault(result.clientOrderId(), "a venue");
    if (result instanceof SubmitResult.Unknown u) {
      alerts.add(OperatorAlert.of(o.time(), AlertKind.UNKNOWN_ORDER, Severity.WARNING, o.pairId(),
          "order " + u.clientOrderId().value() + " on " + venue + ": outcome unknown (" + u.reason()
              + "); the pair waits for reconciliation", "UNKNOWN_ORDER:" + u.clientOrderId().value()));
    } else if (result instanceof SubmitResult.Denied d && isGeoblock(d.reason())) {
      alerts.add(geoblock(o, d.reason()));
    } else if (result instanceof SubmitResult.Rejected r
        && ("geoblocked".equals(r.venueCode()) || isGeoblock(r.message()))) {
      alerts.add(geoblock(o, r.message()));
    }
  }

  /**
   * Polymarket's geoblock: the client denies with "this host is geoblocked by Polymarket", and maps
   * the venue's own refusal to the code {@code geoblocked} (PolymarketExecution, PolymarketErrors).
   */
  static boolean isGeoblock(String reason) {
    return reason != null && reason.toLowerCase(Locale.ROOT).contains("geoblock");
  }

  private static OperatorAlert geoblock(EngineEvent.OrderOutcome o, String reason) {
    return OperatorAlert.of(o.time(), AlertKind.GEOBLOCK, Severity.CRITICAL, null,
        "Polymarket refuses orders from this host: " + reason, "GEOBLOCK");
  }

  private void executionFinished(EngineEvent.ExecutionFinished f, List<OperatorAlert> alerts) {
    ExecutionSeen seen = f.executionId() == null ? null : executions.remove(f.executionId());
    boolean corrected = seen != null && (seen.hedged || seen.unwinds > 0);
    if (!EngineMetrics.isMismatch(f) && !corrected) {
      return;
    }
    boolean open = "RESIDUAL_OPEN".equals(f.outcome()) || (f.residual() != null && !f.residual().isZero());
    // The detail is the executor's own summary (what each venue bought and sold); the filled counts of
    // the event are net of unwinds, so they are not repeated here.
    StringBuilder text = new StringBuilder("execution ").append(f.executionId()).append(" ended ").append(f.outcome());
    List<String> parts = new ArrayList<>();
    if (f.residual() != null && !f.residual().isZero()) {
      parts.add("residual " + f.residual() + " open");
    }
    if (seen != null && seen.hedged) {
      parts.add("hedge orders sent");
    }
    if (seen != null && seen.unwinds > 0) {
      parts.add("unwound" + lossText(seen.unwindLoss));
    }
    if (!parts.isEmpty()) {
      text.append(": ").append(String.join(", ", parts));
    }
    if (f.detail() != null && !f.detail().isBlank()) {
      text.append(" — ").append(f.detail());
    }
    alerts.add(OperatorAlert.of(f.time(), AlertKind.LEG_MISMATCH, open ? Severity.CRITICAL : Severity.WARNING,
        f.pairId(), text.toString(), "LEG_MISMATCH:" + f.executionId()));
  }

  private void kill(Instant at, String reason, List<OperatorAlert> alerts) {
    if (killAlerted) {
      return;
    }
    killAlerted = true;
    alerts.add(OperatorAlert.of(at == null ? Instant.EPOCH : at, AlertKind.KILL_SWITCH, Severity.CRITICAL, null,
        "kill switch engaged: " + reason + "; no order is sent until a restart", "KILL_SWITCH"));
  }

  private void feed(VenueId venue, FeedHealth feed, Instant now, List<OperatorAlert> alerts) {
    if (feed == null) {
      return;
    }
    String problem = feedProblem(feed);
    String key = "FEED_UNTRUSTED:" + venue.label();
    if (problem == null) {
      feedBadSince.remove(venue);
      if (Boolean.TRUE.equals(feedAlerted.remove(venue))) {
        alerts.add(new OperatorAlert(now, AlertKind.FEED_UNTRUSTED, Severity.INFO, null,
            venue.label() + " feed recovered: " + feed.trusted() + " book(s) trusted", key + ":recovered", key));
      }
      return;
    }
    Instant since = feedBadSince.computeIfAbsent(venue, v -> now);
    Duration bad = Duration.between(since, now);
    if (bad.compareTo(feedUntrustedAfter) >= 0 && !feedAlerted.containsKey(venue)) {
      feedAlerted.put(venue, Boolean.TRUE);
      alerts.add(OperatorAlert.of(now, AlertKind.FEED_UNTRUSTED, Severity.WARNING, null,
          venue.label() + " feed " + problem + " for " + bad.toSeconds() + " s; its pairs are not traded", key));
    }
  }

  /** What is wrong with a feed now, or null when it is healthy. */
  private static String feedProblem(FeedHealth feed) {
    if (feed.lastMessage() == null) {
      return "silent (no message yet)";
    }
    if (feed.untrusted() > 0) {
      return "untrusted (" + feed.untrusted() + " of " + (feed.trusted() + feed.untrusted()) + " books)";
    }
    // A feed that goes quiet is caught by the clients' silence check, which marks its books untrusted;
    // a quiet market with trusted books is not a problem.
    return null;
  }

  private ExecutionSeen seen(String executionId) {
    return executions.computeIfAbsent(executionId, id -> new ExecutionSeen());
  }

  private static String lossText(Money loss) {
    return loss.isPositive() ? " with a loss of $" + loss : "";
  }

  private static <K, V> Map<K, V> bounded() {
    return new LinkedHashMap<>(64, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > REMEMBERED;
      }
    };
  }
}
