package io.github.crossarb.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetSummaryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode e2e(String p50, String p99, String gc, String throughput) throws Exception {
    return JSON.readTree("{\"tickToWire\":{\"laterLegMicros\":{\"count\":10000,\"p50\":" + p50 + ",\"p99\":" + p99
        + "}}," + (gc == null ? "" : "\"gc\":" + gc + ",") + "\"throughput\":" + throughput + "}");
  }

  @Test
  void endToEndRowsJudgeTheLaterLegTheGcRunAndTheLargestPairCount() throws Exception {
    List<TargetSummary.Row> rows = TargetSummary.endToEndRows(e2e("80.5", "300",
        "{\"minutes\":10,\"laterLegMicros\":{\"count\":90000},\"gc\":{\"allocationDriven\":0,\"maxPauseMillis\":0,"
            + "\"windowsOverlappingAPause\":0}}",
        "[{\"subscribedPairs\":5000,\"targetUpdatesPerSecond\":5000,\"updatesPerSecond\":4990,"
            + "\"engineHwmMb\":612,\"engineCpuCores\":0.31},"
            + "{\"subscribedPairs\":100,\"targetUpdatesPerSecond\":5000,\"updatesPerSecond\":10,"
            + "\"engineHwmMb\":100,\"engineCpuCores\":0.9}]"));

    assertThat(rows).extracting(TargetSummary.Row::target).containsExactly(
        "tick-to-wire p50, later leg (10,000 windows)", "tick-to-wire p99, later leg (10,000 windows)",
        "GC pauses in a 10-minute window run", "5,000 pairs at 5,000 updates/s: rate sustained",
        "5,000 pairs at 5,000 updates/s: engine resident memory (peak)", "5,000 pairs at 5,000 updates/s: engine CPU");
    assertThat(rows).extracting(TargetSummary.Row::met).containsExactly(true, false, true, true, false, true);
    assertThat(rows.get(0).measured()).isEqualTo("80.50 µs");
    assertThat(rows.get(4).measured()).isEqualTo("612 MB");
  }

  @Test
  void withoutAGcRunThereIsNoGcRowAndMissingResultsAreAnError() throws Exception {
    List<TargetSummary.Row> rows = TargetSummary.endToEndRows(e2e("50", "200", null,
        "[{\"subscribedPairs\":100,\"targetUpdatesPerSecond\":5000,\"updatesPerSecond\":5000,"
            + "\"engineHwmMb\":300,\"engineCpuCores\":0.2}]"));
    assertThat(rows).hasSize(5).allMatch(TargetSummary.Row::met);

    assertThatThrownBy(() -> TargetSummary.endToEndRows(JSON.readTree("{\"throughput\":[]}")))
        .hasMessageContaining("tickToWire.laterLegMicros");
    assertThatThrownBy(() -> TargetSummary.endToEndRows(e2e("1", "2", null, "[]")))
        .hasMessageContaining("no throughput run");
  }
}
