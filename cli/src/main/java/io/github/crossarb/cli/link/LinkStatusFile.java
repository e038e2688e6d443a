package io.github.crossarb.cli.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.link.controller.LinkStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code $ARB_DATA_DIR/link-status.json}: what a running controller last said about its traders,
 * written atomically (a reader sees a whole file, old or new) on every change and every second,
 * read by {@code controller link status}. {@code updatedAt} is when it was written (the snapshot's
 * instant), so a reader tells a live controller from a stopped one.
 */
public final class LinkStatusFile {
  public static final String NAME = "link-status.json";
  /** Older than this, no controller is writing it any more. */
  public static final Duration STALE_AFTER = Duration.ofSeconds(5);
  static final int VERSION = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private LinkStatusFile() {}

  public static Path path(Path dataDir) {
    return dataDir.resolve(NAME);
  }

  /**
   * Replaces the file with {@code status}: a temporary file in the same directory renamed over it.
   * Not forced to disk: it is rewritten every second and worthless after a crash.
   */
  public static void write(Path dataDir, LinkStatus status) throws IOException {
    Path temp = dataDir.resolve(NAME + ".tmp");
    try {
      Files.writeString(temp, toJson(status), StandardCharsets.UTF_8);
      Files.move(temp, path(dataDir), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /** The status in the file, or empty when there is no file. */
  public static Optional<LinkStatus> read(Path dataDir) {
    Path file = path(dataDir);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new ConfigException(file + " is unreadable: " + e.getMessage(), e);
    }
    try {
      return Optional.of(fromJson(text));
    } catch (RuntimeException | IOException e) {
      throw new ConfigException(file + " is not a link status file: " + e.getMessage(), e);
    }
  }

  static String toJson(LinkStatus status) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json(status, null)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("link status not serialisable", e);
    }
  }

  /**
   * The status as JSON; with {@code now}, each trader's heartbeat age and whether the writer is
   * running are added (for {@code --json}).
   */
  public static ObjectNode json(LinkStatus status, Instant now) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", VERSION);
    root.put("updatedAt", status.at().toString());
    if (now != null) {
      root.put("running", !stale(status, now));
      root.put("ageMs", Duration.between(status.at(), now).toMillis());
    }
    ArrayNode venues = root.putArray("remoteVenues");
    status.remoteVenues().forEach(v -> venues.add(v.name()));
    ArrayNode traders = root.putArray("traders");
    for (LinkStatus.Trader t : status.traders()) {
      ObjectNode node = traders.addObject();
      node.put("traderId", t.traderId());
      node.put("connected", t.connected());
      ArrayNode served = node.putArray("venues");
      t.venues().forEach(v -> served.add(v.name()));
      putInstant(node, "lastHeard", t.lastHeard());
      if (now != null) {
        if (t.lastHeard() == null) {
          node.putNull("lastHeardAgeMs");
        } else {
          node.put("lastHeardAgeMs", Duration.between(t.lastHeard(), now).toMillis());
        }
      }
      putInstant(node, "since", t.since());
      if (t.lastDisconnect() == null) {
        node.putNull("lastDisconnect");
      } else {
        node.put("lastDisconnect", t.lastDisconnect());
      }
      ArrayNode legs = node.putArray("inFlight");
      for (LinkStatus.Leg leg : t.inFlight()) {
        ObjectNode l = legs.addObject();
        l.put("commandId", leg.commandId());
        l.put("venue", leg.venue().name());
        l.put("instrument", leg.instrument().toString());
        l.put("sentAt", leg.sentAt().toString());
        l.put("ageMs", leg.age().toMillis());
        l.put("acked", leg.acked());
      }
    }
    return root;
  }

  static boolean stale(LinkStatus status, Instant now) {
    return Duration.between(status.at(), now).compareTo(STALE_AFTER) > 0;
  }

  private static void putInstant(ObjectNode node, String field, Instant value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value.toString());
    }
  }

  static LinkStatus fromJson(String text) throws IOException {
    JsonNode root = MAPPER.readTree(text);
    if (root == null || !root.isObject()) {
      throw new IOException("not a JSON object");
    }
    int version = required(root, "version").asInt();
    if (version != VERSION) {
      throw new IOException("version " + version + ", expected " + VERSION);
    }
    List<VenueId> remote = new ArrayList<>();
    for (JsonNode v : required(root, "remoteVenues")) {
      remote.add(VenueId.valueOf(v.asText()));
    }
    List<LinkStatus.Trader> traders = new ArrayList<>();
    for (JsonNode t : required(root, "traders")) {
      List<VenueId> venues = new ArrayList<>();
      for (JsonNode v : required(t, "venues")) {
        venues.add(VenueId.valueOf(v.asText()));
      }
      List<LinkStatus.Leg> legs = new ArrayList<>();
      for (JsonNode l : required(t, "inFlight")) {
        legs.add(new LinkStatus.Leg(required(l, "commandId").asText(), VenueId.valueOf(required(l, "venue").asText()),
            InstrumentId.parse(required(l, "instrument").asText()), Instant.parse(required(l, "sentAt").asText()),
            Duration.ofMillis(required(l, "ageMs").asLong()), required(l, "acked").asBoolean()));
      }
      traders.add(new LinkStatus.Trader(required(t, "traderId").asText(), required(t, "connected").asBoolean(), venues,
          instant(t, "lastHeard"), instant(t, "since"),
          t.path("lastDisconnect").isTextual() ? t.get("lastDisconnect").asText() : null, legs));
    }
    return new LinkStatus(Instant.parse(required(root, "updatedAt").asText()), remote, traders);
  }

  private static JsonNode required(JsonNode node, String field) throws IOException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IOException("missing " + field);
    }
    return value;
  }

  private static Instant instant(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : Instant.parse(value.asText());
  }
}
