package io.github.crossarb.core.position;

import static io.github.crossarb.core.position.LedgerFixtures.K_BTC;
import static io.github.crossarb.core.position.LedgerFixtures.K_FED;
import static io.github.crossarb.core.position.LedgerFixtures.K_LONE;
import static io.github.crossarb.core.position.LedgerFixtures.P_BTC_NO;
import static io.github.crossarb.core.position.LedgerFixtures.P_BTC_YES;
import static io.github.crossarb.core.position.LedgerFixtures.P_FED_NO;
import static io.github.crossarb.core.position.LedgerFixtures.P_FED_YES;
import static io.github.crossarb.core.position.LedgerFixtures.P_LONE;

import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators of fills on the fixture instruments (consistent with the fixture pairs). */
public final class LedgerArbitraries {
  private record Leg(InstrumentId instrument, Outcome outcome) {}

  private static final List<Leg> LEGS = List.of(
      new Leg(K_FED, Outcome.YES), new Leg(K_FED, Outcome.NO), new Leg(P_FED_YES, Outcome.YES), new Leg(P_FED_NO, Outcome.NO),
      new Leg(K_BTC, Outcome.YES), new Leg(K_BTC, Outcome.NO), new Leg(P_BTC_YES, Outcome.YES), new Leg(P_BTC_NO, Outcome.NO),
      new Leg(K_LONE, Outcome.YES), new Leg(P_LONE, Outcome.NO));

  private LedgerArbitraries() {}

  /** One fill with the given id: 4-decimal prices, 2-decimal sizes up to 5000, fees up to $2. */
  public static Arbitrary<Fill> fill(String id) {
    Arbitrary<Leg> leg = Arbitraries.of(LEGS);
    Arbitrary<Side> side = Arbitraries.frequency(
        net.jqwik.api.Tuple.of(3, Side.BUY), net.jqwik.api.Tuple.of(2, Side.SELL));
    Arbitrary<Long> price = Arbitraries.longs().between(0, 10_000).map(t -> t * 100).edgeCases(c -> c.includeOnly(0L, 1_000_000L));
    Arbitrary<Long> quantity = Arbitraries.longs().between(1, 500_000).map(c -> c * 10_000);
    Arbitrary<Long> fee = Arbitraries.longs().between(0, 2_000_000);
    Arbitrary<Long> seconds = Arbitraries.longs().between(0, 86_400L * 365);
    Arbitrary<String> pairId = Arbitraries.of("fed-dec", "btc-100k").injectNull(0.5);
    return Combinators.combine(leg, side, price, quantity, fee, seconds, pairId).as((l, s, p, q, f, t, pid) ->
        new Fill(id, l.instrument(), l.outcome(), s, Price.ofMicros(p), Quantity.ofMicros(q), Money.ofMicros(f),
            Instant.parse("2026-01-01T00:00:00Z").plusSeconds(t).plusNanos(t * 1_000L % 1_000_000_000L),
            pid == null ? null : new ClientOrderId("co-" + id), pid));
  }

  /** Up to {@code max} fills with distinct ids. */
  public static Arbitrary<List<Fill>> fills(int max) {
    return Arbitraries.integers().between(0, max).flatMap(n -> {
      List<Arbitrary<Fill>> each = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        each.add(fill("f" + i));
      }
      return Combinators.combine(each).as(list -> list);
    });
  }
}
