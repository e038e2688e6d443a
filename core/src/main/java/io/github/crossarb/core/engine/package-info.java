/**
 * The arbitrage engine: {@link io.github.crossarb.core.engine.ArbEngine} follows the approved
 * pairs' books, prices them with the core edge calculator, and executes (through the mode's
 * {@link io.github.crossarb.core.execution.OpportunityExecutor}) or only logs what passes its gates.
 *
 * <p>Threading: one Vert.x context owns every piece of engine state, including the books of
 * {@link io.github.crossarb.core.engine.EngineBooks}. Venues keep their own copies of the books on
 * their contexts; each update is copied onto the engine's context (coalesced per instrument), so
 * the engine never reads a book another thread is writing. Fills, operator commands and timers
 * hop onto the same context.
 *
 * <p>Modes: DRY_RUN (no orders), PAPER and LIVE (each with its own {@link
 * io.github.crossarb.core.engine.Trading}: execution clients, executor, reconciler, ledger). A
 * trading mode trades only while its last reconciliation passed; LIVE is entered only when allowed
 * by the configuration and when its reconciliation and balances check out.
 */
package io.github.crossarb.core.engine;
