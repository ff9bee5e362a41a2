package dev.harness.cli;

import com.fasterxml.jackson.core.JacksonException;
import dev.harness.report.compare.Compare;
import dev.harness.report.compare.CompareJunit;
import dev.harness.report.compare.CompareMarkdown;
import dev.harness.report.compare.ComparedRun;
import dev.harness.report.compare.Comparison;
import dev.harness.report.compare.Check;
import dev.harness.report.compare.NotComparableException;
import dev.harness.report.compare.Tolerances;
import dev.harness.result.ResultsJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code harness compare BASELINE_DIR... CURRENT_DIR}: the nightly regression gate. Prints a
 * Markdown diff, writes junit.xml on request, exits 0 when every check holds, 1 on a regression,
 * 6 when the runs cannot be compared and 70 when compare itself could not finish.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compare a run with one or more baseline runs of the same plan and payload set: the",
      "capacity curve at the current run's offered rates (baselines interpolated linearly in",
      "rate) - p99 end-to-end, TTFT and ITL, error rate, achieved/offered - the sustainable",
      "rate and, for recommend results, the fleet cost. A check fails when the current value",
      "moves the wrong way by more than twice the spread among the baselines, at least the",
      "floor. Prints a Markdown table; --junit writes one test case per check.",
      "Typical nightly use: harness capacity plan.yaml --ladder-from baseline/ --out current",
      "then harness compare baseline*/ current/<run-id> --junit junit.xml"
    },
    footer = ExitCodes.HELP)
final class CompareCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "2..*", paramLabel = "DIR",
      description = "Results directories: the baselines, then the current run last.")
  List<Path> dirs;

  @Option(names = "--junit", paramLabel = "FILE",
      description = "Write JUnit XML: one test case per check (suite \"harness compare\").")
  Path junit;

  @Option(names = "--markdown", paramLabel = "FILE",
      description = "Also write the Markdown diff to FILE.")
  Path markdown;

  @Option(names = "--tolerance-floor", paramLabel = "PCT", defaultValue = "5%",
      description = "Smallest tolerance of latencies, rates and cost (default: ${DEFAULT-VALUE}).")
  String toleranceFloor;

  @Option(names = "--error-rate-floor", paramLabel = "PP", defaultValue = "0.5pp",
      description = "Smallest tolerance of the error rate, in percentage points "
          + "(default: ${DEFAULT-VALUE}).")
  String errorRateFloor;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Tolerances tolerances = tolerances();
    List<ComparedRun> runs = new ArrayList<>();
    for (Path d : dirs) {
      ComparedRun r = read(d, err);
      if (r == null) {
        return ExitCodes.INVALID_INPUT;
      }
      runs.add(r);
    }
    List<ComparedRun> baselines = runs.subList(0, runs.size() - 1);
    ComparedRun current = runs.get(runs.size() - 1);
    try {
      Comparison c;
      try {
        c = Compare.compare(baselines, current, tolerances);
      } catch (NotComparableException e) {
        err.println("not comparable:");
        e.differences().forEach(d -> err.println("  " + d));
        err.flush();
        if (junit != null) {
          CompareJunit.write(CompareJunit.renderNotComparable(e.differences()), junit);
        }
        return ExitCodes.NOT_COMPARABLE;
      }
      String md = CompareMarkdown.render(c);
      out.print(md);
      out.flush();
      if (markdown != null) {
        Path abs = markdown.toAbsolutePath();
        if (abs.getParent() != null) {
          Files.createDirectories(abs.getParent());
        }
        Files.writeString(abs, md, StandardCharsets.UTF_8);
      }
      if (junit != null) {
        CompareJunit.write(CompareJunit.render(c), junit);
      }
      List<Check> failed = c.failures();
      if (failed.isEmpty()) {
        err.printf(Locale.ROOT, "compare: all %d checks hold%n", c.checks().size());
      } else {
        err.printf(Locale.ROOT, "compare: %d of %d checks failed%n", failed.size(),
            c.checks().size());
        failed.forEach(k -> err.println("  " + k.message()));
      }
      err.flush();
      return failed.isEmpty() ? ExitCodes.OK : ExitCodes.REGRESSION;
    } catch (IOException e) {
      err.println("error: could not write an output: " + e);
      err.flush();
      return ExitCodes.COMPARE_FAILED;
    } catch (RuntimeException e) {
      err.println("internal error: " + e);
      e.printStackTrace(err);
      err.flush();
      return ExitCodes.COMPARE_FAILED;
    }
  }

  private Tolerances tolerances() {
    try {
      return Tolerances.DEFAULT
          .withRelativeFloor(share("--tolerance-floor", toleranceFloor, "%"))
          .withErrorRateFloor(share("--error-rate-floor", errorRateFloor, "pp"));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** "5%" → 0.05; "0.5pp" (or "0.5%") → 0.005. The unit is required, so nothing is guessed. */
  private static double share(String option, String text, String unit) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    String number;
    if (t.endsWith(unit)) {
      number = t.substring(0, t.length() - unit.length());
    } else if (t.endsWith("%")) {
      number = t.substring(0, t.length() - 1);
    } else {
      throw new IllegalArgumentException(option + ": write a percentage with its unit, e.g. 5"
          + unit + ", got '" + text + "'");
    }
    try {
      double v = Double.parseDouble(number.trim());
      if (!(v >= 0 && v < 100)) {
        throw new IllegalArgumentException(option + ": must be from 0 to below 100, got '"
            + text + "'");
      }
      return v / 100;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": not a number: '" + text + "'");
    }
  }

  /** The run in {@code dir}, or null after an error line when it is no results directory. */
  static ComparedRun read(Path dir, PrintWriter err) {
    Path json = Files.isDirectory(dir) ? dir.resolve(ResultsJson.FILE_NAME) : dir;
    if (!Files.isRegularFile(json)) {
      err.println("error: " + dir + " has no " + ResultsJson.FILE_NAME
          + " (not a results directory)");
      err.flush();
      return null;
    }
    try {
      return ComparedRun.read(dir);
    } catch (JacksonException e) {
      err.println("error: " + json + ": not a results file: " + e.getOriginalMessage());
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
    }
    err.flush();
    return null;
  }
}
