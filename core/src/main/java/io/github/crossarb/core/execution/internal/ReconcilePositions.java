package io.github.crossarb.core.execution.internal;

import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pair.MarketPair;
import io.github.crossarb.core.position.LedgerSnapshot;
import io.github.crossarb.core.venue.OrderReport;
import io.github.crossarb.core.venue.PositionReport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pure part of reconciliation: the ledger's positions and the venues' positions and open
 * orders compared, as drift lines (block trading) and note lines (do not).
 *
 * <p>How each venue is compared:
 *
 * <ul>
 *   <li>Kalshi nets YES against NO within a market and reports one signed position per market, so
 *       the ledger's YES net minus its NO net is compared with the venue's (YES positive).
 *   <li>Polymarket reports each outcome token held: the ledger's net of the token is compared with
 *       the venue's.
 *   <li>Only the registry's instruments are compared; positions elsewhere (the venue's or the
 *       ledger's) are notes: the engine did not make them, or a pair was removed.
 *   <li>The engine sends only IOC and FOK orders, so any open order on a pair's instrument is a
 *       drift (someone else is trading there, or an order rests that should not); elsewhere a note.
 * </ul>
 */
public final class ReconcilePositions {
  private final Map<InstrumentId, String> pairOf = new TreeMap<>(ReconcilePositions::compare);

  public ReconcilePositions(Collection<MarketPair> pairs) {
    for (MarketPair pair : pairs) {
      pairOf.put(pair.kalshiInstrument(), pair.id());
      pairOf.put(pair.polymarket().token(Outcome.YES), pair.id());
      pairOf.put(pair.polymarket().token(Outcome.NO), pair.id());
    }
  }

  /** Whether {@code instrument} belongs to a registry pair. */
  public boolean inPair(InstrumentId instrument) {
    return pairOf.containsKey(instrument);
  }

  /**
   * Compares the ledger with {@code venue}'s positions, adding to {@code drifts} and {@code notes}.
   *
   * @param venuePositions what the venue reports (positive quantities)
   */
  public void comparePositions(VenueId venue, LedgerSnapshot ledger, List<PositionReport> venuePositions,
      List<String> drifts, List<String> notes) {
    Map<InstrumentId, Long> ledgerNet = new TreeMap<>(ReconcilePositions::compare);
    for (LedgerSnapshot.Position p : ledger.positions()) {
      if (p.instrument().venue() == venue) {
        ledgerNet.merge(p.instrument(), signed(venue, p.outcome(), p.netMicros()), Math::addExact);
      }
    }
    Map<InstrumentId, Long> venueNet = new TreeMap<>(ReconcilePositions::compare);
    for (PositionReport r : venuePositions) {
      if (r.instrument().venue() != venue) {
        drifts.add(venue.label() + " reported a position on " + r.instrument() + ", an instrument of another venue");
        continue;
      }
      venueNet.merge(r.instrument(), signed(venue, r.outcome(), r.quantity().micros()), Math::addExact);
    }
    for (Map.Entry<InstrumentId, String> e : pairOf.entrySet()) {
      InstrumentId instrument = e.getKey();
      if (instrument.venue() != venue) {
        continue;
      }
      long ours = ledgerNet.getOrDefault(instrument, 0L);
      long theirs = venueNet.getOrDefault(instrument, 0L);
      if (ours != theirs) {
        drifts.add(instrument + " (pair " + e.getValue() + "): ledger holds " + describe(venue, ours)
            + ", " + venue.label() + " reports " + describe(venue, theirs));
      }
    }
    for (Map.Entry<InstrumentId, Long> e : venueNet.entrySet()) {
      if (!inPair(e.getKey()) && e.getValue() != 0) {
        notes.add(e.getKey() + " (no registry pair): " + venue.label() + " reports " + describe(venue, e.getValue())
            + (ledgerNet.getOrDefault(e.getKey(), 0L).equals(e.getValue()) ? ", as the ledger"
                : ", ledger holds " + describe(venue, ledgerNet.getOrDefault(e.getKey(), 0L))));
      }
    }
    for (Map.Entry<InstrumentId, Long> e : ledgerNet.entrySet()) {
      if (!inPair(e.getKey()) && e.getValue() != 0 && !venueNet.containsKey(e.getKey())) {
        notes.add(e.getKey() + " (no registry pair): ledger holds " + describe(venue, e.getValue()) + ", "
            + venue.label() + " reports nothing");
      }
    }
  }

  /** Open orders of {@code venue}: a drift on a pair's instrument, a note elsewhere. */
  public void compareOpenOrders(VenueId venue, List<OrderReport> open, List<String> drifts, List<String> notes) {
    for (OrderReport o : open) {
      String line = "open order " + o.venueOrderId() + (o.clientOrderId() == null ? "" : " (" + o.clientOrderId() + ")")
          + " at " + venue.label() + ": " + o.side() + " " + o.size() + " " + o.instrument() + " " + o.outcome() + " @ "
          + o.price() + ", " + o.filled() + " filled, " + o.status();
      String pair = pairOf.get(o.instrument());
      if (pair != null) {
        drifts.add(line + " on pair " + pair + " (the engine sends only IOC/FOK orders)");
      } else {
        notes.add(line + " (no registry pair)");
      }
    }
  }

  /** Kalshi: YES positive, NO negative (the venue nets them); Polymarket: the token's own net. */
  private static long signed(VenueId venue, Outcome outcome, long micros) {
    return venue == VenueId.KALSHI && outcome == Outcome.NO ? -micros : micros;
  }

  private static String describe(VenueId venue, long net) {
    if (net == 0) {
      return "nothing";
    }
    if (venue == VenueId.KALSHI) {
      return (net > 0 ? "YES " : "NO ") + Fixed.format(Math.abs(net)) + " (net)";
    }
    return Fixed.format(net) + " shares";
  }

  private static int compare(InstrumentId a, InstrumentId b) {
    return a.toString().compareTo(b.toString());
  }
}
