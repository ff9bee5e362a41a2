package dev.harness.engine;

import dev.harness.protocol.RequestSpec;
import dev.harness.protocol.ResponseParser;
import dev.harness.protocol.sagemaker.SageMakerCall;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * One scheduled request on its way through the engine. Created by the pacer, then owned by a single
 * event loop: no field is touched by two threads at once (the pacer hands it over through the
 * loop's task queue, which publishes it safely).
 */
final class RequestContext {
  final long sequence;
  final int step;
  final RequestSpec spec;
  final long intended;
  /**
   * When an event loop took the request over (set by the pool): the end of the generator's own
   * path, so a saturated event loop shows as schedule lag, not as endpoint latency.
   */
  long dispatched;
  final long deadline;

  long acquired = -1;
  long connected = -1;
  long flushed = -1;
  long firstByte = -1;
  long lastByte = -1;
  boolean reusedConnection;
  boolean resent;
  boolean done;
  ResponseParser parser;
  io.netty.channel.Channel channel;
  /** The SDK call of a request sent through {@link SageMakerTransport}, else null. */
  SageMakerCall sdkCall;
  ScheduledFuture<?> timeoutTask;

  RequestContext(
      long sequence, int step, RequestSpec spec, long intended, long dispatched, long deadline) {
    this.sequence = sequence;
    this.step = step;
    this.spec = spec;
    this.intended = intended;
    this.dispatched = dispatched;
    this.deadline = deadline;
  }

  /** Clears per-attempt state before a resend on a fresh connection. */
  void resetAttempt() {
    acquired = -1;
    connected = -1;
    flushed = -1;
    firstByte = -1;
    parser = null;
    channel = null;
    reusedConnection = false;
  }
}
