package dev.harness.run;

import dev.harness.capacity.Bracket;
import dev.harness.capacity.CapacitySearch;
import dev.harness.capacity.SearchListener;
import dev.harness.capacity.SearchOutcome;
import dev.harness.capacity.SearchStrategy;
import dev.harness.capacity.StepKind;
import dev.harness.capacity.StepReport;
import dev.harness.config.CapacitySpec;
import dev.harness.config.Plan;
import dev.harness.config.PlanException;
import dev.harness.engine.EngineListener;
import dev.harness.payload.PayloadException;
import dev.harness.record.IntervalLog;
import dev.harness.record.RequestLog;
import dev.harness.result.CapacityResult;
import dev.harness.result.CapacityStep;
import dev.harness.result.GeneratorSummary;
import dev.harness.result.ResultsJson;
import dev.harness.result.RunResult;
import dev.harness.result.StepResult;
import dev.harness.result.Totals;
import dev.harness.time.NanoClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One {@code harness capacity}: the search for the highest rate the endpoint sustains within its
 * SLO, step by step on the real engine, written to {@code <output>/<run-id>/} as results.json
 * (with the capacity curve, every verdict and the bracket), latency.hlog and requests.bin. Ctrl-C
 * or a failure still writes every step measured so far.
 *
 * <pre>{@code
 * CapacityRun run = CapacityRun.prepare(plan, warnings, System.getenv(), clock, "1.0", loops);
 * CapacityRun.Report report = run.execute(searchListener, engineListener);
 * }</pre>
 */
public final class CapacityRun {
  private final Plan plan;
  private final RunInputs inputs;
  private final RunContext ctx;
  private final LateMetrics late;
  private volatile SearchListener listener = SearchListener.NONE;
  private volatile EngineStepRunner runner;
  private volatile CapacitySearch search;
  private volatile String earlyStop;

  private CapacityRun(Plan plan, RunInputs inputs, RunContext ctx, LateMetrics late) {
    this.late = late;
    this.plan = plan;
    this.inputs = inputs;
    this.ctx = ctx;
  }

  /** What a search produced: the written results and the search's own outcome. */
  public record Report(RunResult result, SearchOutcome outcome, Path directory) {}

  /** Opens payloads, resolves secrets, checks the first request and creates the run directory. */
  public static CapacityRun prepare(
      Plan plan,
      List<String> planWarnings,
      Map<String, String> env,
      NanoClock clock,
      String harnessVersion,
      int eventLoops)
      throws IOException, PayloadException, PlanException {
    return prepare(plan, planWarnings, env, clock, harnessVersion, eventLoops, null);
  }

  /** As {@link #prepare(Plan, List, Map, NanoClock, String, int)}, writing into {@code dir}. */
  static CapacityRun prepare(
      Plan plan,
      List<String> planWarnings,
      Map<String, String> env,
      NanoClock clock,
      String harnessVersion,
      int eventLoops,
      Path dir)
      throws IOException, PayloadException, PlanException {
    List<String> warnings = new ArrayList<>(planWarnings);
    if (!plan.phases().isEmpty()) {
      warnings.add("phases: ignored by harness capacity (the search chooses its own steps; use "
          + "capacity.ladder for fixed rates)");
    }
    LateMetrics late = LateMetrics.open(plan); // credentials first: nothing is created without
    RunInputs in;
    try {
      in = RunInputs.open(plan, warnings, env, clock, 0, dir);
    } catch (IOException | PayloadException | PlanException | RuntimeException e) {
      late.close();
      throw e;
    }
    return new CapacityRun(plan, in, new RunContext(in.headers(), in.payloads(), in.protocol(),
        in.transport(), clock, harnessVersion, eventLoops), late);
  }

  public Path directory() {
    return inputs.directory();
  }

  public List<String> warnings() {
    return inputs.warnings();
  }

  /** Stops the search: the current step ends (its cohort drains), then results are written. */
  public void stop(String reason) {
    earlyStop = reason;
    CapacitySearch s = search;
    if (s != null) {
      s.stop(reason);
    }
    EngineStepRunner r = runner;
    if (r != null) {
      r.stop(reason);
    }
  }

  /** Runs the search and writes every output; returns what was written. */
  public Report execute(SearchListener searchListener, EngineListener engineListener)
      throws IOException, InterruptedException {
    NanoClock clock = ctx.clock();
    this.listener = searchListener;
    late.onProgress(searchListener::note);
    late.start();
    CapacitySpec spec = plan.capacity();
    Path dir = inputs.directory();
    long startWall = clock.wallClockMillis();
    long logOrigin = clock.nanoTime();
    SearchOutcome outcome = null;
    Throwable failure = null;
    Probe probe = new Probe(plan, ctx);
    double idleMillis = Double.NaN;
    EngineStepRunner steps = null;
    try (ServerWatch server = ServerWatch.start(plan, clock);
        IntervalLog hlog = new IntervalLog(dir.resolve("latency.hlog"), startWall,
            "harness " + ctx.version() + " capacity " + dir.getFileName());
        RequestLog requestLog = new RequestLog(dir.resolve("requests.bin"), startWall)) {
      requestLog.originWallMillis(startWall);
      idleMillis = probe.idleLatencyMillis();
      if (Double.isNaN(idleMillis)) {
        throw new EndpointDown("no probe request to " + plan.target().url() + " succeeded ("
            + probe.lastOutcomes() + "); nothing else was sent");
      }
      double startRate = !Double.isNaN(spec.startRate()) ? spec.startRate()
          : Double.isNaN(idleMillis) ? spec.minRate() : 500.0 / Math.max(idleMillis, 0.1);
      steps = new EngineStepRunner(plan, ctx, hlog, requestLog, logOrigin, engineListener,
          probe, server);
      runner = steps;
      CapacitySearch s = new CapacitySearch(
          SearchStrategy.of(spec, plan.target().protocol().isLlm(), startRate), steps, spec,
          clock, searchListener);
      search = s;
      if (earlyStop != null) {
        s.stop(earlyStop);
        steps.stop(earlyStop);
      }
      outcome = s.run();
    } catch (EndpointDown down) {
      outcome = new SearchOutcome(SearchOutcome.Status.STOPPED, down.getMessage(), List.of(),
          Bracket.of(List.of(), spec.precision()));
    } catch (RuntimeException | Error ex) {
      failure = ex;
    } finally {
      inputs.payloads().close();
    }
    List<String> lateWarnings = new ArrayList<>();
    if (steps != null && late.present() && failure == null) {
      lateMetrics(steps, lateWarnings);
    }
    late.close();
    RunResult result = assemble(outcome, failure, steps, idleMillis, startWall,
        clock.wallClockMillis(), lateWarnings);
    ResultsJson.write(result, dir);
    if (failure instanceof RuntimeException) {
      throw (RuntimeException) failure;
    }
    if (failure instanceof Error) {
      throw (Error) failure;
    }
    return new Report(result, outcome, dir);
  }

  /** CloudWatch's figures joined to each step's window, read once after the search. */
  private void lateMetrics(EngineStepRunner steps, List<String> warnings) {
    List<dev.harness.metrics.cloudwatch.StepWindow> windows = steps.windows();
    listener.note("reading CloudWatch metrics for " + windows.size() + " step(s)");
    List<Map<String, Double>> figures = late.fetch(windows);
    List<CapacityStep> capSteps = steps.capacitySteps();
    for (int i = 0; i < capSteps.size() && i < figures.size(); i++) {
      capSteps.set(i, capSteps.get(i).withServerMetrics(figures.get(i)));
    }
    warnings.addAll(late.warnings(windows));
  }

  private RunResult assemble(SearchOutcome outcome, Throwable failure, EngineStepRunner steps,
      double idleMillis, long startWall, long endWall, List<String> lateWarnings) {
    List<String> warnings = new ArrayList<>(inputs.warnings());
    warnings.addAll(lateWarnings);
    List<StepResult> stepResults = steps == null ? List.of() : steps.stepResults();
    List<CapacityStep> capSteps = steps == null ? List.of() : steps.capacitySteps();
    Map<String, Long> outcomes = new TreeMap<>();
    long scheduled = 0;
    long tokens = 0;
    for (StepResult s : stepResults) {
      scheduled += s.scheduled();
      tokens += s.outputTokens();
      s.outcomes().forEach((k, v) -> outcomes.merge(k, v, Long::sum));
    }
    long ok = outcomes.getOrDefault("success", 0L);
    RunFacts facts = new RunFacts(plan, ctx.payloads(), ctx.version());
    String stopReason = failure != null ? "internal error: " + failure
        : outcome == null ? "did not start" : outcome.endReason();
    boolean interrupted = failure != null || outcome == null || earlyStop != null;
    return new RunResult(
        RunResult.SCHEMA_VERSION,
        inputs.directory().getFileName().toString(),
        "capacity",
        Instant.ofEpochMilli(startWall),
        Instant.ofEpochMilli(endWall),
        interrupted,
        stopReason,
        plan.seed(),
        facts.versions(),
        facts.planSummary(),
        facts.payloadSummary(),
        new GeneratorSummary(ctx.transport().sdkMetrics() != null ? "aws-sdk" : "netty",
            ctx.eventLoops(), plan.limits().maxInFlight(),
            plan.limits().connections(), 0, 0, 0, 0, 0, 0, ResultAssembler.sdk(ctx.transport())),
        List.of(new RunResult.Anchor(0, startWall)),
        stepResults,
        new Totals(scheduled, ok, outcomes,
            scheduled == 0 ? 0 : (scheduled - ok) / (double) scheduled, tokens,
            (endWall - startWall) / 1000.0),
        warnings,
        capacity(outcome, capSteps, idleMillis));
  }

  private CapacityResult capacity(SearchOutcome outcome, List<CapacityStep> steps,
      double idleMillis) {
    CapacitySpec spec = plan.capacity();
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("precision", spec.precision());
    settings.put("confidence", spec.confidence());
    settings.put("trialDurationSeconds", spec.trialDuration().toMillis() / 1000.0);
    settings.put("finalDurationSeconds", spec.finalDuration().toMillis() / 1000.0);
    settings.put("maxStepDurationSeconds", spec.maxStepDuration().toMillis() / 1000.0);
    settings.put("minRate", spec.minRate());
    settings.put("maxRate", spec.maxRate());
    if (spec.isLadder()) {
      settings.put("ladder", spec.ladder());
    }
    if (plan.target().protocol().isLlm()) {
      settings.put("saturationConcurrency", spec.saturationConcurrency());
    }
    Double saturation = null;
    CapacityResult.Sustainable sustainable = null;
    Integer firstFailing = null;
    dev.harness.result.CheckResult breach = null;
    String status = "stopped";
    String end = outcome == null ? "did not start" : outcome.endReason();
    if (outcome != null) {
      for (StepReport r : outcome.steps()) {
        if (r.plan().kind() == StepKind.SATURATION) {
          saturation = r.achievedRps();
        }
      }
      Bracket b = outcome.bracket();
      sustainable = new CapacityResult.Sustainable(
          EngineStepRunner.finite(b.highestPass()),
          EngineStepRunner.finite(b.highestPass()),
          b.passConfirmed(),
          EngineStepRunner.finite(b.lowestFail()),
          b.failConfirmed(),
          EngineStepRunner.finite(b.pointEstimate()),
          EngineStepRunner.finite(b.isotonicCrossing()),
          spec.precision(),
          EngineStepRunner.finite(b.relativeWidth()),
          b.precisionReached());
      if (b.failStep() != null) {
        int idx = outcome.steps().indexOf(b.failStep());
        firstFailing = idx;
        if (idx >= 0 && idx < steps.size()) {
          for (dev.harness.result.CheckResult c : steps.get(idx).checks()) {
            if ("fail".equals(c.verdict())) {
              breach = c;
              break;
            }
          }
        }
      }
      status = outcome.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
    return new CapacityResult(spec.isLadder() ? "ladder" : "search", status, end, settings,
        EngineStepRunner.finite(idleMillis), saturation, sustainable, firstFailing, breach, steps);
  }

  /** The endpoint answered no probe before the search: data for the results, not a crash. */
  private static final class EndpointDown extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EndpointDown(String message) {
      super(message, null, false, false);
    }
  }

}
