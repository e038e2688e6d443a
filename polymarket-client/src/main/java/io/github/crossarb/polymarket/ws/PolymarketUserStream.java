package io.github.crossarb.polymarket.ws;

import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.position.Fill;
import io.github.crossarb.core.position.FillVoid;
import io.github.crossarb.core.venue.ExecutionListener;
import io.github.crossarb.core.venue.VenueException;
import io.github.crossarb.polymarket.PolymarketConfig;
import io.github.crossarb.polymarket.auth.ApiCredentials;
import io.github.crossarb.polymarket.clob.PolymarketTrade;
import io.github.crossarb.polymarket.clob.TradeStatus;
import io.github.crossarb.polymarket.internal.Json;
import io.github.crossarb.polymarket.internal.PolymarketExecution;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The user channel: our orders and trades. A trade is reported as a fill when first seen in any
 * live status (MATCHED, MINED, CONFIRMED, RETRYING) — it is provisional until CONFIRMED, which is
 * reported once per fill ({@link ExecutionListener#onFillConfirmed}, always after its
 * {@link ExecutionListener#onFill}) — and voided ({@link ExecutionListener#onFillVoid}) when it ends
 * FAILED. Fill ids are trade id plus our order hash, so one trade filling several of our orders gives
 * several fills, each reported once.
 */
public final class PolymarketUserStream {
  private static final Logger LOG = Logger.getLogger(PolymarketUserStream.class.getName());

  private final PolymarketConfig config;
  private final ApiCredentials credentials;
  private final PolymarketExecution execution;
  private final ExecutionListener listener;
  private final WsConnection connection;
  private final Set<String> reported = new HashSet<>();
  private final Set<String> voided = new HashSet<>();
  private final Set<String> confirmed = new HashSet<>();
  private boolean lost;
  private long malformedFrames;

  public PolymarketUserStream(Vertx vertx, PolymarketConfig config, ApiCredentials credentials,
      PolymarketExecution execution, ExecutionListener listener) {
    this.config = config;
    this.credentials = credentials;
    this.execution = execution;
    this.listener = listener;
    this.connection = new WsConnection(vertx, config, config.wsUrl() + "/user", new Handler());
  }

  public Future<Void> start() {
    return connection.start();
  }

  public long malformedFrames() {
    return malformedFrames;
  }

  public void close() {
    connection.close();
  }

  /** The subscription: the raw secret goes in, as the venue requires; never logged. */
  String authMessage() {
    var node = Json.MAPPER.createObjectNode();
    node.putObject("auth").put("apiKey", credentials.apiKey()).put("secret", credentials.secret())
        .put("passphrase", credentials.passphrase());
    node.putArray("markets");
    node.put("type", "user");
    return node.toString();
  }

  private void onTrade(PolymarketTrade trade) {
    if (trade.status() == TradeStatus.FAILED) {
      for (String fillId : execution.fillIdsOf(trade)) {
        if (voided.add(fillId)) {
          safely(() -> listener.onFillVoid(new FillVoid(VenueId.POLYMARKET, fillId, config.clock().instant())));
        }
      }
      return;
    }
    boolean confirmedNow = trade.status() == TradeStatus.CONFIRMED;
    // Mapping may complete out of order (market rules fetched on first use), so a CONFIRMED trade
    // reports its fill itself when the earlier MATCHED event has not yet: the fill always comes first.
    execution.fillsOf(trade).onComplete(ar -> {
      if (ar.failed()) {
        LOG.warning("cannot map Polymarket trade " + Json.clip(trade.id()) + ": " + ar.cause().getMessage());
        return;
      }
      for (Fill fill : ar.result()) {
        if (voided.contains(fill.fillId())) {
          continue;
        }
        if (reported.add(fill.fillId())) {
          safely(() -> listener.onFill(fill));
        }
        if (confirmedNow && confirmed.add(fill.fillId())) {
          safely(() -> listener.onFillConfirmed(VenueId.POLYMARKET, fill.fillId()));
        }
      }
    });
  }

  private static void safely(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "execution listener failed", e);
    }
  }

  private final class Handler implements WsConnection.Handler {
    @Override
    public void onOpen(WebSocket socket) {
      socket.writeTextMessage(authMessage());
      if (lost) {
        lost = false;
        safely(listener::onStreamRestored);
      }
    }

    @Override
    public void onText(String text) {
      List<PolymarketWsMessage> messages;
      try {
        messages = PolymarketWsMessage.decode(text);
      } catch (VenueException e) {
        malformedFrames++;
        LOG.warning("unreadable Polymarket user frame: " + e.getMessage());
        // Events may be lost: tell the listener, reconnect, and let it catch up with fills().
        connection.restart("unreadable frame");
        return;
      }
      for (PolymarketWsMessage m : messages) {
        if (m instanceof PolymarketWsMessage.TradeEvent t) {
          onTrade(t.trade());
        } else if (m instanceof PolymarketWsMessage.OrderEvent o) {
          execution.toReport(o.order()).onComplete(ar -> {
            if (ar.succeeded()) {
              safely(() -> listener.onOrderUpdate(ar.result()));
            } else {
              LOG.warning("cannot map Polymarket order event: " + ar.cause().getMessage());
            }
          });
        }
      }
    }

    @Override
    public void onDown(String reason) {
      if (!lost) {
        lost = true;
        safely(() -> listener.onStreamLost(reason));
      }
    }
  }
}
