package dev.harness.protocol.sagemaker;

import dev.harness.protocol.ResponseResult;

/**
 * What one {@link SageMakerInvoker#invoke} reports. Both methods run on AWS SDK threads (the Netty
 * event loops of the SDK's HTTP client or its completion executor), never on the caller's thread;
 * implementations must be quick and thread-safe. Timestamps are read from the invoker's {@link
 * dev.harness.time.NanoClock} at the moment the SDK calls back.
 */
public interface SageMakerEvents {

  /**
   * The signed request is being handed to the SDK's HTTP client (connection acquisition and the
   * write follow at once): the nearest the SDK comes to the send time. At most once, before the
   * other callbacks; not called when the request failed before signing.
   */
  default void onSending(long nanos) {}

  /**
   * The response headers arrived (for a stream: before the first event). At most once per call,
   * always before {@link #onDone}; not called when the request failed before any response.
   */
  void onFirstByte(long nanos);

  /**
   * The call ended: success, or a failure classified into an {@link dev.harness.record.Outcome}.
   * Exactly once per call, unless {@link SageMakerCall#cancel()} returned true first.
   *
   * @param result the outcome, status and (for streams) the token timeline
   * @param lastByteNanos when the last byte (the end of the stream) or the failure arrived
   */
  void onDone(ResponseResult result, long lastByteNanos);
}
