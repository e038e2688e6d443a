/**
 * Files of the positions ledger in a data directory, as JSON (Jackson is allowed here only):
 *
 * <ul>
 *   <li>{@code fills.jsonl} ({@link io.github.crossarb.core.store.FillJournal}): the append-only
 *       journal, the source of truth; each append is forced to disk before it returns.
 *   <li>{@code positions.json} ({@link io.github.crossarb.core.store.PositionsFile}): the derived
 *       snapshot, replaced atomically, readable with {@code cat}.
 * </ul>
 *
 * <p>{@link io.github.crossarb.core.store.JsonLedgerStore#recover} opens both and rebuilds the
 * ledger from the journal. Money, prices and sizes are decimal strings, never JSON numbers.
 */
package io.github.crossarb.core.store;
