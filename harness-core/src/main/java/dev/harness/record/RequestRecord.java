package dev.harness.record;

import dev.harness.record.TokenCountSource;

/**
 * The timeline and outcome of one scheduled request, as stored in {@code requests.bin}. Times are
 * nanoseconds since the run's origin on the engine's monotonic clock; -1 means "did not happen".
 *
 * @param sequence position in the schedule (0-based)
 * @param step index of the step whose window holds the intended time
 * @param payloadIndex index of the payload in its set
 * @param outcome success or error class
 * @param tokenSource where outputTokens came from
 * @param httpStatus status code, 0 if none
 * @param outputTokens output tokens (0 if none)
 * @param promptTokens prompt tokens if known, else -1
 * @param intended intended send time
 * @param dispatched when an event loop took the request over (dropped: when the pacer dropped it)
 * @param acquired when a connection was acquired for it
 * @param connected when its connection finished connecting (only if it opened a new one)
 * @param flushed when the request was written to the socket
 * @param firstByte first response bytes read
 * @param firstToken first content-bearing chunk read
 * @param lastByte response complete (or the failure time; for a timeout intended + timeout)
 * @param flags {@link #CENSORED}, {@link #REUSED_CONNECTION}, {@link #RESENT}
 */
public record RequestRecord(
    long sequence,
    int step,
    int payloadIndex,
    Outcome outcome,
    TokenCountSource tokenSource,
    int httpStatus,
    int outputTokens,
    int promptTokens,
    long intended,
    long dispatched,
    long acquired,
    long connected,
    long flushed,
    long firstByte,
    long firstToken,
    long lastByte,
    int flags) {

  /** The latency is a lower bound: the request timed out and was recorded at the timeout. */
  public static final int CENSORED = 1;
  /** Sent on a pooled keep-alive connection. */
  public static final int REUSED_CONNECTION = 2;
  /** Re-sent once on a fresh connection after its pooled connection was found closed. */
  public static final int RESENT = 4;

  public boolean censored() {
    return (flags & CENSORED) != 0;
  }

  /** End-to-end latency from the intended time, or -1 (dropped). */
  public long e2eNanos() {
    return lastByte < 0 ? -1 : lastByte - intended;
  }
}
