package io.github.crossarb.link.protocol;

/** The versions of the link protocol this build speaks. */
public final class ProtocolVersion {
  /** The only version so far. A change to any message's wire form needs a new one. */
  public static final int V1 = 1;

  public static final int MIN_SUPPORTED = V1;
  public static final int MAX_SUPPORTED = V1;

  private ProtocolVersion() {}
}
