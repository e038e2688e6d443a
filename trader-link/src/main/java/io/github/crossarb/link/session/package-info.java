/**
 * The link's protocol as a pure state machine ({@link io.github.crossarb.link.session.LinkSession}:
 * handshake, sealed frames, sequence numbers and resend) and the state a channel keeps across
 * connections ({@link io.github.crossarb.link.session.StreamState}). No I/O here.
 */
package io.github.crossarb.link.session;
