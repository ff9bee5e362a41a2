package dev.harness.engine;

import dev.harness.protocol.ResponseResult;
import dev.harness.record.Outcome;
import dev.harness.time.NanoClock;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The requests of one event loop, whatever the transport: stamps the dispatch time (the end of
 * the generator's own path), arms the timeout from the intended time, and ends each request exactly
 * once. A timeout ends the request at its deadline, censored, and tells the {@link Sender} to
 * abandon it; any later report from the sender is ignored. Every method runs on the loop, so
 * nothing here needs a lock.
 */
final class Lane {
  private final EventLoop loop;
  private final NanoClock clock;
  private final Completion completion;
  private final Sender sender;
  private final Set<RequestContext> active = new HashSet<>();

  /**
   * @param senderFactory builds this lane's sender (which reports ends through {@link #complete})
   */
  Lane(EventLoop loop, NanoClock clock, Completion completion,
      Function<Lane, ? extends Sender> senderFactory) {
    this.loop = loop;
    this.clock = clock;
    this.completion = completion;
    this.sender = senderFactory.apply(this);
  }

  EventLoop loop() {
    return loop;
  }

  Sender sender() {
    return sender;
  }

  /** A newly dispatched request (handed over by the pacer). */
  void submit(RequestContext r) {
    active.add(r);
    long now = clock.nanoTime();
    r.dispatched = now;
    long delay = r.deadline - now;
    if (delay <= 0) {
      timeout(r);
      return;
    }
    r.timeoutTask = loop.schedule(() -> timeout(r), delay, TimeUnit.NANOSECONDS);
    sender.send(r);
  }

  private void timeout(RequestContext r) {
    if (r.done) {
      return;
    }
    sender.abandon(r);
    r.lastByte = r.deadline;
    complete(r, Outcome.TIMEOUT, null);
  }

  /** Ends {@code r} (lastByte set) unless it has already ended; the first end wins. */
  void complete(RequestContext r, Outcome outcome, ResponseResult result) {
    if (r.done) {
      return;
    }
    r.done = true;
    if (r.timeoutTask != null) {
      r.timeoutTask.cancel(false);
    }
    active.remove(r);
    completion.complete(r, outcome, result);
  }

  /** Ends every request still in flight as cancelled, then lets the sender close its connections. */
  void cancelAll() {
    List<RequestContext> left = new ArrayList<>(active);
    long now = clock.nanoTime();
    for (RequestContext r : left) {
      r.lastByte = now;
      complete(r, Outcome.CANCELLED, null);
    }
    sender.closeAll();
  }

  int activeCount() {
    return active.size();
  }
}
