package io.github.crossarb.simulator.fault;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One venue's armed faults. Servers ask {@link #take} at each occasion (a request, an outgoing
 * stream message); tests arm faults with {@link #add}. Chances are rolled with a generator seeded
 * from the scenario, so a scripted run is reproducible. Thread-safe.
 */
public final class FaultInjector {
  private final SplittableRandom random;
  private final List<Armed> armed = new ArrayList<>();

  private static final class Armed {
    final FaultRule rule;
    int skipLeft;
    int timesLeft;

    Armed(FaultRule rule) {
      this.rule = rule;
      this.skipLeft = rule.skip();
      this.timesLeft = rule.times();
    }
  }

  public FaultInjector(long seed, List<FaultRule> rules) {
    this.random = new SplittableRandom(seed);
    rules.forEach(this::add);
  }

  /** An injector with no faults. */
  public static FaultInjector none() {
    return new FaultInjector(0, List.of());
  }

  /** Arms a rule (scheduled rules, with {@code atStep >= 0}, are only listed by {@link #scheduled}). */
  public synchronized void add(FaultRule rule) {
    armed.add(new Armed(rule));
  }

  /** Disarms everything. */
  public synchronized void clear() {
    armed.clear();
  }

  /** Disarms every rule of {@code kind}. */
  public synchronized void clear(String kind) {
    armed.removeIf(a -> a.rule.kind().equals(kind));
  }

  /**
   * The first armed rule of {@code kind} that matches {@code subject} and fires on this occasion,
   * counting it down; empty if none fires.
   */
  public synchronized Optional<FaultRule> take(String kind, String subject) {
    for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
      Armed a = it.next();
      if (a.rule.atStep() >= 0 || !a.rule.kind().equals(kind) || !a.rule.matches(subject)) {
        continue;
      }
      if (a.skipLeft > 0) {
        a.skipLeft--;
        continue;
      }
      if (a.rule.chancePermille() < 1000 && random.nextInt(1000) >= a.rule.chancePermille()) {
        continue;
      }
      if (a.timesLeft > 0 && --a.timesLeft == 0) {
        it.remove();
      }
      return Optional.of(a.rule);
    }
    return Optional.empty();
  }

  /** Scheduled rules due at {@code step}, removed once returned. */
  public synchronized List<FaultRule> scheduled(long step) {
    List<FaultRule> due = new ArrayList<>();
    for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
      Armed a = it.next();
      if (a.rule.atStep() >= 0 && a.rule.atStep() <= step) {
        due.add(a.rule);
        it.remove();
      }
    }
    return due;
  }

  /** How many rules are armed (for tests and status output). */
  public synchronized int armedCount() {
    return armed.size();
  }
}
