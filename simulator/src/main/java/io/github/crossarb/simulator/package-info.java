/**
 * Loopback venue simulators written against the wire protocols: {@link
 * io.github.crossarb.simulator.Simulation} starts them from a scenario; the matching engine lives
 * in {@code exchange}, the scenario model in {@code scenario}, the market maker in {@code
 * process}, scripted faults in {@code fault}, the Kalshi server in {@code kalshi}.
 */
package io.github.crossarb.simulator;
