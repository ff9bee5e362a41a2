package dev.harness.protocol.sagemaker;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One SageMaker request in flight. Owns the single terminal callback: whichever of the SDK's
 * completion and {@link #cancel()} comes first wins, so the caller hears exactly one end.
 */
public final class SageMakerCall {
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile CompletableFuture<?> future;

  SageMakerCall() {}

  void attach(CompletableFuture<?> sdkFuture) {
    this.future = sdkFuture;
    if (ended.get()) {
      sdkFuture.cancel(true); // cancelled before the SDK returned its future
    }
  }

  /** Claims the terminal callback; true for the first claimant only. */
  boolean claimEnd() {
    return ended.compareAndSet(false, true);
  }

  /** Whether the call has ended (completed or cancelled). */
  public boolean isDone() {
    return ended.get();
  }

  /**
   * Aborts the request (the SDK closes its connection) unless it has already ended. Returns true
   * when this cancel won: {@link SageMakerEvents#onDone} will then never be called, and the caller
   * records the outcome itself (e.g. a timeout). Returns false when the call had already ended and
   * its {@code onDone} has been or is being delivered.
   */
  public boolean cancel() {
    if (!ended.compareAndSet(false, true)) {
      return false;
    }
    CompletableFuture<?> f = future;
    if (f != null) {
      f.cancel(true);
    }
    return true;
  }
}
