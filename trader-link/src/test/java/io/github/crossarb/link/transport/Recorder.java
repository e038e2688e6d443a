package io.github.crossarb.link.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.link.LinkHandler;
import io.github.crossarb.link.LinkPeer;
import io.github.crossarb.link.protocol.DisconnectReason;
import io.github.crossarb.link.protocol.LinkMessage;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link LinkHandler} that records what it hears, for tests to wait on (always with a timeout). */
final class Recorder implements LinkHandler {
  static final long WAIT_SECONDS = 10;

  final BlockingQueue<String> events = new LinkedBlockingQueue<>();
  final List<LinkMessage> messages = new CopyOnWriteArrayList<>();
  final List<String> all = new CopyOnWriteArrayList<>();

  @Override
  public void onConnected(LinkPeer peer) {
    record("connected " + peer.traderId());
  }

  @Override
  public void onMessage(LinkMessage message) {
    messages.add(message);
    record("message");
  }

  @Override
  public void onDisconnected(DisconnectReason reason, String detail) {
    record("disconnected " + reason + " " + detail);
  }

  private void record(String event) {
    all.add(event);
    events.add(event);
  }

  /** Waits for the next event starting with {@code prefix}, skipping others; fails after the timeout. */
  String await(String prefix) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (true) {
      long left = deadline - System.nanoTime();
      String event = events.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
      assertThat(event).as("waiting for an event starting with \"" + prefix + "\"; seen " + all).isNotNull();
      if (event.startsWith(prefix)) {
        return event;
      }
    }
  }

  /** Waits until {@code n} messages arrived. */
  void awaitMessages(int n) throws InterruptedException {
    while (messages.size() < n) {
      await("message");
    }
  }
}
