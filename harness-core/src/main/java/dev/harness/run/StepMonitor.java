package dev.harness.run;

import dev.harness.capacity.Sample;
import dev.harness.capacity.SloJudge;
import dev.harness.capacity.StepPlan;
import dev.harness.capacity.Verdict;
import dev.harness.config.CapacitySpec;
import dev.harness.engine.Progress;
import dev.harness.record.Outcome;
import dev.harness.traffic.ArrivalProcess;
import dev.harness.traffic.Schedule;
import dev.harness.traffic.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Watches one capacity step once a second (on the engine's interval thread): in-flight samples of
 * the window, the error storm, and the early end of a step whose verdict is already clear.
 */
final class StepMonitor {
  private static final long JUDGE_EVERY_NANOS = 2_000_000_000L;

  private final StepPlan step;
  private final Step window;
  private final CohortCollector cohort;
  private final SloJudge judge;
  private final CapacitySpec spec;
  private final long timeoutNanos;
  private final boolean earlyEnd;
  private final String label;
  private final Consumer<String> stopStep;
  private final long[] intended;
  private final List<Double> inFlight = new ArrayList<>();
  private final List<Double> waiting = new ArrayList<>();
  private final ServerWatch server;
  private long lastJudged;
  private long lastErrors;
  private int stormSeconds;
  private volatile String storm;

  /**
   * @param earlyEnd the step may end once conclusive (open loop, and no per-token objective: token
   *     gaps are only known after the step)
   * @param label the step in the error-storm message, e.g. "12.5 req/s"
   * @param stopStep ends the running step with a reason
   */
  StepMonitor(StepPlan step, Step window, Schedule schedule, CohortCollector cohort,
      SloJudge judge, CapacitySpec spec, long timeoutNanos, boolean earlyEnd, String label,
      ServerWatch server, Consumer<String> stopStep) {
    this.server = server;
    this.step = step;
    this.window = window;
    this.cohort = cohort;
    this.judge = judge;
    this.spec = spec;
    this.timeoutNanos = timeoutNanos;
    this.earlyEnd = earlyEnd;
    this.label = label;
    this.stopStep = stopStep;
    this.intended = earlyEnd ? windowArrivals(schedule, window) : new long[0];
  }

  /** Requests in flight, one sample per second of the measured window. */
  double[] inFlight() {
    synchronized (inFlight) {
      return inFlight.stream().mapToDouble(Double::doubleValue).toArray();
    }
  }

  /** The server's waiting queue, one sample per second of the window; null if it says nothing. */
  double[] waiting() {
    synchronized (inFlight) {
      return waiting.isEmpty() ? null
          : waiting.stream().mapToDouble(Double::doubleValue).toArray();
    }
  }

  /** Why an error storm stopped the step, or null. */
  String storm() {
    return storm;
  }

  void onProgress(Progress p) {
    long t = p.elapsedNanos();
    boolean inWindow = t >= window.startOffsetNanos() && t < window.endOffsetNanos()
        && !p.draining();
    if (inWindow) {
      java.util.OptionalDouble queued = server.waiting();
      synchronized (inFlight) {
        inFlight.add((double) p.inFlight());
        queued.ifPresent(waiting::add);
      }
    }
    checkStorm(p);
    long into = t - window.startOffsetNanos();
    if (earlyEnd && inWindow && into >= step.minDuration().toNanos()
        && t - lastJudged >= JUDGE_EVERY_NANOS) {
      lastJudged = t;
      if (conclusive(t)) {
        stopStep.accept("step concluded");
      }
    }
  }

  private void checkStorm(Progress p) {
    long errors = p.errors() - lastErrors;
    lastErrors = p.errors();
    double finished = errors + p.completedRps();
    if (finished >= 5 && errors / finished > spec.errorStormRate()) {
      stormSeconds++;
    } else {
      stormSeconds = 0;
    }
    if (stormSeconds >= Math.max(1, spec.errorStormFor().toSeconds()) && storm == null) {
      storm = String.format(Locale.ROOT,
          "error storm: more than %.0f%% of requests failed for %d s at %s",
          spec.errorStormRate() * 100, stormSeconds, label);
      stopStep.accept(storm);
    }
  }

  /** Both extremes of the still-unknown requests give the same conclusive verdict. */
  private boolean conclusive(long now) {
    List<Sample> known = cohort.snapshot();
    int unknown = Math.max(0, countBefore(intended, now) - known.size());
    long after = Long.MAX_VALUE / 2; // unknown requests are the latest of the cohort
    List<Sample> best = new ArrayList<>(known);
    List<Sample> worst = new ArrayList<>(known);
    for (int i = 0; i < unknown; i++) {
      best.add(new Sample(after, Outcome.SUCCESS, 1, -1, -1));
      worst.add(new Sample(after, Outcome.TIMEOUT, timeoutNanos, -1, -1));
    }
    Verdict b = judge.judge(best, Map.of()).verdict();
    Verdict w = judge.judge(worst, Map.of()).verdict();
    return b == w && b != Verdict.INCONCLUSIVE;
  }

  /** Intended offsets (from the engine origin) of the window's arrivals, in order. */
  private static long[] windowArrivals(Schedule schedule, Step window) {
    ArrivalProcess a = schedule.arrivals();
    long[] out = new long[1024];
    int n = 0;
    for (long t = a.nextIntendedNanos(); t != ArrivalProcess.END; t = a.nextIntendedNanos()) {
      if (t < window.startOffsetNanos()) {
        continue;
      }
      if (t >= window.endOffsetNanos()) {
        break;
      }
      if (n == out.length) {
        out = Arrays.copyOf(out, n * 2);
      }
      out[n++] = t;
    }
    return Arrays.copyOf(out, n);
  }

  private static int countBefore(long[] sorted, long t) {
    int i = Arrays.binarySearch(sorted, t);
    return i >= 0 ? i : -i - 1;
  }
}
