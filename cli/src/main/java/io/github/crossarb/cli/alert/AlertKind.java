package io.github.crossarb.cli.alert;

/** What an operator alert is about; each has a short title for the messages. */
public enum AlertKind {
  /** An execution's legs filled differently: hedged late, unwound, or a residual left open. */
  LEG_MISMATCH("Leg mismatch"),
  /** An order's outcome is unknown (timeout, 5xx, disconnect); reconciliation settles it. */
  UNKNOWN_ORDER("Unknown order outcome"),
  /** The kill switch is engaged: no order until a restart. */
  KILL_SWITCH("Kill switch"),
  /** A pair was suspended (its rules or close time changed since approval). */
  PAIR_SUSPENDED("Pair suspended"),
  /** A venue's feed has had untrusted books (or no message) for longer than the threshold; or recovered. */
  FEED_UNTRUSTED("Feed untrusted"),
  /** A trader's link connection ended; or it is back. */
  TRADER_DISCONNECTED("Trader disconnected"),
  /** A reconciliation found the ledger and the venues disagreeing. */
  RECONCILIATION_DRIFT("Reconciliation drift"),
  /** Today's realised loss reached the daily loss limit: trading stops. */
  DAILY_LOSS_LIMIT("Daily loss limit"),
  /** Polymarket refuses orders from this host's region. */
  GEOBLOCK("Geoblocked"),
  /** A summary of the alerts a webhook's rate limit held back. */
  SUPPRESSED("Alerts suppressed");

  private final String title;

  AlertKind(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
