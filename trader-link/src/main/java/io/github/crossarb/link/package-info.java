/** Controller to trader protocol (filled by the trader-link issue). */
package io.github.crossarb.link;
