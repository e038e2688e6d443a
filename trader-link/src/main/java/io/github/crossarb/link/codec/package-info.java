/**
 * The link's JSON wire format: {@link io.github.crossarb.link.codec.LinkCodec} for messages, the
 * sequenced {@link io.github.crossarb.link.codec.Frame}s of a session and the
 * {@link io.github.crossarb.link.codec.Envelope} of each WebSocket message. Golden files of every
 * message type live in {@code src/test/resources/link/}.
 */
package io.github.crossarb.link.codec;
