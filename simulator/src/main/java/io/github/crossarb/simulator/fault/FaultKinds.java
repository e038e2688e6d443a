package io.github.crossarb.simulator.fault;

/**
 * The fault kinds every venue server understands. A kind is a plain string so each venue can add
 * its own (Polymarket: a trade that goes FAILED after MATCHED) without touching this class; a
 * venue ignores kinds it does not know.
 *
 * <p>Subjects a rule's {@code target} is matched against: REST faults use {@code "METHOD /path"}
 * (e.g. {@code "POST /trade-api/v2/portfolio/events/orders"}); stream faults use the market
 * ({@code ticker} or token id); connection faults on streams use {@code "ws"}.
 */
public final class FaultKinds {
  /** Delays a REST answer by {@code millis}; the request is processed normally. */
  public static final String LATENCY = "latency";
  /** Closes the connection without processing: REST request, or the stream socket ({@code "ws"}). */
  public static final String DROP_CONNECTION = "drop_connection";
  /** Suppresses market-data stream messages for the target while the rule lasts; pings go on. */
  public static final String SILENT_FEED = "silent_feed";
  /** Answers 429 without processing. */
  public static final String HTTP_429 = "http_429";
  /** Answers {@code status} (default 503) without processing. */
  public static final String HTTP_5XX = "http_5xx";
  /** Processes the request (the order is accepted), then answers only after {@code millis}. */
  public static final String ACCEPT_THEN_DELAY = "accept_then_delay";
  /** Processes the request (the order is accepted), then closes the connection unanswered. */
  public static final String ACCEPT_THEN_DROP = "accept_then_drop";
  /** Skips one sequence number on the target's next book delta (Kalshi). */
  public static final String SEQ_GAP = "seq_gap";
  /** Sends the target's next book delta twice with the same sequence number (Kalshi). */
  public static final String SEQ_DUPLICATE = "seq_duplicate";
  /**
   * Changes the target market's tick grid at process step {@code atStep}; parameter {@code step}
   * is the new tick (e.g. {@code "0.001"}).
   */
  public static final String TICK_SIZE_CHANGE = "tick_size_change";

  private FaultKinds() {}
}
