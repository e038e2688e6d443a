package io.github.crossarb.link.session;

import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.core.venue.VenueCapabilities;
import io.github.crossarb.link.LinkPeer;
import io.github.crossarb.link.LinkSecret;
import io.github.crossarb.link.protocol.Bye;
import io.github.crossarb.link.protocol.DisconnectReason;
import io.github.crossarb.link.protocol.LinkMessage;
import io.github.crossarb.link.protocol.TraderLimits;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A trader session and a controller session joined by two hand-driven wires: the test decides
 * which text is delivered, dropped, replayed, reordered or tampered. The streams outlive the
 * sessions, like the channels' do; {@link #reconnect()} makes a new pair of sessions on them.
 */
final class SessionPair {
  static final String SECRET_TEXT = "correct horse battery staple, 32+ chars!";
  static final LinkSecret SECRET = LinkSecret.of(SECRET_TEXT);
  static final Duration HEARTBEAT = Duration.ofSeconds(1);
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  static final TraderIdentity LAPTOP = new TraderIdentity("laptop",
      Map.of(VenueId.KALSHI, new VenueCapabilities(Set.of(TimeInForce.IOC), false, false, false, false)),
      new TraderLimits(Money.parse("50"), Money.parse("500"), List.of("*")));

  final FakeClock clock = new FakeClock(Instant.parse("2026-11-27T09:00:00Z"));
  final SecureRandom random = new SecureRandom();
  StreamState traderStreams = StreamState.fresh(random);
  final Map<String, StreamState> controllerStreams = new HashMap<>();
  SessionSettings traderSettings = new SessionSettings(SECRET, HEARTBEAT, TIMEOUT);
  SessionSettings controllerSettings = new SessionSettings(SECRET, HEARTBEAT, TIMEOUT);
  BiFunction<LinkPeer, StreamState, Bye> admit = (peer, streams) -> null;
  /** Every text either side ever wrote. */
  final List<String> everything = new ArrayList<>();
  /** What each side was handed over, across all its sessions. */
  final List<LinkMessage> deliveredToTrader = new ArrayList<>();
  final List<LinkMessage> deliveredToController = new ArrayList<>();
  /** Every way a session ended, as "side REASON detail". */
  final List<String> endings = new ArrayList<>();

  End trader;
  End controller;

  final class End implements SessionOutput {
    final String name;
    LinkSession session;
    final Deque<String> outbox = new ArrayDeque<>();
    final List<LinkMessage> delivered = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    LinkPeer peer;
    /** Runs inside {@link #established}, like a channel owner's {@code onConnected}. */
    Runnable onEstablished = () -> {};
    DisconnectReason closedReason;
    Boolean closedByPeer;

    End(String name) {
      this.name = name;
    }

    @Override
    public void send(String text) {
      outbox.add(text);
      everything.add(text);
    }

    @Override
    public void established(LinkPeer p) {
      peer = p;
      events.add("established");
      onEstablished.run();
    }

    @Override
    public void deliver(LinkMessage message) {
      delivered.add(message);
      (name.equals("trader") ? deliveredToTrader : deliveredToController).add(message);
    }

    @Override
    public void closed(DisconnectReason reason, String detail, boolean byPeer) {
      closedReason = reason;
      closedByPeer = byPeer;
      endings.add(name + " " + reason + " " + detail);
      events.add("closed " + reason + " " + detail);
    }

    String take() {
      return outbox.removeFirst();
    }
  }

  SessionPair() {
    reconnect();
  }

  /** New sessions on the same streams (a reconnect); nothing started yet. */
  void reconnect() {
    trader = new End("trader");
    controller = new End("controller");
    trader.session = LinkSession.trader(traderSettings, LAPTOP, traderStreams, trader, clock, random);
    controller.session = LinkSession.controller(controllerSettings, new Admission() {
      @Override
      public StreamState streamsFor(String traderId) {
        return controllerStreams.getOrDefault(traderId, StreamState.fresh(random));
      }

      @Override
      public Bye admit(LinkPeer peer, StreamState streams) {
        Bye refusal = admit.apply(peer, streams);
        if (refusal == null) {
          controllerStreams.put(peer.traderId(), streams);
        }
        return refusal;
      }
    }, controller, clock, random);
  }

  void start() {
    controller.session.start();
    trader.session.start();
  }

  /** Delivers everything both ways until both wires are empty. */
  void pump() {
    while (!trader.outbox.isEmpty() || !controller.outbox.isEmpty()) {
      while (!trader.outbox.isEmpty()) {
        controller.session.onText(trader.take());
      }
      while (!controller.outbox.isEmpty()) {
        trader.session.onText(controller.take());
      }
    }
  }

  void connect() {
    start();
    pump();
  }

  /** Both sides see the socket drop; whatever is on the wires is lost. */
  void drop() {
    trader.outbox.clear();
    controller.outbox.clear();
    trader.session.connectionLost("test drop");
    controller.session.connectionLost("test drop");
  }

  StreamState controllerStreamsOfLaptop() {
    return controllerStreams.get("laptop");
  }
}
