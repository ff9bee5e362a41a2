package dev.harness.engine;

import dev.harness.config.TlsOptions;
import dev.harness.protocol.Protocol;
import dev.harness.time.NanoClock;
import dev.harness.traffic.Schedule;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Everything the engine needs for one run; resolved and validated before it starts.
 *
 * @param url target URL (http or https); host and port are taken from it
 * @param headers target-wide headers sent on every request (resolved secrets included; never
 *     logged or recorded)
 * @param protocol builds parsers for responses
 * @param llm the protocol produces tokens (TTFT is censored at the timeout for timeouts)
 * @param requests serialized requests by sequence
 * @param schedule intended send times and steps
 * @param requestTimeout a request incomplete this long after its intended time is a timeout
 * @param connectTimeout TCP connect timeout
 * @param maxInFlight cap on requests in flight; a request due beyond it is dropped
 * @param connections HTTP/1.1 pool size across all event loops
 * @param maxDuration hard stop for the whole run, drain included
 * @param drainTimeout how long a stopped run waits for in-flight requests
 * @param connectionPerRequest a fresh connection for every request
 * @param eventLoops number of Netty event loop threads
 * @param startDelay time between start and the schedule origin, used to pre-open connections
 * @param clock the monotonic clock all timestamps come from
 * @param segment how this run fits into a larger measurement ({@link Segment#standalone()} for a
 *     plain run)
 * @param tlsOptions how an https server's certificate and host name are checked; null means {@link
 *     TlsOptions#systemDefault()}
 */
public record EngineConfig(
    URI url,
    Map<String, String> headers,
    Protocol protocol,
    boolean llm,
    RequestSource requests,
    Schedule schedule,
    Duration requestTimeout,
    Duration connectTimeout,
    int maxInFlight,
    int connections,
    Duration maxDuration,
    Duration drainTimeout,
    boolean connectionPerRequest,
    int eventLoops,
    Duration startDelay,
    NanoClock clock,
    Segment segment,
    TlsOptions tlsOptions) {

  public EngineConfig {
    headers = Map.copyOf(headers);
    if (segment == null) {
      segment = Segment.standalone();
    }
    tlsOptions = tlsOptions == null ? TlsOptions.systemDefault() : tlsOptions;
    String scheme = url.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("url must be http or https, got " + url);
    }
    if (url.getHost() == null) {
      throw new IllegalArgumentException("url has no host: " + url);
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be >= 1, got " + maxInFlight);
    }
    if (connections < 1) {
      throw new IllegalArgumentException("connections must be >= 1, got " + connections);
    }
    if (eventLoops < 1) {
      throw new IllegalArgumentException("eventLoops must be >= 1, got " + eventLoops);
    }
    if (requestTimeout.isZero() || requestTimeout.isNegative()) {
      throw new IllegalArgumentException("requestTimeout must be positive, got " + requestTimeout);
    }
  }

  /** Default number of event loops: one per core, keeping one core for the pacer. */
  public static int defaultEventLoops() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
  }

  public int port() {
    int p = url.getPort();
    if (p > 0) {
      return p;
    }
    return "https".equals(url.getScheme()) ? 443 : 80;
  }

  public boolean tls() {
    return "https".equals(url.getScheme());
  }
}
