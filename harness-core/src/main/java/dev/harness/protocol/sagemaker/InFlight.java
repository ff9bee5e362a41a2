package dev.harness.protocol.sagemaker;

import dev.harness.protocol.ResponseResult;
import dev.harness.time.NanoClock;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * One call's link between the SDK's callbacks and its {@link SageMakerEvents}: stamps the first
 * byte once and delivers the end once (through {@link SageMakerCall#claimEnd()}).
 */
final class InFlight {

  /** Carries the call into the SDK's interceptor chain (an immutable key). */
  static final ExecutionAttribute<InFlight> ATTRIBUTE =
      new ExecutionAttribute<>("dev.harness.sagemaker.InFlight");

  final SageMakerCall call = new SageMakerCall();
  private final SageMakerEvents events;
  private final NanoClock clock;
  private final AtomicBoolean sending = new AtomicBoolean();
  private final AtomicBoolean firstByte = new AtomicBoolean();

  InFlight(SageMakerEvents events, NanoClock clock) {
    this.events = events;
    this.clock = clock;
  }

  /** The signed request goes to the HTTP client. */
  void sending() {
    if (!call.isDone() && sending.compareAndSet(false, true)) {
      events.onSending(clock.nanoTime());
    }
  }

  /** Response headers arrived (any status). */
  void firstByte() {
    if (!call.isDone() && firstByte.compareAndSet(false, true)) {
      events.onFirstByte(clock.nanoTime());
    }
  }

  /** Delivers the end unless it was cancelled or already delivered. */
  void end(ResponseResult result, long lastByteNanos) {
    if (call.claimEnd()) {
      events.onDone(result, lastByteNanos);
    }
  }

  /**
   * Calls {@link #sending()} just before the SDK transmits, {@link #firstByte()} when it has
   * received a response's headers.
   */
  static final class TimingInterceptor implements ExecutionInterceptor {
    @Override
    public void beforeTransmission(
        Context.BeforeTransmission context, ExecutionAttributes attributes) {
      InFlight inFlight = attributes.getAttribute(ATTRIBUTE);
      if (inFlight != null) {
        inFlight.sending();
      }
    }

    @Override
    public void afterTransmission(
        Context.AfterTransmission context, ExecutionAttributes attributes) {
      InFlight inFlight = attributes.getAttribute(ATTRIBUTE);
      if (inFlight != null) {
        inFlight.firstByte();
      }
    }
  }
}
