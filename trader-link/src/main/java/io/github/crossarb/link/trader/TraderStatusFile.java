package io.github.crossarb.link.trader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.store.AtomicFile;
import io.github.crossarb.link.trader.internal.JournalJson;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code status.json} in the trader's directory: replaced atomically (temp file forced, renamed
 * over the old one, directory forced), so a reader sees a whole file, old or new.
 */
public final class TraderStatusFile {
  public static final String FILE_NAME = "status.json";
  private static final int SCHEMA_VERSION = 1;

  private TraderStatusFile() {}

  public static void write(Path traderDir, TraderStatus status) throws IOException {
    Files.createDirectories(traderDir);
    AtomicFile.replace(traderDir, FILE_NAME, toJson(status).toPrettyString() + "\n");
  }

  /**
   * The status in {@code traderDir}; empty when there is none.
   *
   * @throws IOException with a one-line message when it cannot be read as written
   */
  public static Optional<TraderStatus> read(Path traderDir) throws IOException {
    Path file = traderDir.resolve(FILE_NAME);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    try {
      ObjectNode o = JournalJson.parseObject(text);
      if (o == null) {
        throw new IOException(file + ": not a JSON object");
      }
      return Optional.of(fromJson(o));
    } catch (JsonProcessingException e) {
      throw new IOException(file + ": not valid JSON: " + e.getOriginalMessage().replaceAll("\\s*\\R\\s*", " "), e);
    } catch (RuntimeException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * A writer for the endpoint's status updates: each write runs on a worker thread (never the
   * event loop), in order; updates arriving during a write are coalesced to the latest. A failed
   * write is told to {@code onError} (once per run of failures) and retried with the next update.
   */
  public static Consumer<TraderStatus> writer(Vertx vertx, Path traderDir, Consumer<String> onError) {
    return new Consumer<>() {
      private TraderStatus pending;
      private boolean writing;
      private boolean failing;

      @Override
      public synchronized void accept(TraderStatus status) {
        pending = status;
        if (!writing) {
          writing = true;
          writeNext();
        }
      }

      private synchronized void writeNext() {
        TraderStatus next = pending;
        pending = null;
        if (next == null) {
          writing = false;
          return;
        }
        vertx.executeBlocking(() -> {
          write(traderDir, next);
          return null;
        }, true).onComplete(ar -> {
          synchronized (this) {
            if (ar.failed() && !failing) {
              failing = true;
              onError.accept("cannot write " + traderDir.resolve(FILE_NAME) + ": " + ar.cause().getMessage());
            } else if (ar.succeeded()) {
              failing = false;
            }
          }
          writeNext();
        });
      }
    };
  }

  /** The JSON form written to the file (for {@code --json} output). */
  public static ObjectNode toJson(TraderStatus s) {
    ObjectNode o = JournalJson.object();
    o.put("schemaVersion", SCHEMA_VERSION);
    o.put("traderId", s.traderId());
    o.put("updatedAt", s.updatedAt().toString());
    o.put("startedAt", s.startedAt().toString());
    o.put("connected", s.connected());
    o.put("controllerLastHeard", s.controllerLastHeard() == null ? null : s.controllerLastHeard().toString());
    ArrayNode venues = o.putArray("venues");
    s.venues().forEach(v -> venues.add(v.label()));
    o.put("deadman", s.deadman().name());
    o.put("deadmanDetail", s.deadmanDetail());
    o.put("legsDone", s.legsDone());
    o.put("legsDenied", s.legsDenied());
    o.put("legsInFlight", s.legsInFlight());
    o.put("notionalToday", s.notionalToday().toString());
    o.put("maxDailyNotional", s.maxDailyNotional().toString());
    o.put("lastDisconnect", s.lastDisconnect());
    o.put("stopping", s.stopping());
    return o;
  }

  static TraderStatus fromJson(ObjectNode o) {
    long version = JournalJson.whole(o, "schemaVersion");
    if (version != SCHEMA_VERSION) {
      throw new IllegalArgumentException("unsupported schemaVersion " + version);
    }
    JsonNode venuesNode = o.get("venues");
    if (venuesNode == null || !venuesNode.isArray()) {
      throw new IllegalArgumentException("field \"venues\" must be a list");
    }
    List<VenueId> venues = new ArrayList<>();
    venuesNode.forEach(v -> venues.add(VenueId.parse(v.asText())));
    return new TraderStatus(
        JournalJson.text(o, "traderId"),
        JournalJson.instant(o, "updatedAt"),
        JournalJson.instant(o, "startedAt"),
        JournalJson.bool(o, "connected"),
        JournalJson.optionalInstant(o, "controllerLastHeard"),
        venues,
        TraderStatus.DeadmanState.valueOf(JournalJson.text(o, "deadman")),
        JournalJson.optionalText(o, "deadmanDetail"),
        JournalJson.whole(o, "legsDone"),
        JournalJson.whole(o, "legsDenied"),
        (int) JournalJson.whole(o, "legsInFlight"),
        Money.parse(JournalJson.text(o, "notionalToday")),
        Money.parse(JournalJson.text(o, "maxDailyNotional")),
        JournalJson.optionalText(o, "lastDisconnect"),
        JournalJson.bool(o, "stopping"));
  }
}
