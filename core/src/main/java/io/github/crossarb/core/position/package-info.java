/**
 * Positions, built from fills only: {@link io.github.crossarb.core.position.PositionLedger} (in
 * memory), {@link io.github.crossarb.core.position.LedgerSnapshot} (what is shown and persisted)
 * and {@link io.github.crossarb.core.position.DurableLedger} (the ledger kept in a
 * {@link io.github.crossarb.core.position.LedgerStore}, journal first, snapshot second).
 *
 * <p>Accounting, exact in 1e-6 micros (overflow throws):
 *
 * <ul>
 *   <li>Average cost per (instrument, outcome). Buy cost rounds up, sell proceeds round down (as
 *       {@link io.github.crossarb.core.model.Money#costOf} and {@code proceedsOf}). A partial sell
 *       releases cost and open fees pro rata, rounded half-up; closing the rest releases exactly
 *       what is left.
 *   <li>Buy fees are capitalised ({@code openFees}) and released with the contracts; sell fees are
 *       realised at once.
 *   <li>Selling more than held is recorded and flagged {@code oversold} (the venues do not let us
 *       short these contracts, so it means a missing or late fill), never refused.
 *   <li>Pairs: Kalshi legs count for their own outcome, Polymarket tokens through the relation;
 *       hedged = min of the two sides; hedge cost attributed at each side's average cost, rounded
 *       up, so locked-in profit is never overstated.
 * </ul>
 *
 * <p>JDK only: no library may be imported here.
 */
package io.github.crossarb.core.position;
