package io.github.crossarb.link.protocol;

/**
 * Everything the controller and a trader say to each other. Three families:
 * <ul>
 *   <li>{@link Handshake}: sent in clear before the session exists ({@link Hello}, {@link Welcome},
 *       {@link Authenticate}); they carry proofs, never the secret;</li>
 *   <li>{@link Command}: controller to trader, each with an idempotency {@code commandId};</li>
 *   <li>{@link Report}: trader to controller, answers (carrying the command's id) and pushed
 *       venue events.</li>
 * </ul>
 * plus the session's own {@link Heartbeat} and {@link Bye}. After the handshake every message
 * travels in an authenticated, sequenced frame (see the {@code session} package); the records here
 * hold only the payload.
 */
public sealed interface LinkMessage
    permits LinkMessage.Handshake, LinkMessage.Command, LinkMessage.Report, Heartbeat, Bye {

  /** Before the session: clear, but bound to fresh nonces by the proofs. */
  sealed interface Handshake extends LinkMessage permits Hello, Welcome, Authenticate {}

  /** Controller to trader; {@code commandId} makes a resend idempotent. */
  sealed interface Command extends LinkMessage
      permits PlaceLeg, CancelLeg, CancelAll, FindOrder, FetchOpenOrders, FetchFills, FetchAccount, PrepareLeg {
    String commandId();

    io.github.crossarb.core.model.VenueId venue();
  }

  /** Trader to controller. */
  sealed interface Report extends LinkMessage
      permits Reply, VenueEvent {}

  /** The answer to one {@link Command}, carrying its id. */
  sealed interface Reply extends Report
      permits LegAck, LegResult, CancelLegResult, CancelAllResult, OrderFound, OpenOrders, FillsFetched,
          AccountSnapshot, LegPrepared, CommandFailed {
    String commandId();
  }

  /** Pushed from a trader's venue stream, not asked for. */
  sealed interface VenueEvent extends Report
      permits FillReport, FillConfirmedReport, FillVoidReport, OrderUpdateReport, VenueStreamState {
    io.github.crossarb.core.model.VenueId venue();
  }
}
