/** Kalshi Trade API v2 client and venue adapter (filled by the Kalshi client issue). */
package io.github.crossarb.kalshi;
