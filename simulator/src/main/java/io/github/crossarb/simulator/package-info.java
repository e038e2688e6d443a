/** Loopback venue simulators (filled by the simulator issue). */
package io.github.crossarb.simulator;
