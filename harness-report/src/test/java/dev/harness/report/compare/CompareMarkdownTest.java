package dev.harness.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompareMarkdownTest {

  private static Comparison comparison(String plan, double p99) throws Exception {
    return Compare.compare(
        List.of(ComparedRun.of("b1", Runs.run("b1").planName(plan).rung(100, 20).rung(200, 40)
            .build())),
        ComparedRun.of("cur", Runs.run("cur").planName(plan).rung(100, 20).rung(200, p99)
            .build()),
        Tolerances.DEFAULT);
  }

  @Test
  void aTableRowPerCheckWithTheVerdictAndTheFailuresListedBelow() throws Exception {
    String md = CompareMarkdown.render(comparison("fraud", 50));

    assertThat(md).startsWith("## harness compare: fraud\n");
    assertThat(md).contains("Current run `cur` against baseline `b1`.");
    assertThat(md).contains("| check | baseline | current | change | allowed | |");
    assertThat(md).contains(
        "| p99 e2e at 200 req/s | 40.0 ms | 50.0 ms | +25.0 % | +5.0 % (≤ 42.0 ms) | ✗ |");
    assertThat(md).contains(
        "| p99 e2e at 100 req/s | 20.0 ms | 20.0 ms | +0.0 % | +5.0 % (≤ 21.0 ms) | ✓ |");
    assertThat(md).contains("**1 of 7 checks failed:**");
    assertThat(md).contains("- p99 e2e at 200 req/s rose 25.0 % > allowed 5.0 %");
    assertThat(md).contains("Notes:").contains("- one baseline");
  }

  @Test
  void allHoldingIsSaidInOneLine() throws Exception {
    assertThat(CompareMarkdown.render(comparison("fraud", 40))).contains("**All 7 checks hold.**");
  }

  @Test
  void severalBaselinesShowTheirRange() throws Exception {
    Comparison c = Compare.compare(
        List.of(ComparedRun.of("b1", Runs.run("b1").rung(100, 20).build()),
            ComparedRun.of("b2", Runs.run("b2").rung(100, 24).build())),
        ComparedRun.of("c", Runs.run("c").rung(100, 22).build()), Tolerances.DEFAULT);

    assertThat(CompareMarkdown.render(c)).contains("| 22.0 ms (20.0 ms – 24.0 ms) |")
        .contains("against 2 baselines: `b1`, `b2`");
  }

  @Test
  void pipesInAPlanNameCannotBreakTheTable() throws Exception {
    String md = CompareMarkdown.render(comparison("a|b", 40));

    assertThat(md).startsWith("## harness compare: a\\|b\n");
  }
}
