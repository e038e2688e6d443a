package io.github.crossarb.core.book;

/** Why a book must not be traded on. */
public enum UntrustedReason {
  /** No snapshot yet since the book was created or reset. */
  AWAITING_SNAPSHOT,
  /** The venue's sequence numbers skipped: updates were lost. */
  SEQUENCE_GAP,
  /** The connection carrying the book dropped. */
  DISCONNECTED,
  /** Nothing arrived for longer than the silence threshold. */
  SILENT,
  /** Best bid at or above best ask: some update was missed or misapplied. */
  CROSSED,
  /** The venue changed the price grid; levels may be stale. */
  TICK_SIZE_CHANGED,
  /** An update made no sense against the book (e.g. a delta below zero size). */
  INVALID_UPDATE
}
