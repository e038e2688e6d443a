package io.github.crossarb.polymarket.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.core.model.ClientOrderId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderBindingsTest {
  @Property
  void saltIsDeterministicAndBelowTwoToThe53(@ForAll @AlphaChars @StringLength(min = 1, max = 40) String id) {
    long salt = OrderBindings.saltFor(new ClientOrderId(id));
    assertThat(salt).isBetween(0L, (1L << 53) - 1);
    assertThat(OrderBindings.saltFor(new ClientOrderId(id))).isEqualTo(salt);
  }

  @Test
  void differentIdsGetDifferentSalts() {
    assertThat(OrderBindings.saltFor(new ClientOrderId("a"))).isNotEqualTo(OrderBindings.saltFor(new ClientOrderId("b")));
  }

  @Test
  void journalSurvivesARestartAndSkipsATornLastLine(@TempDir Path dir) throws Exception {
    Path journal = dir.resolve("orders.tsv");
    OrderBindings first = new OrderBindings(journal);
    first.bind(new ClientOrderId("c-1"), "0xABC");
    Files.writeString(journal, "c-2", StandardCharsets.UTF_8, StandardOpenOption.APPEND); // crash mid-line
    OrderBindings second = new OrderBindings(journal);
    assertThat(second.hashOf(new ClientOrderId("c-1"))).contains("0xabc");
    assertThat(second.clientIdOf("0xAbC")).contains(new ClientOrderId("c-1"));
    assertThat(second.hashOf(new ClientOrderId("c-2"))).isEmpty();
  }

  @Test
  void aBindAfterATornLineCutsItOffAndATornHashIsNeverRead(@TempDir Path dir) throws Exception {
    Path journal = dir.resolve("orders.tsv");
    OrderBindings first = new OrderBindings(journal);
    first.bind(new ClientOrderId("c-1"), "0xabc");
    first.close();
    Files.writeString(journal, "c-2\t0xde", StandardCharsets.UTF_8, StandardOpenOption.APPEND); // cut mid-hash
    OrderBindings second = new OrderBindings(journal);
    assertThat(second.hashOf(new ClientOrderId("c-2"))).as("a torn line is not a binding").isEmpty();
    second.bind(new ClientOrderId("c-3"), "0xdef");
    second.bind(new ClientOrderId("c-4"), "0x123");
    second.close();

    OrderBindings third = new OrderBindings(journal);
    assertThat(third.hashOf(new ClientOrderId("c-1"))).contains("0xabc");
    assertThat(third.hashOf(new ClientOrderId("c-2"))).isEmpty();
    assertThat(third.hashOf(new ClientOrderId("c-3"))).contains("0xdef");
    assertThat(third.hashOf(new ClientOrderId("c-4"))).contains("0x123");
    assertThat(Files.readString(journal)).isEqualTo("c-1\t0xabc\nc-3\t0xdef\nc-4\t0x123\n");
  }

  @Test
  void bindingsAreWrittenBeforeBindReturnsAndReadableByAnotherReader(@TempDir Path dir) throws Exception {
    Path journal = dir.resolve("sub").resolve("orders.tsv");
    OrderBindings bindings = new OrderBindings(journal);
    bindings.bind(new ClientOrderId("c-1"), "0xAA");
    // Not closed: what a killed process leaves behind must already be in the file.
    assertThat(new OrderBindings(journal).hashOf(new ClientOrderId("c-1"))).contains("0xaa");
    bindings.close();
  }
}
