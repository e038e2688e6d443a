/**
 * The venue SPI: what the engine and the command line need from a venue, implemented by each
 * venue module ({@code kalshi-client}, {@code polymarket-client}). Core never imports a venue.
 *
 * <p>Threading: a venue is created on one Vert.x context and does all its work there. Books given
 * to {@link io.github.crossarb.core.venue.MarketDataClient#subscribe} are written, and listeners
 * called, on that context only, so the engine deploys on the same context and stays
 * single-writer.
 *
 * <p>Errors: failed futures carry a {@link io.github.crossarb.core.venue.VenueException}
 * subclass; {@link io.github.crossarb.core.venue.ExecutionClient#submit} never fails and instead
 * ends in one of the four {@link io.github.crossarb.core.venue.SubmitResult}s.
 */
package io.github.crossarb.core.venue;
