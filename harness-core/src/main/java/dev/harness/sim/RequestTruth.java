package dev.harness.sim;

/**
 * What the simulator computed for one request: the ground truth a test compares the harness's
 * measurements with. Times are nanoseconds since the server started, on the server's clock.
 *
 * @param id the server's own 0-based request number
 * @param seq the request's {@code X-Harness-Seq} header, or -1 when absent
 * @param arrival when the request had been read completely
 * @param start when service started (classic: a server took it; LLM: admitted into a batch)
 * @param firstToken when the first output token was produced (classic: = departure)
 * @param departure when the response was complete
 * @param promptTokens prompt tokens (LLM), else 0
 * @param outputTokens output tokens produced (LLM), else 0
 * @param status the HTTP status of the response
 */
public record RequestTruth(
    long id,
    long seq,
    long arrival,
    long start,
    long firstToken,
    long departure,
    int promptTokens,
    int outputTokens,
    int status) {

  public RequestTruth {
    if (arrival < 0 || start < arrival || firstToken < start || departure < firstToken) {
      throw new IllegalArgumentException(
          "times must satisfy 0 <= arrival <= start <= firstToken <= departure, got arrival="
              + arrival + " start=" + start + " firstToken=" + firstToken
              + " departure=" + departure);
    }
  }

  /** Time spent queued before service: start − arrival. */
  public long waitNanos() {
    return start - arrival;
  }

  /** Time in service: departure − start. */
  public long serviceNanos() {
    return departure - start;
  }

  /** Response time (sojourn): departure − arrival. */
  public long responseNanos() {
    return departure - arrival;
  }

  /** One JSON object on one line (the {@code --truth} log format, see docs/simulator.md). */
  public String toJsonLine() {
    return "{\"id\":" + id + ",\"seq\":" + seq + ",\"arrival_ns\":" + arrival
        + ",\"start_ns\":" + start + ",\"first_token_ns\":" + firstToken
        + ",\"departure_ns\":" + departure + ",\"wait_ns\":" + waitNanos()
        + ",\"service_ns\":" + serviceNanos() + ",\"prompt_tokens\":" + promptTokens
        + ",\"output_tokens\":" + outputTokens + ",\"status\":" + status + "}";
  }
}
