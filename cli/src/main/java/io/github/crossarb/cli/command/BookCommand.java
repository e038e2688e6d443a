package io.github.crossarb.cli.command;

import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.venue.Table;
import io.github.crossarb.cli.venue.VenueJson;
import io.github.crossarb.cli.venue.VenueSession;
import io.github.crossarb.core.book.BookSnapshot;
import io.github.crossarb.core.book.Level;
import io.github.crossarb.core.book.OrderBook;
import io.github.crossarb.core.book.UntrustedReason;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.BookListener;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code book}: one order book, once over REST or live over the venue's WebSocket. */
@Command(name = "book", description = {
    "Print an order book: once (REST), or live with --watch (WebSocket), showing whether it is trusted.",
    "Kalshi books are in YES prices (a NO bid at p is a YES ask at 1 - p); Polymarket books are per outcome token."})
public final class BookCommand extends VenueCommand {
  /** Frames closer together than this are merged, so a busy book does not flood the terminal. */
  static final long MIN_FRAME_INTERVAL_MS = 100;

  @Parameters(index = "0", paramLabel = "ID", description = "Kalshi market ticker or Polymarket token id.")
  private String symbol;

  @Option(names = "--depth", paramLabel = "N", defaultValue = "10", description = "Levels a side (default 10).")
  private int depth;

  @Option(names = "--watch", description = "Keep the book live and print it as it changes (Ctrl-C ends).")
  private boolean watch;

  @Option(names = "--count", paramLabel = "N", description = "With --watch: stop after N frames.")
  private Integer count;

  @Override
  void validate() {
    if (depth < 1) {
      throw usage("--depth must be at least 1, got " + depth);
    }
    if (count != null && (!watch || count < 1)) {
      throw usage("--count needs --watch and a positive number");
    }
  }

  @Override
  int run(VenueSession session, PrintWriter out) {
    InstrumentId instrument = instrument(symbol, "id");
    if (!watch) {
      BookSnapshot book = session.call(venue -> venue.marketData().snapshot(instrument));
      print(out, book, true, null);
      return ExitCodes.OK;
    }
    // A stream subscription to an id the venue does not know would wait forever for its first
    // snapshot; one REST read first turns a mistyped id into a clear venue error.
    session.call(venue -> venue.marketData().snapshot(instrument));
    CompletableFuture<Void> done = new CompletableFuture<>();
    session.call(venue -> {
      OrderBook book = new OrderBook(instrument, Clock.systemUTC());
      return venue.marketData().subscribe(List.of(book), new Frames(session.vertx(), book, out, done));
    });
    try {
      done.get();
    } catch (InterruptedException e) {
      // Interrupted like Ctrl-C: stop watching; closing the session unsubscribes.
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    return ExitCodes.OK;
  }

  private void print(PrintWriter out, BookSnapshot book, boolean trusted, UntrustedReason reason) {
    if (options.json()) {
      printJson(out, VenueJson.book(book, trusted, reason == null ? null : reason.name()), !watch);
      return;
    }
    StringBuilder frame = new StringBuilder()
        .append(book.instrument()).append("  ")
        .append(trusted ? "TRUSTED" : "UNTRUSTED (" + reason + ")").append("  ")
        .append(Instant.now()).append(System.lineSeparator());
    Table table = new Table("BID SIZE", "BID", "ASK", "ASK SIZE");
    int rows = Math.min(depth, Math.max(book.bids().size(), book.asks().size()));
    for (int i = 0; i < rows; i++) {
      Level bid = i < book.bids().size() ? book.bids().get(i) : null;
      Level ask = i < book.asks().size() ? book.asks().get(i) : null;
      table.row(bid == null ? "" : bid.size(), bid == null ? "" : Table.price(bid.price()),
          ask == null ? "" : Table.price(ask.price()), ask == null ? "" : ask.size());
    }
    frame.append(rows == 0 ? "(empty book)" : table.toString());
    if (book.instrument().venue() == VenueId.KALSHI) {
      frame.append(System.lineSeparator()).append("(YES prices; NO bid = 1 - YES ask, NO ask = 1 - YES bid)");
    }
    out.println(frame);
    if (watch) {
      out.println();
    }
    out.flush();
  }

  /** Prints frames on the venue's context: at once when trust changes, else at most every 100 ms. */
  private final class Frames implements BookListener {
    private final Vertx vertx;
    private final OrderBook book;
    private final PrintWriter out;
    private final CompletableFuture<Void> done;
    private long lastFrameMillis;
    private boolean lastTrusted;
    private boolean pending;
    private int printed;

    Frames(Vertx vertx, OrderBook book, PrintWriter out, CompletableFuture<Void> done) {
      this.vertx = vertx;
      this.book = book;
      this.out = out;
      this.done = done;
    }

    @Override
    public void onBookUpdated(OrderBook updated) {
      changed();
    }

    @Override
    public void onBookUntrusted(OrderBook updated, UntrustedReason reason) {
      changed();
    }

    private void changed() {
      long now = System.currentTimeMillis();
      if (book.isTrusted() != lastTrusted || printed == 0 || now - lastFrameMillis >= MIN_FRAME_INTERVAL_MS) {
        frame();
      } else if (!pending) {
        pending = true;
        vertx.setTimer(MIN_FRAME_INTERVAL_MS - (now - lastFrameMillis), id -> {
          pending = false;
          frame();
        });
      }
    }

    private void frame() {
      if (done.isDone()) {
        return;
      }
      lastTrusted = book.isTrusted();
      lastFrameMillis = System.currentTimeMillis();
      UntrustedReason reason = book.integrity().reason();
      print(out, book.snapshot(), lastTrusted, lastTrusted ? null : reason);
      printed++;
      if (count != null && printed >= count) {
        done.complete(null);
      }
    }
  }
}
