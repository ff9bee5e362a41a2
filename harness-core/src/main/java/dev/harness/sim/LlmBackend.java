package dev.harness.sim;

import dev.harness.time.DeadlineTimer;
import dev.harness.time.NanoClock;
import java.util.HashMap;
import java.util.Map;

/**
 * Drives an {@link LlmModel} in real time. The step starting at {@code t} is computed once every
 * arrival up to {@code t} is known: at the arrival itself when the engine was idle, else when the
 * previous step ends. Its tokens are delivered at its end by the {@link DeadlineTimer}, which then
 * computes the next step. Virtual times are nanoseconds since the server's origin.
 */
final class LlmBackend implements Backend {
  private final LlmModel model;
  private final DeadlineTimer timer;
  private final NanoClock clock;
  private final long origin;
  private final TruthLog truths;
  private final Map<Long, LlmCall> calls = new HashMap<>();
  private boolean stepPending;
  private long stepEnd;

  LlmBackend(LlmModel model, DeadlineTimer timer, NanoClock clock, long origin, TruthLog truths) {
    this.model = model;
    this.timer = timer;
    this.clock = clock;
    this.origin = origin;
    this.truths = truths;
  }

  boolean fits(int promptTokens, int outputTokens) {
    return model.fits(promptTokens, outputTokens);
  }

  long kvCapacityTokens() {
    return model.params().kvCapacityTokens();
  }

  /** Queues a call that {@link #fits}; its tokens will be written at their computed times. */
  synchronized void submit(LlmCall call) {
    long now = clock.nanoTime() - origin;
    call.arrival = now;
    model.arrive(call.id, now, call.promptTokens, call.outputTokens);
    calls.put(call.id, call);
    if (!stepPending) {
      runStep(now);
    }
  }

  private void runStep(long start) {
    LlmModel.Step step = model.step(start);
    if (step == null) {
      // idle, unless a request arrived between this step's start and now: it starts its own
      long next = model.firstWaitingArrival();
      if (next > start) {
        runStep(next);
      } else {
        stepPending = false;
      }
      return;
    }
    stepPending = true;
    stepEnd = step.end();
    for (long id : step.admitted()) {
      calls.get(id).start = step.start();
    }
    timer.at(origin + step.end(), () -> finishStep(step));
  }

  private synchronized void finishStep(LlmModel.Step step) {
    for (LlmModel.Emission e : step.tokens()) {
      LlmCall call = e.last() ? calls.remove(e.id()) : calls.get(e.id());
      if (e.count() == 1) {
        call.firstToken = step.end();
      }
      int count = e.count();
      boolean last = e.last();
      if (last) { // recorded before the client can see the end of the response
        truths.record(
            new RequestTruth(
                call.id, call.seq, call.arrival, call.start, call.firstToken, step.end(),
                call.promptTokens, call.outputTokens, 200));
      }
      call.ctx.executor().execute(() -> call.writeToken(count, last));
    }
    runStep(step.end());
  }

  @Override
  public synchronized Snapshot snapshot(long nowNanos) {
    long ahead = stepPending ? Math.max(0, stepEnd - nowNanos) : 0;
    return new Snapshot(
        model.running(),
        model.waiting(),
        (double) model.kvUsedTokens() / model.params().kvCapacityTokens(),
        Math.max(0, model.busyNanos() - ahead),
        1);
  }
}
