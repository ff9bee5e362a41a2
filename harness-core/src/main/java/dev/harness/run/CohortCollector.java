package dev.harness.run;

import dev.harness.capacity.Sample;
import dev.harness.record.Outcome;
import dev.harness.record.RequestRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Gathers the measured step's cohort from the request records as they are written (once a second,
 * on the engine's interval thread) and turns each into the {@link Sample} the verdict judges.
 * {@link #sample} is public so that verdicts can be judged again from {@code requests.bin}
 * ({@code harness report --slo}) with the same definitions.
 */
public final class CohortCollector implements Consumer<RequestRecord> {
  private final int step;
  private final long timeoutNanos;
  private final List<Sample> samples = new ArrayList<>();

  CohortCollector(int step, long timeoutNanos) {
    this.step = step;
    this.timeoutNanos = timeoutNanos;
  }

  @Override
  public synchronized void accept(RequestRecord r) {
    if (r.step() == step) {
      samples.add(sample(r, timeoutNanos));
    }
  }

  /** A copy of the cohort so far. */
  synchronized List<Sample> snapshot() {
    return new ArrayList<>(samples);
  }

  /**
   * The sample the verdict judges for one request: e2e from the intended time (the timeout for a
   * timeout), TTFT from the intended time, TPOT = (e2e − TTFT) / (output tokens − 1).
   */
  public static Sample sample(RequestRecord r, long timeoutNanos) {
    Outcome o = r.outcome();
    long e2e = -1;
    if (o == Outcome.SUCCESS && r.lastByte() >= 0) {
      e2e = r.lastByte() - r.intended();
    } else if (o == Outcome.TIMEOUT) {
      e2e = timeoutNanos;
    }
    long ttft = o == Outcome.SUCCESS && r.firstToken() >= 0 ? r.firstToken() - r.intended() : -1;
    long tpot = -1;
    if (ttft >= 0 && e2e >= 0 && r.outputTokens() >= 2) {
      tpot = (e2e - ttft) / (r.outputTokens() - 1);
    }
    return new Sample(r.intended(), o, e2e, ttft, tpot);
  }
}
