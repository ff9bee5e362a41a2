package dev.harness.protocol.sagemaker;

import dev.harness.protocol.ResponseResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** {@link SageMakerEvents} that remember what they were told, for tests. */
final class Recorded implements SageMakerEvents {
  final AtomicLong sendingNanos = new AtomicLong(-1);
  final AtomicLong firstByteNanos = new AtomicLong(-1);
  final AtomicInteger firstByteCalls = new AtomicInteger();
  final AtomicInteger doneCalls = new AtomicInteger();
  final CompletableFuture<ResponseResult> result = new CompletableFuture<>();
  final AtomicLong lastByteNanos = new AtomicLong(-1);

  @Override
  public void onSending(long nanos) {
    sendingNanos.set(nanos);
  }

  @Override
  public void onFirstByte(long nanos) {
    firstByteCalls.incrementAndGet();
    firstByteNanos.set(nanos);
  }

  @Override
  public void onDone(ResponseResult r, long lastByte) {
    doneCalls.incrementAndGet();
    lastByteNanos.set(lastByte);
    result.complete(r);
  }

  ResponseResult await() throws Exception {
    return result.get(20, TimeUnit.SECONDS);
  }
}
