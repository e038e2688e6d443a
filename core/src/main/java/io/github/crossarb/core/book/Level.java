package io.github.crossarb.core.book;

import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import java.util.Objects;

/** One price level: the total size resting at a price. */
public record Level(Price price, Quantity size) {
  public Level {
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(size, "size");
  }

  public static Level of(String price, String size) {
    return new Level(Price.parse(price), Quantity.parse(size));
  }
}
