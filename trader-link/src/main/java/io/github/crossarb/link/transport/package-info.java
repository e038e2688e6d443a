/**
 * The link over Vert.x WebSockets: {@link io.github.crossarb.link.transport.LinkServer} on the
 * controller (a {@link io.github.crossarb.link.transport.TraderDirectory}) and
 * {@link io.github.crossarb.link.transport.LinkClient} on the trader.
 */
package io.github.crossarb.link.transport;
