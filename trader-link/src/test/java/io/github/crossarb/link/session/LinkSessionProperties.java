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
  enum Step {
    CONTROLLER_SENDS, TRADER_SENDS, DELIVER_TO_TRADER, DELIVER_TO_CONTROLLER, DROP, RECONNECT, TICK,
    /** The trader sees its socket die and redials; the controller has not noticed (half-open). */
    TRADER_REDIALS_HALF_OPEN,
    /** A frame still in flight on the half-open socket reaches the old controller session. */
    DELIVER_TO_OLD_CONTROLLER
  }

  @Provide
  Arbitrary<List<Step>> scripts() {
    return Arbitraries.of(Step.class).list().ofMinSize(1).ofMaxSize(80);
  }

  @Property(tries = 1000)
  void everyMessageArrivesOnceInOrderWhateverHappensToTheConnection(@ForAll("scripts") List<Step> script) {
    SessionPair pair = new SessionPair();
    List<SessionPair.End> oldControllers = new ArrayList<>();
    // each half-open socket has its own frames in flight
    java.util.Map<SessionPair.End, java.util.Deque<String>> inFlightToOld = new java.util.LinkedHashMap<>();
    // like the server: an admitted connection replaces the trader's older one
    pair.admit = (peer, streams) -> {
      for (SessionPair.End old : oldControllers) {
        old.session.close(DisconnectReason.REPLACED, "newer connection");
        old.outbox.clear();
      }
      oldControllers.clear();
      inFlightToOld.clear();
      return null;
    };
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
          oldControllers.forEach(old -> old.session.tick());
          break;
        case TRADER_REDIALS_HALF_OPEN: {
          SessionPair.End old = pair.controller;
          inFlightToOld.put(old, new java.util.ArrayDeque<>(pair.trader.outbox));
          pair.trader.outbox.clear();
          pair.trader.session.connectionLost("half-open");
          old.outbox.clear(); // whatever it says now goes to a dead socket
          oldControllers.add(old);
          pair.reconnect();
          pair.start();
          break;
        }
        case DELIVER_TO_OLD_CONTROLLER:
          for (SessionPair.End old : oldControllers) {
            java.util.Deque<String> queue = inFlightToOld.get(old);
            if (queue != null && !queue.isEmpty()) {
              old.session.onText(queue.removeFirst());
              old.outbox.clear();
              break;
            }
          }
          break;
        default:
          throw new IllegalStateException();
      }
    }
    // finally the network behaves: reconnect, let everything through, let the acks travel
    oldControllers.forEach(old -> old.session.connectionLost("gone"));
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
        || e.contains(DisconnectReason.HEARTBEAT_TIMEOUT.name()) || e.contains(DisconnectReason.REPLACED.name()),
        "only drops, silence and replacement end sessions");
    // every real message was acknowledged; only the very last heartbeat of a side may still wait for one
    assertThat(pair.traderStreams.unacked()).extracting(StreamState.Pending::message)
        .allMatch(m -> m instanceof io.github.crossarb.link.protocol.Heartbeat);
    assertThat(pair.controllerStreamsOfLaptop().unacked()).extracting(StreamState.Pending::message)
        .allMatch(m -> m instanceof io.github.crossarb.link.protocol.Heartbeat);
  }
}
