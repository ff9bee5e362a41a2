package dev.harness.record;

/**
 * Every latency metric the harness records, defined once. See docs/metrics.md for the definitions
 * and their vLLM / AIPerf equivalents. All are recorded in microseconds.
 */
public enum Metric {
  /** End-to-end latency from the intended send time to the last byte (timeouts at the timeout). */
  E2E("e2e"),
  /** End-to-end latency from the actual send (flush) to the last byte. */
  E2E_SENT("e2e-sent"),
  /** Time to first token from the intended send time. */
  TTFT("ttft"),
  /** Time to first token from the actual send (flush). */
  TTFT_SENT("ttft-sent"),
  /** Inter-chunk latency: gap between consecutive content chunks. */
  ICL("icl"),
  /** Inter-token latency: each chunk's gap spread over the tokens it carried. */
  ITL("itl"),
  /** Time per output token of one request: (e2e - ttft) / (outputTokens - 1). */
  TPOT("tpot"),
  /** Generator delay: dispatched - intended. */
  SCHEDULE_LAG("schedule-lag"),
  /** Time spent waiting for a pooled connection. */
  CONNECTION_WAIT("connection-wait"),
  /** Generator pauses seen by the hiccup recorder. */
  HICCUP("hiccup");

  private final String tag;

  Metric(String tag) {
    this.tag = tag;
  }

  /** The name used as hlog tag suffix and JSON key. */
  public String tag() {
    return tag;
  }

  public static Metric fromTag(String tag) {
    for (Metric m : values()) {
      if (m.tag.equals(tag)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown metric '" + tag + "'");
  }
}
