/**
 * A loopback Polymarket (CLOB V2) written against the wire protocol, matching on the shared
 * engine ({@code simulator.exchange}). One port serves everything; point a client at:
 *
 * <ul>
 *   <li>{@code POLY_CLOB_URL} = {@code http://127.0.0.1:P} (CLOB REST at the root:
 *       {@code /version}, {@code /time}, {@code /markets}, {@code /clob-markets/{id}}, {@code /book},
 *       {@code /books}, {@code /tick-size}, {@code /neg-risk}, {@code /auth/api-key},
 *       {@code /auth/derive-api-key}, {@code /order}, {@code /orders}, {@code /cancel-all},
 *       {@code /cancel-market-orders}, {@code /data/orders}, {@code /data/order/{id}},
 *       {@code /data/trades}, {@code /balance-allowance[/update]}, {@code /v1/heartbeats})</li>
 *   <li>{@code POLY_WS_URL} = {@code ws://127.0.0.1:P/ws} (the client appends {@code /market}
 *       and {@code /user})</li>
 *   <li>{@code POLY_GAMMA_URL} = {@code http://127.0.0.1:P/gamma} ({@code /markets}, {@code /events})</li>
 *   <li>{@code POLY_DATA_URL} = {@code http://127.0.0.1:P/data-api} ({@code /positions})</li>
 *   <li>{@code POLY_GEOBLOCK_URL} = {@code http://127.0.0.1:P/api/geoblock}</li>
 * </ul>
 *
 * <p>Start it alone with {@link io.github.crossarb.simulator.polymarket.PolymarketSimServer#start},
 * or inside a {@code Simulation}, which finds {@link
 * io.github.crossarb.simulator.polymarket.PolymarketSimulatorProvider} through the service loader
 * and prints the environment above plus a wallet key and its API credentials.
 */
package io.github.crossarb.simulator.polymarket;
