package dev.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownSummaryTest {
  @TempDir Path dir;

  @Test
  void capacityCardMatchesItsGoldenFileInEveryLocale() throws Exception {
    Goldens.check("summary-capacity.md", () -> MarkdownSummary.render(Fixtures.capacityRun()));
  }

  @Test
  void llmRunSummaryMatchesItsGoldenFileInEveryLocale() throws Exception {
    Goldens.check("summary-llm-run.md", () -> MarkdownSummary.render(Fixtures.llmRun()));
  }

  @Test
  void sectionsThatDoNotApplyAreLeftOutRatherThanFilledWithPlaceholders() {
    String md = MarkdownSummary.render(Fixtures.llmRun());

    assertThat(md)
        .doesNotContain("## Sustainable rate")
        .doesNotContain("## Recommendation")
        .doesNotContain("verdict")
        .doesNotContain("goodput")
        .doesNotContain("null")
        .contains("## Steps");
  }

  @Test
  void capacityCardStatesTheBracketThePointEstimateAndTheFirstBreach() {
    String md = MarkdownSummary.render(Fixtures.capacityRun());

    assertThat(md)
        .contains("- **sustainable rate:** 60.0 req/s\n")
        .contains("\\[60.0, 80.0\\] req/s")
        .contains("68.5 req/s (isotonic fit)")
        .contains("step 2: p99 e2e ≤ 50 ms — observed 61.2 ms")
        .contains("## Capacity curve");
  }

  @Test
  void textFromThePlanCannotBreakTheMarkdown() {
    String md = MarkdownSummary.render(Fixtures.llmRun());

    assertThat(md)
        .startsWith("# chat \\<demo> \\| \\*v2\\* — run summary\n")
        .contains("\\<script>")
        .doesNotContainPattern("(?<!\\\\)<");
    // every table line has as many unescaped cell separators as the header
    long cells = md.lines().filter(l -> l.startsWith("| step")).findFirst().orElseThrow()
        .replace("\\|", "").chars().filter(c -> c == '|').count();
    assertThat(md.lines().filter(l -> l.startsWith("|")))
        .allSatisfy(l -> assertThat(l.replace("\\|", "").chars().filter(c -> c == '|').count())
            .isEqualTo(cells));
  }

  @Test
  void writesSummaryMdIntoTheDirectory() throws Exception {
    var files = new MarkdownSummary().write(Fixtures.capacityRun(), dir);

    assertThat(files).containsExactly(dir.resolve("summary.md"));
    assertThat(dir.resolve("summary.md")).content().startsWith("# fraud\\_scoring");
  }
}
