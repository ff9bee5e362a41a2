package dev.harness.cli;

import dev.harness.capacity.DryRun;
import dev.harness.config.CandidateSpec;
import dev.harness.config.CapacitySpec;
import dev.harness.config.DurationParser;
import dev.harness.config.RecommendPlan;
import dev.harness.run.RecommendPrices;
import dev.harness.sim.SimProfile;
import dev.harness.sim.SimProfileException;
import dev.harness.sim.SimProfiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The text of {@code harness recommend --dry-run}: per candidate its price, the capacity search's
 * expected time ({@link DryRun}) and instance-hours; then the totals (time summed when the
 * candidates run one after another, the longest when in parallel). Simulated candidates cost no
 * instance-hours; declared incompatible ones (in the plan or in their simulator profile) are not
 * run, and a simulated model that does not fit is rejected at its health check.
 */
final class RecommendDryRun {
  private RecommendDryRun() {}

  static String render(RecommendPlan plan, RecommendPrices prices, List<Path> bases)
      throws SimProfileException {
    CapacitySpec spec = plan.base().capacity();
    boolean llm = plan.base().target().protocol().isLlm();
    DryRun.Estimate e = DryRun.of(spec, llm, Duration.ofSeconds(llm ? 10 : 2));
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "recommend %s: %d candidates, %s; nothing is sent%n",
        plan.base().name(), plan.candidates().size(),
        plan.parallel() ? "at the same time" : "one after another"));
    sb.append(String.format(Locale.ROOT, "%-3s %-22s %-18s %9s %-28s %15s %10s%n", "#",
        "candidate", "instance type", "$/h", "expected time", "instance-hours", "cost $"));
    Duration shortest = Duration.ZERO;
    Duration longest = Duration.ZERO;
    double hours = 0;
    double cost = 0;
    int i = 1;
    for (CandidateSpec c : plan.candidates()) {
      double price = prices.pricePerHour(c);
      String time;
      String h;
      String money;
      String skip = c.declaredIncompatible() ? "not run (incompatible)" : null;
      if (skip == null && c.simulated()) {
        SimProfile p = SimProfiles.resolve(c.simProfile(), bases);
        skip = p.incompatible() != null ? "not run (incompatible)"
            : p.loadFailure() != null ? "health check (does not fit)" : null;
      }
      if (skip != null) {
        time = skip;
        h = "-";
        money = "-";
      } else {
        time = DurationParser.format(e.shortest()) + "–" + DurationParser.format(e.longest());
        if (plan.parallel()) {
          shortest = max(shortest, e.shortest());
          longest = max(longest, e.longest());
        } else {
          shortest = shortest.plus(e.shortest());
          longest = longest.plus(e.longest());
        }
        if (c.simulated()) {
          h = "0 (simulated)";
          money = "0";
        } else {
          double ih = e.longest().toMillis() / 3_600_000.0 * c.instances();
          hours += ih;
          cost += ih * price;
          h = String.format(Locale.ROOT, "%.2f", ih);
          money = String.format(Locale.ROOT, "%.2f", ih * price);
        }
      }
      sb.append(String.format(Locale.ROOT, "%-3d %-22s %-18s %9.3f %-28s %15s %10s%n", i++,
          c.name(), c.instanceType(), price, time, h, money));
    }
    sb.append(String.format(Locale.ROOT, "expected time: %s to %s (each search bounded by "
            + "capacity.max-duration %s)%n", DurationParser.format(shortest),
        DurationParser.format(longest), DurationParser.format(spec.maxDuration())));
    sb.append(String.format(Locale.ROOT, "instance-hours: at most %.2f, about $%.2f on %s "
        + "prices%n", hours, cost, plan.platform().key()));
    sb.append("a search's rates depend on what it measures: times are the typical sequence, "
        + "not a promise\n");
    return sb.toString();
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
