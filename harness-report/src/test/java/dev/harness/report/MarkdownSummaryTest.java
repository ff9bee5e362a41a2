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
  void recommendationSummaryMatchesItsGoldenFileInEveryLocale() throws Exception {
    Goldens.check("summary-recommend.md", () -> MarkdownSummary.render(Fixtures.recommendRun()));
  }

  @Test
  void aRecommendationSummaryShowsTrafficRankingRejectionsDecisionAndColdStart() {
    String md = MarkdownSummary.render(Fixtures.recommendRun());

    assertThat(md).startsWith("# support-bot — recommendation\n");
    assertThat(md).containsSubsequence("## Declared traffic", "80.0 req/min steady, 250 req/min "
        + "at the peak", "## Ranking", "## Rejected", "## Recommendation", "## Cold start");
    // ranked cheapest first, the tie marked on both tied candidates
    assertThat(md).containsSubsequence("| 1 | sim-g5.2xlarge |", "| =2 | sim-g5.4xlarge |",
        "| =2 | sim-g5.12xlarge |", "= tie: the monthly cost ranges overlap");
    assertThat(md).contains("| 2,948 | 2,848–3,048 |", "| 140 | \\[130, 150\\] |");
    assertThat(md).contains("| sim-g5.xlarge | g5.xlarge | does-not-fit | GET /health answered "
        + "503: out of memory while loading weights |");
    assertThat(md).contains("| inf2 | inf2.xlarge | not run | declared incompatible");
    assertThat(md).contains("- **decision:** Ship sim-g5.2xlarge × 2 (N+1 at steady load), "
        + "autoscale to 3–4 for the peak and growth: $2,948 a month.");
    assertThat(md).contains("- **autoscaling minimum:** 2", "- **autoscaling maximum:** 4",
        "- **runner-up:** sim-g5.4xlarge × 2–3: +$508 a month (+17.2 %), a tie",
        "- **biggest passing:** sim-g5.12xlarge × 2–2: +$552 a month",
        "- median output lengths differ by more than 10 %");
    assertThat(md).contains("| sim-g5.2xlarge | 870 ms after healthy | 870 ms, 910 ms, failed |");
    // a recommend run's own steps are empty: no empty curve table
    assertThat(md).doesNotContain("## Steps").doesNotContain("## Capacity curve")
        .doesNotContain("null");
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
