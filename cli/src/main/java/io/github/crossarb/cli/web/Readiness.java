package io.github.crossarb.cli.web;

import io.github.crossarb.core.engine.EngineMode;
import io.github.crossarb.core.engine.EngineSnapshot;
import io.github.crossarb.core.engine.EngineSnapshot.FeedHealth;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.link.controller.LinkStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the controller is ready to trade, condition by condition: every feed trusted and
 * connected, the last reconciliation passed (paper and live; dry-run never reconciles), the trader
 * link up for every venue executed remotely, and the kill switch off.
 */
record Readiness(boolean ready, List<Check> checks) {
  /** One condition, with a line on why it holds or not. */
  record Check(String name, boolean ok, String detail) {}

  Readiness {
    checks = List.copyOf(checks);
  }

  static Readiness of(EngineSnapshot snapshot, Optional<LinkStatus> link) {
    List<Check> checks = new ArrayList<>();
    checks.add(feeds(snapshot));
    checks.add(reconciliation(snapshot));
    checks.add(link(link));
    checks.add(snapshot.kill().engaged()
        ? new Check("kill switch", false, "engaged: " + snapshot.kill().reason())
        : new Check("kill switch", true, "off"));
    return new Readiness(checks.stream().allMatch(Check::ok), checks);
  }

  private static Check feeds(EngineSnapshot snapshot) {
    if (snapshot.feeds().isEmpty()) {
      return new Check("feeds", false, "no feed yet");
    }
    List<String> problems = new ArrayList<>();
    for (FeedHealth feed : snapshot.feeds()) {
      String venue = feed.venue().name().toLowerCase(Locale.ROOT);
      if (!feed.connected()) {
        problems.add(venue + " not connected");
      } else if (feed.untrusted() > 0) {
        problems.add(venue + " " + feed.untrusted() + " book(s) untrusted");
      } else if (feed.trusted() == 0) {
        problems.add(venue + " no trusted book");
      }
    }
    return problems.isEmpty() ? new Check("feeds", true, "all books trusted")
        : new Check("feeds", false, String.join("; ", problems));
  }

  private static Check reconciliation(EngineSnapshot snapshot) {
    if (snapshot.mode() == EngineMode.DRY_RUN) {
      return new Check("reconciliation", true, "not needed in dry-run");
    }
    EngineSnapshot.Reconciliation last = snapshot.lastReconciliation();
    if (last == null) {
      return new Check("reconciliation", false, "none yet");
    }
    return last.passed() ? new Check("reconciliation", true, "passed at " + last.time())
        : new Check("reconciliation", false, "failed at " + last.time() + ": " + String.join("; ", last.drifts()));
  }

  private static Check link(Optional<LinkStatus> link) {
    if (link.isEmpty()) {
      return new Check("trader link", true, "not needed (every venue executes locally)");
    }
    List<String> missing = new ArrayList<>();
    for (VenueId venue : link.get().remoteVenues()) {
      boolean served = link.get().traders().stream().anyMatch(t -> t.connected() && t.venues().contains(venue));
      if (!served) {
        missing.add(venue.name().toLowerCase(Locale.ROOT));
      }
    }
    return missing.isEmpty() ? new Check("trader link", true, "a connected trader serves every remote venue")
        : new Check("trader link", false, "no connected trader for " + String.join(", ", missing));
  }
}
