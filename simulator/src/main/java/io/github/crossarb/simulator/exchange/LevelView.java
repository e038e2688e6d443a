package io.github.crossarb.simulator.exchange;

import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;

/** The total resting quantity at one price. */
public record LevelView(Price price, Quantity quantity) {}
