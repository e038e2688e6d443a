/**
 * {@code trader run} and {@code trader status}: the trader process ({@link
 * io.github.crossarb.cli.trader.TraderRuntime}: lock, venues, journal, link, endpoint) and its
 * status file read back.
 */
package io.github.crossarb.cli.trader;
