package io.github.crossarb.core.book;

/** The two sides of a book: bids (buyers) and asks (sellers). */
public enum BookSide {
  BID,
  ASK;

  public BookSide opposite() {
    return this == BID ? ASK : BID;
  }
}
