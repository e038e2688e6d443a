package io.github.crossarb.cli.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Browser sessions: a random id (never the token) per login, valid for a fixed time from the
 * login. Kept in memory only (a restart logs everyone out); at most {@code capacity}, the oldest
 * dropped first. Thread-safe.
 */
final class Sessions {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Clock clock;
  private final Duration ttl;
  private final int capacity;
  private final LinkedHashMap<String, Instant> expiries = new LinkedHashMap<>();

  Sessions(Clock clock, Duration ttl, int capacity) {
    if (ttl.isNegative() || ttl.isZero() || capacity < 1) {
      throw new IllegalArgumentException("sessions need a positive lifetime and capacity");
    }
    this.clock = clock;
    this.ttl = ttl;
    this.capacity = capacity;
  }

  /** A new session; returns its id. */
  synchronized String create() {
    dropExpired();
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String id = HexFormat.of().formatHex(bytes);
    expiries.put(id, clock.instant().plus(ttl));
    while (expiries.size() > capacity) {
      Iterator<String> oldest = expiries.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    return id;
  }

  /** When session {@code id} expires, or empty when it is unknown or expired. */
  synchronized Optional<Instant> expiry(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Instant expiry = expiries.get(id);
    if (expiry == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(expiry)) {
      expiries.remove(id);
      return Optional.empty();
    }
    return Optional.of(expiry);
  }

  synchronized void remove(String id) {
    if (id != null) {
      expiries.remove(id);
    }
  }

  synchronized int size() {
    dropExpired();
    return expiries.size();
  }

  Duration ttl() {
    return ttl;
  }

  private void dropExpired() {
    Instant now = clock.instant();
    expiries.entrySet().removeIf((Map.Entry<String, Instant> e) -> !now.isBefore(e.getValue()));
  }
}
