package dev.harness.engine;

import dev.harness.protocol.ResponseResult;
import dev.harness.protocol.TokenMetrics;
import dev.harness.record.Metric;
import dev.harness.record.Outcome;
import dev.harness.record.RequestLog;
import dev.harness.record.RequestRecord;
import dev.harness.record.RunRecorder;
import dev.harness.record.StepCounters;
import dev.harness.record.TokenCountSource;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Turns each request's end into data: its outcome counted in its step, its latencies in the
 * step's histograms (from the intended time; a timeout at the timeout value, censored), its
 * record in {@code requests.bin}. Called on the event loops for dispatched requests and on the
 * pacer for drops; exactly once per scheduled request.
 */
final class OutcomeRecorder implements Completion {
  private final RunRecorder recorder;
  private final RequestLog requestLog;
  private final long timeoutNanos;
  private final boolean llm;
  private final AtomicLong inFlight;
  private final LongAdder succeeded = new LongAdder();
  /** Monotonic time that record offsets count from; set before the first request is dispatched. */
  private long origin;
  /** Added to schedule step indices in records. */
  private int stepBase;

  OutcomeRecorder(
      RunRecorder recorder,
      RequestLog requestLog,
      long timeoutNanos,
      boolean llm,
      AtomicLong inFlight) {
    this.recorder = recorder;
    this.requestLog = requestLog;
    this.timeoutNanos = timeoutNanos;
    this.llm = llm;
    this.inFlight = inFlight;
  }

  /**
   * Fixes the origin that record times count from and the offset of step indices in records; call
   * before the pacer starts.
   */
  void start(long originNanos, int stepIndexBase) {
    this.origin = originNanos;
    this.stepBase = stepIndexBase;
  }

  /** Successful requests so far. */
  long succeeded() {
    return succeeded.sum();
  }

  /** A request the pacer dropped at the in-flight cap (on the pacer thread). */
  void dropped(RequestContext r) {
    recorder.record(r.step, Metric.SCHEDULE_LAG, r.dispatched - r.intended);
    recorder.counters(r.step).increment(Outcome.DROPPED);
    requestLog.add(toRecord(r, Outcome.DROPPED, null, 0, -1));
  }

  /** A dispatched request ended (on its event loop). */
  @Override
  public void complete(RequestContext r, Outcome outcome, ResponseResult result) {
    int s = r.step;
    StepCounters c = recorder.counters(s);
    recorder.record(s, Metric.SCHEDULE_LAG, r.dispatched - r.intended);
    if (outcome == Outcome.SUCCESS && r.lastByte > r.deadline) {
      // The timeout task runs on the same event loop; when the loop is behind, a response can
      // complete after its deadline before the timeout fires. It is still a timeout.
      outcome = Outcome.TIMEOUT;
      result = null;
      r.lastByte = r.deadline;
    }
    c.increment(outcome);
    int flags = 0;
    if (outcome == Outcome.SUCCESS) {
      recorder.record(s, Metric.E2E, r.lastByte - r.intended);
      if (r.flushed >= 0) {
        recorder.record(s, Metric.E2E_SENT, r.lastByte - r.flushed);
      }
      succeeded.increment();
    } else if (outcome == Outcome.TIMEOUT) {
      flags |= RequestRecord.CENSORED;
      recorder.record(s, Metric.E2E, timeoutNanos);
    }
    long firstToken = -1;
    if (result != null && result.chunkNanos().length > 0) {
      firstToken = result.firstTokenNanos();
      if (outcome == Outcome.SUCCESS) {
        recordTokens(s, r, result);
      }
    } else if (outcome == Outcome.TIMEOUT && llm) {
      // no complete response: the first token, if any, is not known here; TTFT is censored too
      recorder.record(s, Metric.TTFT, timeoutNanos);
    }
    if (result != null && outcome == Outcome.SUCCESS) {
      c.tokens(result.outputTokens(), result.promptTokens(), result.tokenSource());
    }
    if (r.acquired >= 0) {
      recorder.record(s, Metric.CONNECTION_WAIT, r.acquired - r.dispatched);
    }
    if (r.reusedConnection) {
      flags |= RequestRecord.REUSED_CONNECTION;
    }
    if (r.resent) {
      flags |= RequestRecord.RESENT;
      c.staleResend();
    }
    requestLog.add(toRecord(r, outcome, result, flags, firstToken));
    inFlight.decrementAndGet();
  }

  private void recordTokens(int s, RequestContext r, ResponseResult result) {
    TokenMetrics tm = TokenMetrics.of(r.intended, r.flushed, r.lastByte, result);
    if (tm.ttftNanos() >= 0) {
      recorder.record(s, Metric.TTFT, tm.ttftNanos());
    }
    if (tm.ttftSentNanos() >= 0) {
      recorder.record(s, Metric.TTFT_SENT, tm.ttftSentNanos());
    }
    if (tm.tpotNanos() >= 0) {
      recorder.record(s, Metric.TPOT, tm.tpotNanos());
    }
    tm.forEachIcl(gap -> recorder.record(s, Metric.ICL, gap));
    tm.forEachItl((gap, count) -> recorder.record(s, Metric.ITL, gap, count));
  }

  private RequestRecord toRecord(
      RequestContext r, Outcome o, ResponseResult result, int flags, long firstToken) {
    return new RequestRecord(
        r.sequence,
        stepBase + r.step,
        r.spec == null ? -1 : r.spec.payloadIndex(),
        o,
        result == null ? TokenCountSource.NONE : result.tokenSource(),
        result == null ? 0 : result.httpStatus(),
        result == null ? 0 : result.outputTokens(),
        result == null ? -1 : result.promptTokens(),
        r.intended - origin,
        r.dispatched - origin,
        rel(r.acquired),
        rel(r.connected),
        rel(r.flushed),
        rel(r.firstByte),
        rel(firstToken),
        rel(r.lastByte),
        flags);
  }

  private long rel(long t) {
    return t < 0 ? -1 : t - origin;
  }
}
