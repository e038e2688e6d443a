package io.github.crossarb.link.trader;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.link.protocol.LegResult;
import io.github.crossarb.link.protocol.LinkMessage;
import io.github.crossarb.link.protocol.PlaceLeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For any interleaving of deliveries (duplicates and resends of the same legs), venue answers
 * arriving late, and trader restarts on the same journal, the venue sees each command id at most
 * once, and every answer given for a command id after its first final answer is that answer.
 */
class ExactlyOnceProperties {
  /** One step: deliver leg {@code n}, let the venue answer the oldest held submit, or restart the trader. */
  record Step(String kind, int leg) {
    @Override
    public String toString() {
      return kind + (kind.equals("deliver") ? " " + leg : "");
    }
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> deliver = Arbitraries.integers().between(0, 3).map(n -> new Step("deliver", n));
    Arbitrary<Step> answer = Arbitraries.just(new Step("answer", -1));
    Arbitrary<Step> restart = Arbitraries.just(new Step("restart", -1));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, deliver), net.jqwik.api.Tuple.of(3, answer), net.jqwik.api.Tuple.of(1, restart))
        .list().ofMinSize(1).ofMaxSize(25);
  }

  @Property(tries = 60)
  void eachCommandIdReachesTheVenueAtMostOnce(@ForAll("steps") List<Step> steps) throws Exception {
    Path dir = Files.createTempDirectory("exactly-once");
    try (EndpointHarness h = new EndpointHarness(dir)) {
      h.start();
      h.kalshi().mode = RecordingExecutionClient.Mode.HOLD;
      Map<Integer, PlaceLeg> legs = new HashMap<>();
      Map<String, Object> firstAnswer = new HashMap<>();
      for (Step step : steps) {
        switch (step.kind()) {
          case "deliver" -> {
            PlaceLeg leg = legs.computeIfAbsent(step.leg(), n -> h.leg("leg-" + n, "0.10", "1"));
            h.send(leg);
          }
          case "answer" -> {
            RecordingExecutionClient.Held held = h.kalshi().held.poll();
            if (held != null) {
              h.run(held::accept);
            }
          }
          default -> h.restart();
        }
        h.barrier();
        for (LinkMessage m : h.drain()) {
          if (m instanceof LegResult r) {
            Object first = firstAnswer.putIfAbsent(r.commandId(), r.result());
            if (first != null) {
              assertThat(r.result()).as("answers of %s", r.commandId()).isEqualTo(first);
            }
          }
        }
      }
      for (int n = 0; n < 4; n++) {
        assertThat(h.kalshi().submitsOf("leg-" + n)).as("submits of leg-%s after %s", n, steps).isLessThanOrEqualTo(1);
      }
    }
  }
}
