/**
 * The controller's end of the trader link: {@link io.github.crossarb.link.controller.RemoteVenues}
 * owns every trader channel and hands out one {@link
 * io.github.crossarb.link.controller.RemoteExecutionClient} per remotely executed venue, so the
 * engine trades a remote venue like a local one; {@link io.github.crossarb.link.controller.LinkStatus}
 * is what {@code controller link status} shows.
 */
package io.github.crossarb.link.controller;
