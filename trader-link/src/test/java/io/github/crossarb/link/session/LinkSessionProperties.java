package io.github.crossarb.link.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.link.protocol.DisconnectReason;
import io.github.crossarb.link.protocol.FetchAccount;
import io.github.crossarb.link.protocol.LegAck;
import io.github.crossarb.link.protocol.LinkMessage;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the interleaving of sends, partial deliveries, dropped connections and reconnects, each
 * side hands over every message the other sent, in order, exactly once, and no session ends for
 * any reason but the drops and silences themselves.
 */
class LinkSessionProperties {
  enum Step { CONTROLLER_SENDS, TRADER_SENDS, DELIVER_TO_TRADER, DELIVER_TO_CONTROLLER, DROP, RECONNECT, TICK }

  @Provide
  Arbitrary<List<Step>> scripts() {
    return Arbitraries.of(Step.class).list().ofMinSize(1).ofMaxSize(80);
  }

  @Property(tries = 1000)
  void everyMessageArrivesOnceInOrderWhateverHappensToTheConnection(@ForAll("scripts") List<Step> script) {
    SessionPair pair = new SessionPair();
    pair.connect();
    List<LinkMessage> fromController = new ArrayList<>();
    List<LinkMessage> fromTrader = new ArrayList<>();
    int n = 0;
    for (Step step : script) {
      switch (step) {
        case CONTROLLER_SENDS: {
          LinkMessage m = new FetchAccount("c" + n++, VenueId.KALSHI);
          fromController.add(m);
          if (pair.controller.session.established()) {
            pair.controller.session.send(m);
          } else {
            pair.controllerStreamsOfLaptop().enqueue(m); // what the channel does while down
          }
          break;
        }
        case TRADER_SENDS: {
          LinkMessage m = new LegAck("t" + n++);
          fromTrader.add(m);
          if (pair.trader.session.established()) {
            pair.trader.session.send(m);
          } else {
            pair.traderStreams.enqueue(m);
          }
          break;
        }
        case DELIVER_TO_TRADER:
          if (!pair.controller.outbox.isEmpty()) {
            pair.trader.session.onText(pair.controller.take());
          }
          break;
        case DELIVER_TO_CONTROLLER:
          if (!pair.trader.outbox.isEmpty()) {
            pair.controller.session.onText(pair.trader.take());
          }
          break;
        case DROP:
          pair.drop();
          break;
        case RECONNECT:
          pair.drop();
          pair.reconnect();
          pair.start();
          break;
        case TICK:
          pair.clock.advance(SessionPair.HEARTBEAT);
          pair.trader.session.tick();
          pair.controller.session.tick();
          break;
        default:
          throw new IllegalStateException();
      }
    }
    // finally the network behaves: reconnect, let everything through, let the acks travel
    pair.drop();
    pair.reconnect();
    pair.connect();
    for (int i = 0; i < 2; i++) {
      pair.clock.advance(SessionPair.HEARTBEAT);
      pair.trader.session.tick();
      pair.controller.session.tick();
      pair.pump();
    }
    assertThat(pair.deliveredToTrader).containsExactlyElementsOf(fromController);
    assertThat(pair.deliveredToController).containsExactlyElementsOf(fromTrader);
    // sessions end only because the network dropped or went silent, never for a protocol or MAC error
    assertThat(pair.endings).allMatch(e -> e.contains(DisconnectReason.CONNECTION_LOST.name())
        || e.contains(DisconnectReason.HEARTBEAT_TIMEOUT.name()), "only drops and silence end sessions");
    // every real message was acknowledged; only the very last heartbeat of a side may still wait for one
    assertThat(pair.traderStreams.unacked()).extracting(StreamState.Pending::message)
        .allMatch(m -> m instanceof io.github.crossarb.link.protocol.Heartbeat);
    assertThat(pair.controllerStreamsOfLaptop().unacked()).extracting(StreamState.Pending::message)
        .allMatch(m -> m instanceof io.github.crossarb.link.protocol.Heartbeat);
  }
}
