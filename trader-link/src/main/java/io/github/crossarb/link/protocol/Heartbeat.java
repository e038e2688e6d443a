package io.github.crossarb.link.protocol;

/** Either way, when nothing else was sent for a heartbeat interval; silence past a timeout ends the session. */
public record Heartbeat() implements LinkMessage {}
