package io.github.crossarb.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcStatsTest {
  @Test
  void statFieldsCountFromAfterTheCommandName() {
    // A command name with spaces and a ')' inside: fields are counted after the last ')'.
    String line = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 123 0 0 0 1500 250 3 4 20 0 42 0 100 9000 2000 "
        + "18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
    ProcStats.Cpu cpu = ProcStats.parseStat(line);
    assertThat(cpu.userTicks()).isEqualTo(1500);
    assertThat(cpu.systemTicks()).isEqualTo(250);
    assertThat(cpu.totalTicks()).isEqualTo(1750);
  }

  @Test
  void statusGivesRssAndPeak() {
    String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  612345 kB\nVmRSS:\t  501234 kB\nThreads:\t42\n";
    ProcStats.Memory m = ProcStats.parseStatus(status);
    assertThat(m.rssKb()).isEqualTo(501_234);
    assertThat(m.hwmKb()).isEqualTo(612_345);
  }

  @Test
  void malformedInputIsRefused() {
    assertThatThrownBy(() -> ProcStats.parseStat("no parentheses")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProcStats.parseStat("1 (x) S 2")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProcStats.parseStatus("Name:\tjava\n")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void coresIsCpuSecondsOverWallSeconds() {
    long ticks = ProcStats.CLOCK_TICKS;
    double cores = ProcStats.cores(new ProcStats.Cpu(0, 0), new ProcStats.Cpu(ticks, ticks / 2), 3_000_000_000L);
    assertThat(cores).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void readsThisProcess() throws Exception {
    long pid = ProcessHandle.current().pid();
    assertThat(ProcStats.memory(pid).rssKb()).isPositive();
    assertThat(ProcStats.memory(pid).hwmKb()).isGreaterThanOrEqualTo(ProcStats.memory(pid).rssKb() / 2);
    assertThat(ProcStats.cpu(pid).totalTicks()).isNotNegative();
  }
}
