package io.github.crossarb.core.execution.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.position.LedgerArbitraries;
import io.github.crossarb.core.position.LedgerFixtures;
import io.github.crossarb.core.position.LedgerSnapshot;
import io.github.crossarb.core.venue.PositionReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * Against a venue that holds exactly what the fills say (Kalshi netting YES against NO per market,
 * Polymarket per token), the comparison finds no drift, except where the venue cannot show what
 * the ledger holds (an oversold token); a venue off by any amount on a pair's instrument is a drift
 * naming it; positions outside the pairs are never drifts.
 */
class ReconcilePositionsProperties {
  private final ReconcilePositions compare = new ReconcilePositions(LedgerFixtures.PAIRS);

  @Property(tries = 300)
  void aVenueThatHoldsWhatTheFillsSayAgreesWithTheLedger(@ForAll("fills") List<Fill> fills) {
    LedgerSnapshot ledger = LedgerFixtures.ledgerOf(fills.toArray(Fill[]::new)).snapshot();
    Map<InstrumentId, Long> held = venueHoldings(fills);
    for (VenueId venue : VenueId.values()) {
      List<String> drifts = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      compare.comparePositions(venue, ledger, reports(venue, held), drifts, notes);
      List<String> expected = new ArrayList<>();
      held.forEach((instrument, net) -> {
        if (instrument.venue() == venue && venue == VenueId.POLYMARKET && net < 0 && compare.inPair(instrument)) {
          expected.add(instrument.toString()); // an oversold token: the venue cannot report it
        }
      });
      assertThat(drifts).hasSameSizeAs(expected);
      for (int i = 0; i < expected.size(); i++) {
        assertThat(drifts.get(i)).startsWith(expected.get(i) + " (pair ");
      }
      assertThat(notes).allSatisfy(n -> assertThat(n).contains("(no registry pair)"));
    }
  }

  @Property(tries = 300)
  void aVenueOffByAnyAmountOnAPairInstrumentIsADriftNamingIt(@ForAll("fills") List<Fill> fills,
      @ForAll @LongRange(min = 1, max = 1_000_000_000L) long offMicros, @ForAll boolean kalshi) {
    LedgerSnapshot ledger = LedgerFixtures.ledgerOf(fills.toArray(Fill[]::new)).snapshot();
    Map<InstrumentId, Long> held = venueHoldings(fills);
    InstrumentId target = kalshi ? LedgerFixtures.K_FED : LedgerFixtures.P_FED_NO;
    held.merge(target, offMicros, Math::addExact);
    VenueId venue = target.venue();
    List<String> drifts = new ArrayList<>();
    compare.comparePositions(venue, ledger, reports(venue, held), drifts, new ArrayList<>());
    boolean reportable = venue == VenueId.KALSHI || held.get(target) > 0;
    if (reportable) {
      assertThat(drifts).anySatisfy(d -> assertThat(d).startsWith(target + " (pair fed-dec)"));
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<List<Fill>> fills() {
    return LedgerArbitraries.fills(25);
  }

  /** What a venue holds after {@code fills}: Kalshi signed YES-positive net per market, Polymarket net per token. */
  private static Map<InstrumentId, Long> venueHoldings(List<Fill> fills) {
    Map<InstrumentId, Long> held = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
    for (Fill f : fills) {
      long q = f.side() == Side.BUY ? f.quantity().micros() : -f.quantity().micros();
      if (f.venue() == VenueId.KALSHI && f.outcome() == Outcome.NO) {
        q = -q;
      }
      held.merge(f.instrument(), q, Math::addExact);
    }
    return held;
  }

  /** The venue's reports of {@code held}: positive quantities only, Kalshi one outcome per market. */
  private static List<PositionReport> reports(VenueId venue, Map<InstrumentId, Long> held) {
    List<PositionReport> out = new ArrayList<>();
    held.forEach((instrument, net) -> {
      if (instrument.venue() != venue || net == 0) {
        return;
      }
      if (venue == VenueId.KALSHI) {
        out.add(new PositionReport(instrument, net > 0 ? Outcome.YES : Outcome.NO, Quantity.ofMicros(Math.abs(net)), null));
      } else if (net > 0) {
        Outcome outcome = instrument.equals(LedgerFixtures.P_FED_YES) || instrument.equals(LedgerFixtures.P_BTC_YES)
            ? Outcome.YES : Outcome.NO;
        out.add(new PositionReport(instrument, outcome, Quantity.ofMicros(net), null));
      }
    });
    return out;
  }
}
