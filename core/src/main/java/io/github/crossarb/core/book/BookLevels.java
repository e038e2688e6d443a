package io.github.crossarb.core.book;

/**
 * A read-only, allocation-free view of one side of a book for one outcome, best level first.
 * Valid until the book is next updated; read it on the thread that owns the book.
 */
public interface BookLevels {
  /** Number of levels. */
  int depth();

  /** Price of level {@code i} (0 = best), in micros of the viewed outcome's price. */
  long priceMicros(int i);

  /** Size at level {@code i}, in micros; always positive. */
  long sizeMicros(int i);

  default boolean isEmpty() {
    return depth() == 0;
  }
}
