package io.github.crossarb.simulator.exchange;

import java.util.List;

/** What a submit (or an amend) did: the order after matching and the fills it took as taker. */
public record SubmitOutcome(OrderView order, List<FillView> fills) {
  public SubmitOutcome {
    fills = List.copyOf(fills);
  }
}
