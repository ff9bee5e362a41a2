package dev.harness.engine;

import dev.harness.protocol.ResponseResult;
import dev.harness.protocol.sagemaker.SageMakerCall;
import dev.harness.protocol.sagemaker.SageMakerEvents;
import dev.harness.protocol.sagemaker.SageMakerInvoker;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends one lane's requests through a {@link SageMakerInvoker}. The SDK calls back on its own
 * threads; every callback hops onto the lane's event loop before it touches the request, so the
 * engine's one-thread-per-request rule holds. Timeline: {@code acquired} and {@code flushed} are
 * the moment the SDK hands the signed request to its HTTP client ({@link
 * SageMakerEvents#onSending}; the SDK's own connection-slot wait is in its metrics), {@code
 * firstByte} the response headers, {@code lastByte} the end of the body or stream.
 */
final class SageMakerSender implements Sender {
  private final Lane lane;
  private final SageMakerInvoker invoker;
  private final LongAdder invoked;

  /**
   * @param invoked counts the calls handed to the SDK (shared by the run's senders)
   */
  SageMakerSender(Lane lane, SageMakerInvoker invoker, LongAdder invoked) {
    this.lane = lane;
    this.invoker = invoker;
    this.invoked = invoked;
  }

  @Override
  public void send(RequestContext r) {
    invoked.increment();
    r.sdkCall = invoker.invoke(r.spec, new Events(r));
  }

  /** Cancels the SDK call; its end, if already on its way, finds the request done. */
  @Override
  public void abandon(RequestContext r) {
    SageMakerCall call = r.sdkCall;
    if (call != null) {
      call.cancel();
    }
  }

  /** Nothing to do: the engine closes the invoker (and its connections) after the run. */
  @Override
  public void closeAll() {}

  private void onLoop(Runnable task) {
    try {
      lane.loop().execute(task);
    } catch (RejectedExecutionException e) {
      // the run is over and its loops are shutting down: the request already ended (cancelled)
    }
  }

  /** One request's callbacks, each moved onto the lane's loop. */
  private final class Events implements SageMakerEvents {
    private final RequestContext r;

    Events(RequestContext r) {
      this.r = r;
    }

    @Override
    public void onSending(long nanos) {
      onLoop(() -> {
        if (!r.done) {
          r.acquired = nanos;
          r.flushed = nanos;
        }
      });
    }

    @Override
    public void onFirstByte(long nanos) {
      onLoop(() -> {
        if (!r.done) {
          r.firstByte = nanos;
        }
      });
    }

    @Override
    public void onDone(ResponseResult result, long lastByteNanos) {
      onLoop(() -> {
        if (!r.done) {
          r.lastByte = lastByteNanos;
          lane.complete(r, result.outcome(), result);
        }
      });
    }
  }
}
