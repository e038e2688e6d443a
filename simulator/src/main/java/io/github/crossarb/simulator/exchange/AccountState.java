package io.github.crossarb.simulator.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The engine's mutable account; only {@link Exchange} touches it, under its lock. */
final class AccountState {
  final String id;
  /** Market makers are not limited by cash or inventory. */
  final boolean unlimited;
  long cash;
  final Map<String, MarketPosition> positions = new LinkedHashMap<>();
  final List<FillView> fills = new ArrayList<>();
  final Map<String, String> clientOrderIds = new LinkedHashMap<>();

  AccountState(String id, long cash, boolean unlimited) {
    this.id = id;
    this.cash = cash;
    this.unlimited = unlimited;
  }

  MarketPosition position(String market) {
    return positions.computeIfAbsent(market, m -> new MarketPosition());
  }

  static final class MarketPosition {
    long position;
    long exposure;
    long realized;
    long fees;
    long traded;
  }
}
