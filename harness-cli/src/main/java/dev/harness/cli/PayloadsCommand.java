package dev.harness.cli;

import dev.harness.payload.PayloadSet;
import dev.harness.payload.PayloadStats;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code harness payloads ...}: look at payload sets before replaying them. */
@Command(
    name = "payloads",
    mixinStandardHelpOptions = true,
    description = "Inspect payload sets (JSONL).",
    subcommands = {PayloadsCommand.Inspect.class})
final class PayloadsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** {@code harness payloads inspect FILE}. */
  @Command(
      name = "inspect",
      mixinStandardHelpOptions = true,
      description = {
        "Print a payload set's count, body size, prompt-token and max-token percentiles, and a",
        "histogram of prompt lengths. The file is read once, streaming; a malformed line is an",
        "error naming its line number unless --skip-bad-lines is given."
      },
      footer = ExitCodes.HELP)
  static final class Inspect implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "JSONL payload file.")
    Path file;

    @Option(names = "--skip-bad-lines", description = "Skip and count malformed lines.")
    boolean skipBadLines;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      try (PayloadSet set = PayloadSet.open(file, skipBadLines)) {
        out.print(render(set));
        out.flush();
      }
      return ExitCodes.OK;
    }
  }

  static String render(PayloadSet set) {
    PayloadStats s = set.stats();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s: %d payloads", set.file(), s.count()));
    if (set.skippedLines() > 0) {
      sb.append(String.format(Locale.ROOT, ", %d malformed line(s) skipped", set.skippedLines()));
    }
    sb.append("\n\n");
    sb.append(
        String.format(
            Locale.ROOT, "%-22s %6s %8s %8s %8s %8s %8s %9s%n",
            "", "n", "min", "p50", "p90", "p99", "max", "mean"));
    row(sb, "body bytes", s.bodyBytes());
    row(sb, "prompt tokens" + (s.promptTokensEstimated() ? " (est.)" : ""), s.promptTokens());
    row(sb, "max tokens", s.maxTokens());
    long[] counts = s.promptTokenHistogramCounts();
    long[] bounds = s.histogramUpperBounds();
    if (counts.length > 0) {
      sb.append("\nprompt tokens").append(s.promptTokensEstimated() ? " (estimated: ~4 chars/token)" : "").append('\n');
      long most = 1;
      for (long c : counts) {
        most = Math.max(most, c);
      }
      int first = 0;
      while (first < counts.length - 1 && counts[first] == 0) {
        first++; // leading empty buckets say nothing
      }
      for (int i = first; i < counts.length; i++) {
        long lo = i == 0 ? 0 : bounds[i - 1] + 1;
        int bar = (int) Math.round(40.0 * counts[i] / most);
        sb.append(
            String.format(
                Locale.ROOT, "%6d – %-6d %6d  %s%n", lo, bounds[i], counts[i], "█".repeat(bar)));
      }
    }
    if (s.promptTokensEstimated()) {
      sb.append(
          "\nnote: prompt lengths without prompt_tokens are estimated at ~4 characters per token\n");
    }
    return sb.toString();
  }

  private static void row(StringBuilder sb, String name, PayloadStats.Summary x) {
    if (x.n() == 0) {
      sb.append(String.format(Locale.ROOT, "%-22s %6d %8s%n", name, 0, "-"));
      return;
    }
    sb.append(
        String.format(
            Locale.ROOT, "%-22s %6d %8d %8d %8d %8d %8d %9.1f%n",
            name, x.n(), x.min(), x.p50(), x.p90(), x.p99(), x.max(), x.mean()));
  }
}
