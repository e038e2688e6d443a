package io.github.crossarb.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.core.pair.PairEntry;
import io.github.crossarb.core.pair.PairFingerprint;
import io.github.crossarb.core.pair.PairRegistry;
import io.github.crossarb.core.pair.PairRelation;
import io.github.crossarb.core.pair.PolymarketMarket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** pairs.json keeps every registry exactly, whatever the texts (quotes, unicode) and instants. */
class PairsFileProperties {
  @Provide
  Arbitrary<PairEntry> entries() {
    Arbitrary<String> text = Arbitraries.strings().withChars("abcXYZ019 -_:\"\\é€中".toCharArray())
        .ofMinLength(1).ofMaxLength(20).filter(s -> !s.isBlank());
    Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdef".toCharArray()).ofLength(64);
    Arbitrary<Instant> instants = Arbitraries.longs().between(0, 4_000_000_000L)
        .flatMap(seconds -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(seconds, n)));
    Arbitrary<PairFingerprint> prints = Combinators.combine(hex, instants.injectNull(0.3), hex, instants.injectNull(0.3))
        .as(PairFingerprint::new);
    return Combinators.combine(Arbitraries.of(PairRelation.class), text.injectNull(0.5), text, instants, prints)
        .as((relation, reason, by, at, print) -> {
          PairEntry entry = PairEntry.approve("x", "K", new PolymarketMarket("0x", "1", "2"), relation, by, at, print);
          return reason == null ? entry : entry.suspend(reason);
        });
  }

  @Property(tries = 200)
  void everyRegistryRoundTrips(@ForAll("lists") List<PairEntry> drafts) throws Exception {
    List<PairEntry> unique = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      PairEntry d = drafts.get(i);
      // Distinct ids and markets, as a registry requires.
      PairEntry e = new PairEntry("pair-" + i, "KX-" + i, new PolymarketMarket("0x" + i, i + "1", i + "2"),
          d.relation(), d.status(), d.statusReason(), d.approvedBy(), d.approvedAt(), d.fingerprint());
      unique.add(e);
    }
    PairRegistry registry = PairRegistry.of(unique);
    String text = PairsFile.document(registry);
    ObjectNode parsed = (ObjectNode) StoreFiles.MAPPER.readTree(text);
    assertThat(PairsFile.parse(Path.of("pairs.json"), parsed)).isEqualTo(registry);
  }

  @Provide
  Arbitrary<List<PairEntry>> lists() {
    return entries().list().ofMaxSize(6);
  }
}
