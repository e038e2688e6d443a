package io.github.crossarb.core.model;

/** The two outcomes of a binary contract. */
public enum Outcome {
  YES,
  NO;

  public Outcome opposite() {
    return this == YES ? NO : YES;
  }
}
