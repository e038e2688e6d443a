/** Polymarket CLOB V2 client and venue adapter (filled by the Polymarket client issue). */
package io.github.crossarb.polymarket;
