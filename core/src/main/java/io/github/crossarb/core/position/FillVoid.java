package io.github.crossarb.core.position;

import io.github.crossarb.core.model.VenueId;
import java.time.Instant;
import java.util.Objects;

/**
 * The venue's word that a fill it reported did not happen after all (a Polymarket trade that went
 * MATCHED then FAILED). Voiding is final: a voided fill id is never applied again, even if the
 * fill itself arrives only after its void.
 *
 * @param time when we learnt of the failure (for the record; the ledger does not use it)
 */
public record FillVoid(VenueId venue, String fillId, Instant time) implements JournalEntry {
  public FillVoid {
    Objects.requireNonNull(venue, "venue");
    Fill.requireId(fillId, "fill id");
    Objects.requireNonNull(time, "time");
  }
}
