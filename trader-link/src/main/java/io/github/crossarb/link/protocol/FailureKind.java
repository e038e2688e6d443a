package io.github.crossarb.link.protocol;

/**
 * Why a command failed at the trader, mirroring core's venue exceptions so the controller raises
 * the same one a local venue client would.
 */
public enum FailureKind {
  /** The venue could not be reached, timed out or answered 5xx: {@code VenueUnavailableException}. */
  UNAVAILABLE,
  /** The venue said no: {@code VenueRejectedException}. */
  REJECTED,
  /** The venue refused the trader's credentials: {@code VenueAuthException}. */
  AUTH,
  /** The venue answered something the client could not read: {@code VenueProtocolException}. */
  PROTOCOL,
  /** The trader is not set up for this (venue not configured, bad credentials): {@code VenueConfigException}. */
  CONFIG,
  /** The trader refused the command itself (limits, dead-man's switch, deadline passed). */
  REFUSED
}
