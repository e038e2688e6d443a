package io.github.crossarb.core.position;

import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import java.time.Instant;
import java.util.Objects;

/**
 * A trade of ours as the venue reported it: the only input of the {@link PositionLedger}.
 *
 * @param fillId the venue's id of this fill, unique per venue (Kalshi trade id; for Polymarket
 *     the adapter must make it unique per fill of ours, e.g. trade id plus order hash, since one
 *     trade can fill several of our orders)
 * @param instrument a Kalshi market or a Polymarket outcome token
 * @param outcome for a Kalshi fill the side of the market bought or sold; for a Polymarket token
 *     fill the outcome that token represents
 * @param side whether we bought or sold contracts of {@code outcome}
 * @param price the price of {@code outcome}, per contract
 * @param quantity contracts or shares, positive
 * @param fee the venue's fee for this fill, zero or positive
 * @param time when the venue says the fill happened
 * @param clientOrderId our id of the order that filled, when known (else null)
 * @param pairId the pair the engine traded this for, on its own executions (else null); for the
 *     record only: positions are grouped into pairs by instrument, not by this field
 */
public record Fill(
    String fillId,
    InstrumentId instrument,
    Outcome outcome,
    Side side,
    Price price,
    Quantity quantity,
    Money fee,
    Instant time,
    ClientOrderId clientOrderId,
    String pairId)
    implements JournalEntry {

  public Fill {
    requireId(fillId, "fill id");
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(fee, "fee");
    Objects.requireNonNull(time, "time");
    if (quantity.isZero()) {
      throw new IllegalArgumentException("fill " + fillId + " has zero quantity");
    }
    if (fee.isNegative()) {
      throw new IllegalArgumentException("fill " + fillId + " has a negative fee: " + fee);
    }
    if (pairId != null) {
      requireId(pairId, "pair id");
    }
  }

  @Override
  public VenueId venue() {
    return instrument.venue();
  }

  /** What buying costs ({@link Money#costOf}, rounded up) or selling brings ({@link Money#proceedsOf}, rounded down), before the fee. */
  public Money notional() {
    return side == Side.BUY ? Money.costOf(price, quantity) : Money.proceedsOf(price, quantity);
  }

  /** Whether {@code other} is the same trade: same instrument, outcome, side, price, size and fee. */
  boolean sameTradeAs(Fill other) {
    return instrument.equals(other.instrument)
        && outcome == other.outcome
        && side == other.side
        && price.equals(other.price)
        && quantity.equals(other.quantity)
        && fee.equals(other.fee);
  }

  static void requireId(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must be non-blank");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(what + " must not contain control characters: \"" + value + "\"");
      }
    }
  }
}
