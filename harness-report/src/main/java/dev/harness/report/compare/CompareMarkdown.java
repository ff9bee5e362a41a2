package dev.harness.report.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * The Markdown diff {@code harness compare} prints: a title, which runs were compared, one table
 * row per check (baseline, current, change, allowed change and bound, ✓ or ✗), the verdict and the
 * notes. Numbers in {@code Locale.ROOT}.
 */
public final class CompareMarkdown {
  private CompareMarkdown() {}

  public static String render(Comparison c) {
    StringBuilder b = new StringBuilder();
    b.append("## harness compare: ").append(text(c.planName())).append("\n\n");
    b.append("Current run `").append(c.currentRun()).append("` against ")
        .append(c.baselineRuns().size() == 1 ? "baseline " : c.baselineRuns().size()
            + " baselines: ");
    List<String> ids = new ArrayList<>();
    for (String id : c.baselineRuns()) {
      ids.add("`" + id + "`");
    }
    b.append(String.join(", ", ids)).append(".\n\n");
    b.append("| check | baseline | current | change | allowed | |\n");
    b.append("| --- | ---: | ---: | ---: | ---: | :-: |\n");
    for (Check k : c.checks()) {
      Quantity q = k.quantity();
      b.append("| ").append(text(k.name()))
          .append(" | ").append(baseline(k))
          .append(" | ").append(k.current() == null ? "none" : q.format(k.current()))
          .append(" | ").append(q.formatChange(k.change()))
          .append(" | ").append(k.allowedText()).append(" (")
          .append(q.higherIsWorse() ? "≤ " : "≥ ").append(q.format(k.bound())).append(")")
          .append(" | ").append(k.passed() ? "✓" : "✗").append(" |\n");
    }
    b.append('\n');
    List<Check> failed = c.failures();
    if (failed.isEmpty()) {
      b.append("**All ").append(c.checks().size()).append(" checks hold.**\n");
    } else {
      b.append("**").append(failed.size()).append(" of ").append(c.checks().size())
          .append(" checks failed:**\n\n");
      for (Check k : failed) {
        b.append("- ").append(text(k.message())).append('\n');
      }
    }
    if (!c.notes().isEmpty()) {
      b.append("\nNotes:\n\n");
      for (String n : c.notes()) {
        b.append("- ").append(text(n)).append('\n');
      }
    }
    return b.toString();
  }

  /** The reference, with the baselines' range when there are several. */
  private static String baseline(Check k) {
    Quantity q = k.quantity();
    String ref = q.format(k.baseline());
    if (k.baselineValues().size() < 2) {
      return ref;
    }
    double lo = k.baselineValues().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double hi = k.baselineValues().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    return ref + " (" + q.format(lo) + " – " + q.format(hi) + ")";
  }

  /** Text safe in a table cell and in running Markdown. */
  static String text(String s) {
    return s == null ? "" : s.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*")
        .replace("_", "\\_").replace("<", "&lt;").replace("\n", " ");
  }
}
