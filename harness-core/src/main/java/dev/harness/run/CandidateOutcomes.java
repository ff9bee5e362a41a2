package dev.harness.run;

import dev.harness.capacity.Bracket;
import dev.harness.capacity.SearchOutcome;
import dev.harness.capacity.StepReport;
import dev.harness.capacity.Verdict;
import dev.harness.cost.CandidateOutcome;
import dev.harness.cost.CapacityBracket;
import dev.harness.cost.Rejection;
import dev.harness.cost.RejectionReason;
import dev.harness.record.LatencySummary;
import dev.harness.record.Outcome;
import dev.harness.record.RequestLog;
import dev.harness.record.RequestRecord;
import dev.harness.result.CapacityResult;
import dev.harness.result.CapacityStep;
import dev.harness.result.CheckResult;
import dev.harness.result.RunResult;
import dev.harness.result.StepResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one candidate's capacity search into a {@link CandidateOutcome}: its bracket per instance
 * and the figures at the highest passing rate, or a {@link Rejection} with evidence.
 *
 * <p>Order of the rules: no successful request at all → no-successful-request (the search's end
 * reason, e.g. the probe's connection errors, as evidence); found → passed; generator-limited;
 * otherwise the evidence of the lowest failing step: mostly HTTP 429 → throttled, else its first
 * missed objective (an error-rate check gives error-rate) → slo-missed-at-lowest-rate; a search
 * that stopped with no step failing (error storm, time) → error-rate when errors exceed the SLO's
 * allowance, else slo-missed with the end reason.
 */
final class CandidateOutcomes {
  private CandidateOutcomes() {}

  /** Figures of a passing candidate besides what {@link CandidateOutcome} holds. */
  record Extras(Double p99TtftMillis, Map<String, Double> serverMetrics) {
    static final Extras NONE = new Extras(null, Map.of());
  }

  /** The outcome and its extras. */
  record Mapped(CandidateOutcome outcome, Extras extras) {}

  static Mapped of(String name, String type, int copies, int gpusPerCopy, double price,
      int instances, boolean llm, double maxErrorRate, CapacityRun.Report report) {
    RunResult r = report.result();
    SearchOutcome o = report.outcome();
    CapacityResult cap = r.capacity();
    String end = cap == null ? String.valueOf(r.stopReason()) : cap.endReason();
    if (r.totals().succeeded() == 0) {
      Rejection no = r.totals().scheduled() == 0
          ? new Rejection(name, RejectionReason.NO_SUCCESSFUL_REQUEST, end)
          : Rejection.noSuccess(name, r.totals().scheduled(), commonestFailure(r.totals()
              .outcomes()) + "; " + end);
      return rejected(type, copies, gpusPerCopy, price, no);
    }
    if (o != null && o.status() == SearchOutcome.Status.FOUND && cap != null) {
      Optional<CapacityBracket> bracket = CapacityBracket.from(cap.sustainable(), instances);
      if (bracket.isPresent()) {
        return passed(name, type, copies, gpusPerCopy, price, instances, llm, bracket.get(),
            o.bracket(), report);
      }
    }
    if (o != null && o.status() == SearchOutcome.Status.GENERATOR_LIMITED) {
      double at = o.steps().stream().filter(s -> s.verdict() == Verdict.INVALID)
          .mapToDouble(StepReport::rate).max().orElse(0);
      return rejected(type, copies, gpusPerCopy, price, Rejection.generatorLimited(name, at));
    }
    return rejected(type, copies, gpusPerCopy, price, failed(name, r, maxErrorRate, end));
  }

  private static Rejection failed(String name, RunResult r, double maxErrorRate, String end) {
    CapacityResult cap = r.capacity();
    Optional<CapacityStep> fail = cap == null ? Optional.empty() : cap.steps().stream()
        .filter(s -> "fail".equals(s.verdict()) && s.offeredRps() != null)
        .min(Comparator.comparingDouble(CapacityStep::offeredRps));
    if (fail.isPresent()) {
      CapacityStep s = fail.get();
      StepResult window = r.steps().get(s.resultStep());
      long throttled = window.outcomes().getOrDefault(Outcome.HTTP_429.label(), 0L);
      long failures = window.scheduled() - window.outcomes().getOrDefault("success", 0L);
      if (throttled > 0 && 2 * throttled >= failures) {
        return Rejection.throttled(name, throttled, window.scheduled(), s.offeredRps());
      }
      CheckResult breach = s.checks().stream().filter(c -> "fail".equals(c.verdict()))
          .findFirst().orElse(null);
      if (breach != null) {
        return Rejection.sloMissed(name, breach, s.offeredRps());
      }
    }
    long n = r.totals().scheduled();
    long throttled = r.totals().outcomes().getOrDefault(Outcome.HTTP_429.label(), 0L);
    long failures = n - r.totals().succeeded();
    Double rate = cap == null ? null : cap.steps().stream()
        .filter(s -> s.offeredRps() != null).map(CapacityStep::offeredRps)
        .max(Double::compare).orElse(null);
    if (throttled > 0 && 2 * throttled >= failures) {
      return rate != null ? Rejection.throttled(name, throttled, n, rate)
          : new Rejection(name, RejectionReason.THROTTLED, throttled + " of " + n
              + " requests throttled before any open-loop step; " + end);
    }
    if (r.totals().errorRate() > maxErrorRate) {
      return rate != null
          ? Rejection.errorRate(name, r.totals().errorRate(), maxErrorRate, n, rate)
          : new Rejection(name, RejectionReason.ERROR_RATE, String.format(Locale.ROOT,
              "%.1f %% of requests failed (%s) before any open-loop step, allowed %.1f %% "
                  + "(n = %d); %s", r.totals().errorRate() * 100,
              commonestFailure(r.totals().outcomes()), maxErrorRate * 100, n, end));
    }
    return new Rejection(name, RejectionReason.SLO_MISSED_AT_LOWEST_RATE,
        "the search stopped before any rate passed: " + end);
  }

  private static Mapped passed(String name, String type, int copies, int gpusPerCopy,
      double price, int instances, boolean llm, CapacityBracket bracket, Bracket searchBracket,
      CapacityRun.Report report) {
    RunResult r = report.result();
    StepReport pass = searchBracket.passStep();
    int index = pass == null ? -1 : pass.resultIndex();
    StepResult window = index >= 0 && index < r.steps().size() ? r.steps().get(index) : null;
    Double p99 = window == null ? null : p99(window.latencies().get("e2e"));
    Double ttft = window == null || !llm ? null : p99(window.latencies().get("ttft"));
    Double tokensPerSec = window == null || !llm || window.outputTokensPerSec() <= 0 ? null
        : window.outputTokensPerSec() / instances;
    Double median = llm && index >= 0 ? medianOutputTokens(report.directory(), index) : null;
    Map<String, Double> server = r.capacity().steps().stream()
        .filter(s -> s.resultStep() == index).findFirst()
        .map(CapacityStep::serverMetrics).orElse(Map.of());
    return new Mapped(CandidateOutcome.passed(name, type, copies, gpusPerCopy, price, bracket,
        p99, tokensPerSec, median), new Extras(ttft, server));
  }

  private static Mapped rejected(String type, int copies, int gpus, double price, Rejection why) {
    return new Mapped(CandidateOutcome.rejected(type, copies, gpus, price, why), Extras.NONE);
  }

  private static Double p99(LatencySummary s) {
    return s == null || s.n() == 0 ? null : s.p99Millis();
  }

  /** The median output tokens of the successful requests of results step {@code step}. */
  static Double medianOutputTokens(Path dir, int step) {
    Path file = dir.resolve("requests.bin");
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      List<RequestRecord> records = RequestLog.read(file);
      int[] tokens = records.stream()
          .filter(x -> x.step() == step && x.outcome() == Outcome.SUCCESS)
          .mapToInt(RequestRecord::outputTokens).sorted().toArray();
      if (tokens.length == 0) {
        return null;
      }
      int mid = tokens.length / 2;
      return tokens.length % 2 == 1 ? tokens[mid] : (tokens[mid - 1] + tokens[mid]) / 2.0;
    } catch (IOException e) {
      return null;
    }
  }

  private static String commonestFailure(Map<String, Long> outcomes) {
    return outcomes.entrySet().stream()
        .filter(e -> !e.getKey().equals("success"))
        .max(Map.Entry.comparingByValue())
        .map(e -> "most requests ended " + e.getKey() + " (" + e.getValue() + ")")
        .orElse("no outcome recorded");
  }
}
