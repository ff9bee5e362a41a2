package dev.harness.cli;

import dev.harness.capacity.DryRun;
import dev.harness.capacity.Rates;
import dev.harness.config.CapacitySpec;
import dev.harness.config.Plan;
import dev.harness.config.DurationParser;
import java.time.Duration;
import java.util.Locale;

/** The text of {@code harness capacity --dry-run}. */
final class DryRunText {
  private DryRunText() {}

  static String render(Plan plan) {
    CapacitySpec spec = plan.capacity();
    boolean llm = plan.target().protocol().isLlm();
    Duration cooldown = Duration.ofSeconds(llm ? 10 : 2);
    DryRun.Estimate e = DryRun.of(spec, llm, cooldown);
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "capacity %s → %s (%s); nothing is sent%n", plan.name(),
        plan.target().url(), spec.isLadder() ? "ladder of " + spec.ladder().size() + " rates"
            : "search to " + pct(spec.precision()) + " precision at "
                + pct(spec.confidence()) + " confidence"));
    sb.append(String.format(Locale.ROOT, "%-3s %-10s %-10s %-34s %8s %14s%n", "#", "kind",
        "rate/s", "what", "warm-up", "window"));
    int i = 1;
    for (DryRun.ExpectedStep s : e.steps()) {
      sb.append(String.format(Locale.ROOT, "%-3d %-10s %-10s %-34s %8s %14s%n", i++,
          s.kind().label(), Double.isNaN(s.rate()) ? "(measured)" : Rates.label(s.rate()), s.what(),
          DurationParser.format(s.warmup()),
          DurationParser.format(s.shortest()) + "–" + DurationParser.format(s.longest())));
    }
    sb.append(String.format(Locale.ROOT,
        "expected time: %s to %s (bounded by capacity.max-duration %s)%n",
        DurationParser.format(e.shortest()), DurationParser.format(e.longest()),
        DurationParser.format(spec.maxDuration())));
    sb.append(String.format(Locale.ROOT, "instance-hours: at most %.2f (%d instance%s)",
        e.instanceHoursLongest(), spec.instances(), spec.instances() == 1 ? "" : "s"));
    if (!Double.isNaN(e.costLongest())) {
      sb.append(String.format(Locale.ROOT, ", about %.2f at %.4f per instance-hour",
          e.costLongest(), spec.hourlyPrice()));
    }
    sb.append(String.format(Locale.ROOT, "%n"));
    if (!spec.isLadder()) {
      sb.append("a search's rates depend on what it measures: the steps above are the typical "
          + "sequence, not a promise\n");
    }
    return sb.toString();
  }

  private static String pct(double share) {
    return String.format(Locale.ROOT, "%.3g%%", share * 100);
  }
}
