package io.github.crossarb.link.trader;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.store.JsonLinesJournal;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.link.trader.internal.JournalJson;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The trader's durable record of the legs it was asked to place, {@code commands.jsonl}: one JSON
 * object per line, each forced to stable storage before {@code record*} returns.
 *
 * <ul>
 *   <li>{@code SENDING}: written before the order goes to the venue (id, venue, instrument,
 *       notional, time); a leg whose last record is SENDING may be at the venue;</li>
 *   <li>{@code DONE}: the leg's final answer ({@code SubmitResult}); a refused leg has a DONE
 *       record alone (nothing was sent).</li>
 * </ul>
 *
 * <p>A crash mid-append can leave a torn last line (no newline, or a last line that is not JSON):
 * it was never acknowledged (a SENDING line is forced before anything is sent), so opening cuts it
 * off and reports it in {@link #tornTailBytes()}. Anything wrong before the last line is a
 * {@link CommandJournalException} naming the file and line.
 *
 * <p>The daily notional (legs sent per UTC day) is counted from the SENDING records, so a restart
 * does not reset it. An open journal holds an exclusive lock on its file. Not thread-safe beyond
 * its own synchronisation: the trader endpoint uses it from its context.
 */
public final class CommandJournal implements Closeable {
  public static final String FILE_NAME = "commands.jsonl";
  private static final int SCHEMA_VERSION = 1;

  /** Where a leg stands in the journal. */
  public enum State {
    /** Recorded before sending: the order may be at the venue. */
    SENDING,
    /** Answered: {@link Entry#result()} holds the final answer. */
    DONE
  }

  /**
   * What the journal knows of one command id.
   *
   * @param sentAt when it was recorded SENDING (null for a leg refused without sending)
   * @param notional what it counted against the daily limit (zero when never sent)
   * @param result the final answer, null while SENDING
   */
  public record Entry(String commandId, State state, VenueId venue, InstrumentId instrument, Money notional,
      Instant sentAt, SubmitResult result) {
    public Entry {
      Objects.requireNonNull(commandId, "commandId");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(notional, "notional");
    }
  }

  private static final JsonLinesJournal.Format FORMAT =
      new JsonLinesJournal.Format(JournalJson.MAPPER, "record", CommandJournalException::new);

  private final JsonLinesJournal journal;
  private final Map<String, Entry> entries;
  private final Map<LocalDate, Money> sentPerDay;

  private CommandJournal(JsonLinesJournal journal, Records records) {
    this.journal = journal;
    this.entries = records.entries;
    this.sentPerDay = records.sentPerDay;
  }

  /**
   * Opens (creating the directory and file if needed) {@code traderDir/commands.jsonl}: locks it,
   * reads it, and cuts off a torn last line.
   *
   * @throws CommandJournalException if a line before the last is not a valid record
   * @throws IOException if it cannot be read, or another journal has it open
   */
  public static CommandJournal open(Path traderDir) throws IOException {
    Records records = new Records();
    JsonLinesJournal journal = JsonLinesJournal.open(traderDir.resolve(FILE_NAME),
        "trader: one trader per data directory", FORMAT, record -> apply(records, record));
    return new CommandJournal(journal, records);
  }

  public Path file() {
    return journal.file();
  }

  /** Bytes of a torn last line found (and cut off) when opening; 0 when the file was whole. */
  public long tornTailBytes() {
    return journal.opened().tornTailBytes();
  }

  public synchronized Optional<Entry> find(String commandId) {
    return Optional.ofNullable(entries.get(commandId));
  }

  /** The notional of the legs sent on {@code utcDay} (recorded SENDING that day). */
  public synchronized Money sentOn(LocalDate utcDay) {
    return sentPerDay.getOrDefault(utcDay, Money.ZERO);
  }

  /** Records {@code commandId} as about to be sent; returns once it is on stable storage. */
  public synchronized void recordSending(String commandId, VenueId venue, InstrumentId instrument, Money notional,
      Instant at) throws IOException {
    Entry existing = entries.get(commandId);
    if (existing != null) {
      throw new IllegalStateException("command " + commandId + " is already in the journal (" + existing.state() + ")");
    }
    ObjectNode o = JournalJson.object();
    o.put("schemaVersion", SCHEMA_VERSION);
    o.put("state", State.SENDING.name());
    o.put("commandId", commandId);
    o.put("at", at.toString());
    o.put("venue", venue.name());
    o.put("instrument", instrument.toString());
    o.put("notional", notional.toString());
    append(o);
    entries.put(commandId, new Entry(commandId, State.SENDING, venue, instrument, notional, at, null));
    sentPerDay.merge(day(at), notional, Money::plus);
  }

  /** Records the final answer of {@code commandId} (SENDING before, or refused and never sent). */
  public synchronized void recordDone(String commandId, VenueId venue, InstrumentId instrument, SubmitResult result,
      Instant at) throws IOException {
    Entry existing = entries.get(commandId);
    if (existing != null && existing.state() == State.DONE) {
      throw new IllegalStateException("command " + commandId + " is already done");
    }
    ObjectNode o = JournalJson.object();
    o.put("schemaVersion", SCHEMA_VERSION);
    o.put("state", State.DONE.name());
    o.put("commandId", commandId);
    o.put("at", at.toString());
    o.put("venue", venue.name());
    o.put("instrument", instrument.toString());
    o.set("result", JournalJson.submitResult(result));
    append(o);
    entries.put(commandId, existing == null
        ? new Entry(commandId, State.DONE, venue, instrument, Money.ZERO, null, result)
        : new Entry(commandId, State.DONE, existing.venue(), existing.instrument(), existing.notional(),
            existing.sentAt(), result));
  }

  private void append(ObjectNode o) throws IOException {
    journal.append(JournalJson.line(o));
  }

  @Override
  public synchronized void close() throws IOException {
    journal.close();
  }

  static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }

  // ------------------------------------------------------------------------------- reading

  private static final class Records {
    final Map<String, Entry> entries = new HashMap<>();
    final Map<LocalDate, Money> sentPerDay = new HashMap<>();
  }

  private static void apply(Records records, ObjectNode o) {
    long version = JournalJson.whole(o, "schemaVersion");
    if (version != SCHEMA_VERSION) {
      throw new IllegalArgumentException("unsupported schemaVersion " + version + " (this version reads "
          + SCHEMA_VERSION + ")");
    }
    String commandId = JournalJson.text(o, "commandId");
    Instant at = JournalJson.instant(o, "at");
    VenueId venue = VenueId.valueOf(JournalJson.text(o, "venue"));
    InstrumentId instrument = InstrumentId.parse(JournalJson.text(o, "instrument"));
    State state = State.valueOf(JournalJson.text(o, "state"));
    Entry existing = records.entries.get(commandId);
    if (state == State.SENDING) {
      if (existing != null) {
        throw new IllegalArgumentException("command " + commandId + " recorded SENDING twice");
      }
      Money notional = Money.parse(JournalJson.text(o, "notional"));
      records.entries.put(commandId, new Entry(commandId, State.SENDING, venue, instrument, notional, at, null));
      records.sentPerDay.merge(day(at), notional, Money::plus);
    } else {
      if (existing != null && existing.state() == State.DONE) {
        throw new IllegalArgumentException("command " + commandId + " recorded DONE twice");
      }
      SubmitResult result = JournalJson.submitResult(o.get("result"));
      records.entries.put(commandId, existing == null
          ? new Entry(commandId, State.DONE, venue, instrument, Money.ZERO, null, result)
          : new Entry(commandId, State.DONE, venue, instrument, existing.notional(), existing.sentAt(), result));
    }
  }
}
