package dev.harness.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Keeps the worked example of docs/cost.md true: the block between its markers must be what the
 * cost package computes for {@link Scenario}. When the formulas change, paste the expected block
 * from the failure message into the doc.
 */
class WorkedExampleTest {
  private static final Path DOC = Path.of(System.getProperty("basedir", "."), "..", "docs",
      "cost.md");
  private static final String BEGIN = "<!-- worked-example:begin (computed by WorkedExampleTest) -->";
  private static final String END = "<!-- worked-example:end -->";

  @Test
  void theDocsWorkedExampleIsWhatTheCodeComputes() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int from = doc.indexOf(BEGIN);
    int to = doc.indexOf(END);
    assertThat(from).as("docs/cost.md has the begin marker").isNotNegative();
    assertThat(to).as("docs/cost.md has the end marker").isGreaterThan(from);
    String inDoc = doc.substring(from + BEGIN.length(), to).strip();
    assertThat(inDoc).isEqualTo(render(Scenario.ranking()));
  }

  /** The example as docs/cost.md shows it: rates in requests/min, money in dollars. */
  static String render(Ranking r) {
    List<String> out = new ArrayList<>();
    out.add("| rank | candidate | $/h | requests/min per instance (low - point - high) "
        + "| per copy | per GPU | instances steady / peak | $/month (range) | $/1k inferences "
        + "| $/1M output tokens | p99 ms |");
    out.add("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (RankedCandidate c : r.ranked()) {
      CapacityBracket b = c.candidate().capacity();
      out.add(f("| %s | %s | %.3f | %.0f - %.0f - %.0f | %.0f | %s | %d / %d | %,.0f (%,.0f - %,.0f)"
              + " | %.4f | %s | %,.0f |",
          (c.tied() ? "=" : "") + c.rank(), c.name(), c.candidate().pricePerHour(),
          b.lowRps() * 60, b.pointRps() * 60, b.highRps() * 60, c.rpsPerCopy() * 60,
          c.rpsPerGpu() == null ? "-" : f("%.0f", c.rpsPerGpu() * 60),
          c.fleet().steadyInstances(), c.fleet().peakInstances(), c.fleet().monthlyCost(),
          c.monthlyCost().low(), c.monthlyCost().high(), c.costPer1kInferences(),
          c.costPer1MOutputTokens() == null ? "-" : f("%.4f", c.costPer1MOutputTokens()),
          c.candidate().p99MillisAtSustainable()));
    }
    out.add("");
    out.add("| rejected | reason | evidence |");
    out.add("| --- | --- | --- |");
    for (CandidateOutcome c : r.rejected()) {
      out.add("| " + c.name() + " | " + c.rejection().reason().key() + " | "
          + c.rejection().evidence() + " |");
    }
    Decision d = r.decision().orElseThrow();
    AutoscalingBounds a = d.autoscaling();
    out.add("");
    out.add(f("- Decision: ship **%s x %d**, %d at the peak, autoscaling %d - %d instances, "
            + "$%,.0f a month.", d.chosen().name(), d.steadyInstances(), d.peakInstances(),
        a.min(), a.max(), d.monthlyCost()));
    out.add(f("- Basis: N+%d, burst factor %.2f, growth x%.2f; minimum sized at %.0f requests/min "
            + "per instance (point), maximum at %.0f (bracket's low end).", a.redundancy(),
        a.burstFactor(), a.growth(), a.minSizedAtRps() * 60, a.maxSizedAtRps() * 60));
    out.add(f("- Runner-up %s: +$%,.0f a month (+%.1f %%). Biggest passing, %s: +$%,.0f a month "
            + "(+%.1f %%).", d.runnerUp().candidate(), d.runnerUp().deltaMonthly(),
        d.runnerUp().deltaPercent(), d.biggest().candidate(), d.biggest().deltaMonthly(),
        d.biggest().deltaPercent()));
    for (Warning w : d.warnings()) {
      out.add("- Note (" + w.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + "): "
          + w.text() + ".");
    }
    return String.join("\n", out);
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
