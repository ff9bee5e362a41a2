package dev.harness.capacity;

import dev.harness.config.CapacitySpec;
import dev.harness.time.NanoClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The search loop: asks the strategy for the next step, runs it, and stops on the strategy's
 * answer or on a bound of the plan (maximum duration, maximum requests), an error storm, or a stop
 * from outside (Ctrl-C), each reported as the reason the search ended.
 *
 * <pre>{@code
 * CapacitySearch search = new CapacitySearch(strategy, runner, spec, clock, listener);
 * SearchOutcome out = search.run();
 * }</pre>
 */
public final class CapacitySearch {
  private final SearchStrategy strategy;
  private final StepRunner runner;
  private final CapacitySpec spec;
  private final NanoClock clock;
  private final SearchListener listener;
  private volatile String stopReason;

  public CapacitySearch(
      SearchStrategy strategy,
      StepRunner runner,
      CapacitySpec spec,
      NanoClock clock,
      SearchListener listener) {
    this.strategy = strategy;
    this.runner = runner;
    this.spec = spec;
    this.clock = clock;
    this.listener = listener;
  }

  /** Ends the search after the current step (whose runner should be stopped separately). */
  public void stop(String reason) {
    stopReason = reason;
  }

  public SearchOutcome run() throws InterruptedException {
    long start = clock.nanoTime();
    List<StepReport> history = new ArrayList<>();
    long requests = 0;
    String end = null;
    boolean strategyEnded = false;
    while (end == null) {
      if (stopReason != null) {
        end = stopReason;
        break;
      }
      long elapsed = clock.nanoTime() - start;
      if (elapsed >= spec.maxDuration().toNanos()) {
        end = "max-duration " + spec.maxDuration() + " reached";
        break;
      }
      if (spec.maxRequests() > 0 && requests >= spec.maxRequests()) {
        end = "max-requests " + spec.maxRequests() + " reached";
        break;
      }
      Optional<StepPlan> next = strategy.next(history);
      if (next.isEmpty()) {
        end = strategy.endReason(history);
        strategyEnded = true;
        break;
      }
      int index = history.size();
      listener.stepStarting(index, next.get());
      StepReport report = runner.run(next.get(), index, history);
      history.add(report);
      requests += report.n();
      listener.stepFinished(index, report, strategy.bracket(history, spec.precision()));
      String abort = runner.abortReason();
      if (abort != null) {
        end = abort;
      } else if (stopReason != null) {
        end = stopReason;
      }
    }
    Bracket bracket = strategy.bracket(history, spec.precision());
    return new SearchOutcome(status(history, bracket, strategyEnded), end, history, bracket);
  }

  private static SearchOutcome.Status status(
      List<StepReport> history, Bracket b, boolean strategyEnded) {
    StepReport invalid = Invalids.repeatedOrLast(history);
    if (invalid != null && Invalids.count(history, invalid) >= 2) {
      return SearchOutcome.Status.GENERATOR_LIMITED;
    }
    if (!Double.isNaN(b.highestPass())) {
      return SearchOutcome.Status.FOUND;
    }
    if (!Double.isNaN(b.lowestFail()) && strategyEnded) {
      return SearchOutcome.Status.NONE_PASSED;
    }
    return SearchOutcome.Status.STOPPED;
  }
}
