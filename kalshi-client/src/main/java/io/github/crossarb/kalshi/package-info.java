/**
 * Kalshi Trade API v2: {@link io.github.crossarb.kalshi.KalshiVenue} implements the core venue SPI
 * on top of the raw {@code http.KalshiRestClient} and {@code ws.KalshiWsClient}, configured by
 * {@link io.github.crossarb.kalshi.KalshiConfig}. Signing lives in {@code auth}, wire DTOs in
 * {@code dto}, pure conversions and the token bucket in {@code internal}.
 */
package io.github.crossarb.kalshi;
