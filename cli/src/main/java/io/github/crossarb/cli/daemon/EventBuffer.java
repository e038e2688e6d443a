package io.github.crossarb.cli.daemon;

import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EventSink;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The daemon's recent events as numbered one-line texts, for {@code GET /v1/events?since=N}: a
 * client asks for what came after the last number it saw. Only the newest {@code capacity} are
 * kept (events.jsonl has them all). Thread-safe.
 */
public final class EventBuffer implements EventSink {
  /** One event: its number (from 1, increasing), time and text. */
  public record Entry(long seq, Instant time, String text) {
    public Entry {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(text, "text");
    }
  }

  /** What came after a number: the entries, and the number to ask from next. */
  public record Page(long next, List<Entry> events) {
    public Page {
      events = List.copyOf(events);
    }
  }

  private final int capacity;
  private final Function<EngineEvent, String> format;
  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private long last;

  /** {@code format} gives an event's line, or null to leave it out. */
  public EventBuffer(int capacity, Function<EngineEvent, String> format) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
    this.format = Objects.requireNonNull(format, "format");
  }

  @Override
  public void emit(EngineEvent event) {
    String text = format.apply(event);
    if (text != null) {
      add(event.time(), text);
    }
  }

  synchronized void add(Instant time, String text) {
    entries.addLast(new Entry(++last, time, text));
    if (entries.size() > capacity) {
      entries.removeFirst();
    }
  }

  /** The number of the newest entry (0 before the first): a reader that wants only what comes next starts here. */
  public synchronized long last() {
    return last;
  }

  /** The entries numbered above {@code since}, oldest first, at most {@code limit}. */
  public synchronized Page since(long since, int limit) {
    List<Entry> out = new ArrayList<>();
    for (Entry e : entries) {
      if (e.seq() > since) {
        out.add(e);
        if (out.size() == limit) {
          break;
        }
      }
    }
    return new Page(out.isEmpty() ? Math.max(since, 0) : out.get(out.size() - 1).seq(), out);
  }
}
