package io.github.crossarb.simulator.exchange;

import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One side of one book: FIFO queues per price, best price first. */
final class PriceLadder {
  final Side side;
  /** Best first: bids descending, asks ascending. */
  final TreeMap<Long, ArrayDeque<WorkingOrder>> levels;
  final TreeMap<Long, Long> totals;

  PriceLadder(Side side) {
    this.side = side;
    Comparator<Long> order = side == Side.BUY ? Comparator.reverseOrder() : Comparator.naturalOrder();
    this.levels = new TreeMap<>(order);
    this.totals = new TreeMap<>(order);
  }

  /** Whether an incoming order on the other side at {@code limit} crosses {@code levelPrice}. */
  boolean crossedBy(long limit, long levelPrice) {
    return side == Side.SELL ? levelPrice <= limit : levelPrice >= limit;
  }

  void add(WorkingOrder order) {
    levels.computeIfAbsent(order.price, p -> new ArrayDeque<>()).addLast(order);
    totals.merge(order.price, order.remaining, Long::sum);
  }

  /** Keeps priority; the order's remaining must already be reduced by {@code by}. */
  void reduce(WorkingOrder order, long by) {
    long left = totals.merge(order.price, -by, Long::sum);
    if (order.remaining == 0) {
      ArrayDeque<WorkingOrder> queue = levels.get(order.price);
      queue.remove(order);
      if (queue.isEmpty()) {
        levels.remove(order.price);
      }
    }
    if (left == 0) {
      totals.remove(order.price);
    }
  }

  /** Removes an order with whatever it still has resting. */
  void remove(WorkingOrder order) {
    ArrayDeque<WorkingOrder> queue = levels.get(order.price);
    if (queue == null || !queue.remove(order)) {
      return;
    }
    if (queue.isEmpty()) {
      levels.remove(order.price);
    }
    long left = totals.merge(order.price, -order.remaining, Long::sum);
    if (left == 0) {
      totals.remove(order.price);
    }
  }

  long totalAt(long price) {
    return totals.getOrDefault(price, 0L);
  }

  Map.Entry<Long, ArrayDeque<WorkingOrder>> best() {
    return levels.firstEntry();
  }

  Iterator<WorkingOrder> inPriority() {
    List<WorkingOrder> all = new ArrayList<>();
    for (ArrayDeque<WorkingOrder> queue : levels.values()) {
      all.addAll(queue);
    }
    return all.iterator();
  }

  List<LevelView> view() {
    List<LevelView> out = new ArrayList<>(totals.size());
    totals.forEach((p, q) -> out.add(new LevelView(Price.ofMicros(p), Quantity.ofMicros(q))));
    return out;
  }
}
