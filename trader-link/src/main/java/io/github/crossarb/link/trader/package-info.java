/**
 * The trader's side of the link: {@link io.github.crossarb.link.trader.TraderEndpoint} carries out
 * the controller's commands on the venues this trader serves, at most once per leg thanks to the
 * durable {@link io.github.crossarb.link.trader.CommandJournal} ({@code $ARB_DATA_DIR/trader/commands.jsonl}),
 * within its own limits and behind a dead-man's switch; it shows itself in
 * {@link io.github.crossarb.link.trader.TraderStatus} ({@code status.json}).
 */
package io.github.crossarb.link.trader;
