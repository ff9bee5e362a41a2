package dev.harness.sim;

import dev.harness.time.DeadlineTimer;
import dev.harness.time.NanoClock;
import io.netty.channel.ChannelHandlerContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives a {@link ClassicModel} in real time: a request's departure is computed when it has been
 * read, and its answer {@code {"score": x}} is written at that departure by the {@link
 * DeadlineTimer}. Virtual times are nanoseconds since the server's origin.
 */
final class ClassicBackend implements Backend {
  private final ClassicModel model;
  private final DeadlineTimer timer;
  private final NanoClock clock;
  private final long origin;
  private final TruthLog truths;
  private final List<ClassicModel.Admission> inFlight = new ArrayList<>();
  private long finishedBusy;

  ClassicBackend(
      ClassicModel model, DeadlineTimer timer, NanoClock clock, long origin, TruthLog truths) {
    this.model = model;
    this.timer = timer;
    this.clock = clock;
    this.origin = origin;
    this.truths = truths;
  }

  synchronized void submit(long id, long seq, ChannelHandlerContext ctx, boolean keepAlive) {
    submit(id, seq, ctx, keepAlive, "{\"score\":" + score(id) + "}");
  }

  /** Queues a request whose answer, written at its departure, is the JSON {@code body}. */
  synchronized void submit(
      long id, long seq, ChannelHandlerContext ctx, boolean keepAlive, String body) {
    long now = clock.nanoTime() - origin;
    ClassicModel.Admission a = model.admit(now);
    inFlight.add(a);
    timer.at(
        origin + a.departure(),
        () -> {
          depart(id, seq, a); // the truth is recorded before the client can see the answer
          ctx.executor().execute(() -> Replies.json(ctx, 200, body, keepAlive));
        });
  }

  private synchronized void depart(long id, long seq, ClassicModel.Admission a) {
    inFlight.remove(a);
    finishedBusy += a.departure() - a.start();
    truths.record(
        new RequestTruth(id, seq, a.arrival(), a.start(), a.departure(), a.departure(), 0, 0,
            200));
  }

  /** A deterministic score in [0, 1) from the request number (a fraud probability, say). */
  static double score(long id) {
    long h = id * 0x9E3779B97F4A7C15L;
    return (double) ((h >>> 11) % 10_000) / 10_000;
  }

  @Override
  public synchronized Snapshot snapshot(long nowNanos) {
    int running = 0;
    int waiting = 0;
    long busy = finishedBusy;
    for (ClassicModel.Admission a : inFlight) {
      if (a.start() <= nowNanos) {
        running++;
        busy += Math.min(nowNanos, a.departure()) - a.start();
      } else {
        waiting++;
      }
    }
    return new Snapshot(running, waiting, 0, busy, model.servers());
  }
}
