package io.github.crossarb.core.position;

import io.github.crossarb.core.model.VenueId;

/**
 * One entry of the positions journal, the append-only record the ledger is rebuilt from: a
 * {@link Fill} or a {@link FillVoid}. Entries are identified by {@code (venue, fillId)}.
 */
public sealed interface JournalEntry permits Fill, FillVoid {
  /** The venue whose fill this entry adds or voids. */
  VenueId venue();

  /** The venue's id of the fill this entry adds or voids. */
  String fillId();
}
