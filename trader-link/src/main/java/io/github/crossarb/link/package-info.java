/**
 * The authenticated link between the controller and its traders. The public API: {@link
 * io.github.crossarb.link.LinkChannel} (one session, lasting across reconnects), the messages in
 * {@code protocol}, the controller's remote execution client in {@code controller} and the trader's
 * endpoint in {@code trader}.
 */
package io.github.crossarb.link;
