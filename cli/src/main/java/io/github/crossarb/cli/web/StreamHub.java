package io.github.crossarb.cli.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.cli.daemon.ControlJson;
import io.github.crossarb.cli.daemon.EventBuffer;
import io.github.crossarb.core.engine.EngineSnapshot;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard's live streams (Server-Sent Events). Each client gets the engine's snapshot at
 * once, then a {@code snapshot} event whenever the published snapshot changed (looked at every
 * {@code interval}, so at most one per interval however busy the engine is, and none while the
 * client's socket is still full), {@code event} events for the engine events since, and a comment
 * every {@code heartbeat}. A client that goes away has its timers cancelled at once; at most
 * {@code max} clients at a time.
 */
final class StreamHub {
  private static final int EVENTS_PER_TICK = 200;

  private final Vertx vertx;
  private final WebTarget target;
  private final int max;
  private final Duration interval;
  private final Duration heartbeat;
  private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
  private volatile Runnable onClose = () -> { };
  /** The last snapshot written and its JSON: every stream sends the same one, serialised once. */
  private Serialized last = new Serialized(null, null);

  private record Serialized(EngineSnapshot snapshot, String json) {}

  StreamHub(Vertx vertx, WebTarget target, int max, Duration interval, Duration heartbeat) {
    this.vertx = vertx;
    this.target = target;
    this.max = max;
    this.interval = interval;
    this.heartbeat = heartbeat;
  }

  int open() {
    return streams.size();
  }

  /** Runs {@code listener} after each stream is closed and forgotten (tests wait on it). */
  void onClose(Runnable listener) {
    this.onClose = listener;
  }

  void open(HttpServerRequest request, HttpServerResponse response) {
    if (streams.size() >= max) {
      response.setStatusCode(503).putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
          .end("{\"error\":\"too many live streams (" + max + "); close a dashboard tab\"}");
      return;
    }
    Stream stream = new Stream(response, target.events().last());
    streams.add(stream);
    response.setStatusCode(200).setChunked(true)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .putHeader("X-Accel-Buffering", "no");
    response.closeHandler(ignored -> stream.close());
    response.exceptionHandler(ignored -> stream.close());
    request.connection().closeHandler(ignored -> stream.close());
    response.write("retry: 2000\n\n");
    target.snapshot().onComplete(ar -> {
      EngineSnapshot first = ar.succeeded() ? ar.result() : target.published();
      stream.send(first);
      stream.start();
    });
  }

  private synchronized String json(EngineSnapshot snapshot) {
    if (last.snapshot() != snapshot) {
      last = new Serialized(snapshot, ControlJson.write(snapshot));
    }
    return last.json();
  }

  void closeAll() {
    for (Stream stream : streams) {
      stream.close();
      try {
        stream.response.end();
      } catch (IllegalStateException e) {
        // Already closed.
      }
    }
  }

  private final class Stream {
    final HttpServerResponse response;
    long lastEvent;
    EngineSnapshot lastSent;
    long tick = -1;
    long beat = -1;
    boolean closed;

    Stream(HttpServerResponse response, long lastEvent) {
      this.response = response;
      this.lastEvent = lastEvent;
    }

    synchronized void start() {
      if (closed) {
        return;
      }
      tick = vertx.setPeriodic(interval.toMillis(), id -> poll());
      beat = vertx.setPeriodic(heartbeat.toMillis(), id -> write(": heartbeat\n\n"));
    }

    void poll() {
      EventBuffer.Page page = target.events().since(lastEvent, EVENTS_PER_TICK);
      for (EventBuffer.Entry entry : page.events()) {
        ObjectNode json = ControlJson.MAPPER.createObjectNode();
        json.put("seq", entry.seq());
        json.put("time", entry.time().toString());
        json.put("text", entry.text());
        write("event: event\nid: " + entry.seq() + "\ndata: " + ControlJson.write(json) + "\n\n");
      }
      lastEvent = page.next();
      EngineSnapshot now = target.published();
      if (now != lastSent && !response.writeQueueFull()) {
        send(now);
      }
    }

    void send(EngineSnapshot snapshot) {
      if (snapshot == null) {
        return;
      }
      lastSent = snapshot;
      write("event: snapshot\ndata: " + json(snapshot) + "\n\n");
    }

    void write(String text) {
      if (closed || response.closed() || response.ended()) {
        close();
        return;
      }
      response.write(text);
    }

    synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      if (tick >= 0) {
        vertx.cancelTimer(tick);
      }
      if (beat >= 0) {
        vertx.cancelTimer(beat);
      }
      streams.remove(this);
      onClose.run();
    }
  }
}
