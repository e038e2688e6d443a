package io.github.crossarb.simulator;

import io.github.crossarb.core.model.VenueId;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** A {@link WireProbe} that queues what it is told, for tests. */
public final class RecordingProbe implements WireProbe {
  /** One report: a frame written or an order arrived. */
  public record Report(boolean order, VenueId venue, String market, long nanos) {}

  public final BlockingQueue<Report> reports = new LinkedBlockingQueue<>();

  @Override
  public void bookFrameWritten(VenueId venue, String market, long nanoTime) {
    reports.add(new Report(false, venue, market, nanoTime));
  }

  @Override
  public void orderArrived(VenueId venue, String market, long nanoTime) {
    reports.add(new Report(true, venue, market, nanoTime));
  }
}
