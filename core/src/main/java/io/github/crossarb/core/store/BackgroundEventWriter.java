package io.github.crossarb.core.store;

import io.github.crossarb.core.event.EngineEvent;
import io.github.crossarb.core.event.EventSink;
import java.io.Closeable;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands engine events to a slow sink ({@link EventLog}'s JSON line and write, console lines) on one
 * background thread, so that the engine's thread only enqueues: the orders of an execution go
 * before its events are serialised, not after.
 *
 * <ul>
 *   <li><b>Order</b>: one queue, one consumer: the sink sees events in the order {@link #emit} was
 *       called (across producers, the order their calls entered the queue).</li>
 *   <li><b>Never blocks the engine</b>: the queue is bounded ({@code capacity}); an event that does
 *       not fit is dropped, <b>never silently</b>: the first drop of an episode is reported at once
 *       to {@code onOverflow} (one line, on the emitting thread: it must not block and must not
 *       emit into this writer), and once the queue has room again the sink itself receives a
 *       CRITICAL {@link EngineEvent.Alert} saying how many events were dropped, in place of the gap.</li>
 *   <li><b>Flush</b>: {@link #flush} waits until every event emitted before it has reached the sink
 *       (owners call it before forcing the log to disk); {@link #close} flushes, then stops the
 *       thread; events emitted after close go straight to the sink on the caller's thread, as
 *       before this writer existed.</li>
 * </ul>
 *
 * <p>What a process kill loses: events still queued (at most a few milliseconds' worth under
 * normal load). The audit trail is not the ledger ({@code fills.jsonl} is written and forced
 * before an execution goes on), so this trades the last events before a kill for an order path
 * free of JSON and file writes; {@link EventLog} already accepted losing up to a second of lines
 * to a power cut for the same reason.
 *
 * <p>The sink is called on the writer's thread only; a sink that throws loses that event, not the
 * writer (logged).
 */
public final class BackgroundEventWriter implements EventSink, Closeable {
  /** Events that may wait at once by default: far more than any burst the engine makes. */
  public static final int DEFAULT_CAPACITY = 65_536;
  /** How long {@link #close} waits for the queue to drain. */
  static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger LOG = Logger.getLogger(BackgroundEventWriter.class.getName());

  private final EventSink sink;
  private final ArrayBlockingQueue<EngineEvent> queue;
  private final Consumer<String> onOverflow;
  private final InstantSource clock;
  private final Thread thread;
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicBoolean overflowing = new AtomicBoolean();
  private final Object progress = new Object();
  private volatile int waiting;
  private volatile boolean closed;
  private long droppedReported;

  /**
   * Starts the writer's thread.
   *
   * @param name the thread's name
   * @param sink where events go, called on the writer's thread only
   * @param capacity how many events may wait
   * @param onOverflow told once per overflow episode, on the emitting thread (must not block)
   * @param clock dates the alert that reports a gap
   */
  public BackgroundEventWriter(String name, EventSink sink, int capacity, Consumer<String> onOverflow,
      InstantSource clock) {
    this.sink = Objects.requireNonNull(sink, "sink");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.onOverflow = Objects.requireNonNull(onOverflow, "onOverflow");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.thread = new Thread(this::run, Objects.requireNonNull(name, "name"));
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues {@code event} for the sink; never blocks, never throws. */
  @Override
  public void emit(EngineEvent event) {
    if (event == null) {
      return;
    }
    if (closed) {
      deliver(event); // after close: straight through, as without this writer
      return;
    }
    if (queue.offer(event)) {
      accepted.incrementAndGet();
      return;
    }
    long lost = dropped.incrementAndGet();
    if (overflowing.compareAndSet(false, true)) {
      String message = "event writer queue full (" + queue.remainingCapacity() + " free of "
          + (queue.size() + queue.remainingCapacity()) + "): events are being dropped from the event log and"
          + " console (" + lost + " so far); the gap is recorded when it drains";
      LOG.warning(message);
      try {
        onOverflow.accept(message);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "the event writer's overflow callback failed", e);
      }
    }
  }

  /**
   * Waits until every event emitted before this call has reached the sink.
   *
   * @return false when {@code timeout} passed first
   */
  public boolean flush(Duration timeout) {
    long target = accepted.get();
    if (delivered.get() >= target || Thread.currentThread() == thread) {
      return true;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      waiting++;
      try {
        while (delivered.get() < target && thread.isAlive()) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return false;
          }
          TimeUnit.NANOSECONDS.timedWait(progress, left);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } finally {
        waiting--;
      }
    }
    return delivered.get() >= target;
  }

  /** Events queued and not yet handed to the sink. */
  public int pending() {
    return queue.size();
  }

  /** Events dropped because the queue was full, since start. */
  public long dropped() {
    return dropped.get();
  }

  /**
   * Flushes (waiting up to {@link #CLOSE_TIMEOUT}) and stops the thread; later events go straight to
   * the sink.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    boolean drained = flush(CLOSE_TIMEOUT);
    closed = true;
    thread.interrupt();
    try {
      thread.join(CLOSE_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!thread.isAlive()) {
      // An emit that raced with close may have queued after the thread's last look: deliver it here.
      for (EngineEvent event = queue.poll(); event != null; event = queue.poll()) {
        deliver(event);
        delivered.incrementAndGet();
      }
    }
    if (!drained || thread.isAlive()) {
      LOG.warning("the event writer did not drain within " + CLOSE_TIMEOUT + "; " + queue.size() + " events left");
    }
  }

  private void run() {
    List<EngineEvent> batch = new ArrayList<>();
    while (true) {
      try {
        if (closed && queue.isEmpty()) {
          break;
        }
        EngineEvent first = queue.take();
        batch.add(first);
      } catch (InterruptedException e) {
        if (!closed) {
          continue; // only close stops the writer
        }
      }
      queue.drainTo(batch);
      for (EngineEvent event : batch) {
        deliver(event);
      }
      delivered.addAndGet(batch.size());
      batch.clear();
      reportGap();
      if (waiting > 0) {
        synchronized (progress) {
          progress.notifyAll();
        }
      }
    }
    reportGap();
    synchronized (progress) {
      progress.notifyAll();
    }
  }

  /** After an overflow, once there is room again: the sink gets an alert with the count. */
  private void reportGap() {
    long lost = dropped.get();
    if (lost == droppedReported || queue.remainingCapacity() == 0) {
      return;
    }
    long gap = lost - droppedReported;
    droppedReported = lost;
    overflowing.set(false);
    deliver(new EngineEvent.Alert(clock.instant(), EngineEvent.Severity.CRITICAL, null,
        gap + " engine events were dropped here: the event writer's queue was full (" + lost + " since start)"));
  }

  private void deliver(EngineEvent event) {
    try {
      sink.emit(event);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "an event sink failed", e);
    }
  }

  @Override
  public String toString() {
    return "BackgroundEventWriter[" + thread.getName() + ", pending=" + queue.size() + ", dropped=" + dropped.get() + "]";
  }
}
