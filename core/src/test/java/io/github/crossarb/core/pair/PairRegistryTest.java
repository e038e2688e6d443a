package io.github.crossarb.core.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairRegistryTest {
  static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");
  static final PairFingerprint PRINT = new PairFingerprint("a".repeat(64), T0, "b".repeat(64), null);
  static final PairFingerprint OTHER_PRINT = new PairFingerprint("c".repeat(64), T0, "b".repeat(64), null);

  static PairEntry entry(String id, String ticker, String condition) {
    return PairEntry.approve(id, ticker, new PolymarketMarket(condition, condition + "1", condition + "2"),
        PairRelation.SAME, "alice", T0, PRINT);
  }

  @Test
  void approveAddsAtTheEndAndOnlyApprovedPairsAreApproved() {
    PairRegistry registry = PairRegistry.empty()
        .approve(entry("fed", "KXFED", "0xf"))
        .approve(entry("btc", "KXBTC", "0xb"))
        .suspend("fed", "rules changed");
    assertThat(registry.entries()).extracting(PairEntry::id).containsExactly("fed", "btc");
    assertThat(registry.approved()).extracting(PairEntry::id).containsExactly("btc");
    assertThat(registry.require("fed").statusReason()).isEqualTo("rules changed");
    assertThat(registry.findByKalshiTicker("KXBTC")).map(PairEntry::id).contains("btc");
    assertThat(registry.findByPolymarketCondition("0XF")).map(PairEntry::id).contains("fed");
    assertThat(registry.find("nope")).isEmpty();
  }

  @Test
  void reapprovingASuspendedPairRecordsTheNewFingerprintInPlace() {
    PairRegistry registry = PairRegistry.empty().approve(entry("fed", "KXFED", "0xf"))
        .approve(entry("btc", "KXBTC", "0xb")).suspend("fed", "Kalshi rules text changed");
    PairRegistry again = registry.reapprove("fed", "bob", T0.plusSeconds(60), OTHER_PRINT);
    PairEntry fed = again.require("fed");
    assertThat(fed.isApproved()).isTrue();
    assertThat(fed.statusReason()).isNull();
    assertThat(fed.approvedBy()).isEqualTo("bob");
    assertThat(fed.fingerprint()).isEqualTo(OTHER_PRINT);
    assertThat(again.entries()).extracting(PairEntry::id).containsExactly("fed", "btc");
    // approve() of the same id and markets is the same re-approval
    assertThat(registry.approve(entry("fed", "KXFED", "0xf")).require("fed").isApproved()).isTrue();
    assertThat(registry.require("fed").isApproved()).as("registries are immutable").isFalse();
  }

  @Test
  void anIdOrAMarketIsNeverInTwoPairs() {
    PairRegistry registry = PairRegistry.empty().approve(entry("fed", "KXFED", "0xf"));
    assertThatThrownBy(() -> registry.approve(entry("fed", "KXOTHER", "0xf")))
        .hasMessageContaining("already pairs KXFED").hasMessageContaining("remove it first");
    assertThatThrownBy(() -> registry.approve(entry("fed2", "KXFED", "0xz")))
        .hasMessageContaining("Kalshi market KXFED is in two pairs");
    assertThatThrownBy(() -> registry.approve(entry("fed2", "KXZ", "0xF")))
        .hasMessageContaining("Polymarket market 0xF is in two pairs");
    PairEntry sharesAToken = PairEntry.approve("x", "KXZ", new PolymarketMarket("0xq", "0xf2", "0xq2"),
        PairRelation.SAME, "a", T0, PRINT);
    assertThatThrownBy(() -> registry.approve(sharesAToken)).hasMessageContaining("in two pairs");
    assertThatThrownBy(() -> PairRegistry.of(List.of(entry("a", "K1", "0x1"), entry("a", "K2", "0x2"))))
        .hasMessageContaining("pair id a appears twice");
  }

  @Test
  void idsAreShortWordsAndOperationsNameAMissingPair() {
    assertThatThrownBy(() -> PairRegistry.empty().approve(entry("has space", "K", "0x1")))
        .hasMessageContaining("pair id must be");
    assertThatThrownBy(() -> PairRegistry.of(List.of(entry("-x", "K", "0x1")))).hasMessageContaining("pair id must be");
    assertThatThrownBy(() -> PairRegistry.empty().remove("fed")).hasMessage("no pair fed");
    assertThatThrownBy(() -> PairRegistry.empty().suspend("fed", "why")).hasMessage("no pair fed");
    PairRegistry one = PairRegistry.empty().approve(entry("fed", "KXFED", "0xf"));
    assertThatThrownBy(() -> one.suspend("fed", " ")).hasMessage("a suspension needs a reason");
    assertThatThrownBy(() -> one.approve(entry("x", "K", "0x1").suspend("no"))).hasMessageContaining("only an approved");
  }

  @Test
  void removeDropsThePair() {
    PairRegistry registry = PairRegistry.empty().approve(entry("fed", "KXFED", "0xf")).approve(entry("btc", "KXBTC", "0xb"));
    assertThat(registry.remove("fed").entries()).extracting(PairEntry::id).containsExactly("btc");
    assertThat(registry.remove("fed").remove("btc").isEmpty()).isTrue();
    assertThat(registry.remove("fed").approve(entry("fed", "KXOTHER", "0xo")).size()).isEqualTo(2);
  }
}
