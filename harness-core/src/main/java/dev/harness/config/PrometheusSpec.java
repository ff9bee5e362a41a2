package dev.harness.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how often to scrape a Prometheus {@code /metrics} endpoint during a run (the plan's
 * {@code metrics.prometheus:}).
 *
 * @param url absolute http(s) URL of the exposition, e.g. {@code http://10.0.0.5:8000/metrics}
 * @param interval time between scrapes (default {@link #DEFAULT_INTERVAL})
 * @param extraSeries further metric names to keep as scraped (raw passthrough), beside the known
 *     names that map to canonical metrics; may be empty
 */
public record PrometheusSpec(URI url, Duration interval, List<String> extraSeries) {
  /** {@code metrics.prometheus.interval}: one scrape a second. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

  /** Longest a scrape may take, whatever the interval. */
  public static final Duration MAX_TIMEOUT = Duration.ofSeconds(2);

  public PrometheusSpec {
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
      throw new IllegalArgumentException(
          "prometheus url must be an absolute http(s) URL with a host, got " + url);
    }
    interval = interval == null ? DEFAULT_INTERVAL : interval;
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("prometheus interval must be > 0, got " + interval);
    }
    extraSeries = List.copyOf(extraSeries);
  }

  /** A spec with the default interval and no extra series. */
  public static PrometheusSpec of(URI url) {
    return new PrometheusSpec(url, DEFAULT_INTERVAL, List.of());
  }

  /** The timeout of one scrape: {@code min(interval, 2 s)}, so scrapes never pile up. */
  public Duration timeout() {
    return interval.compareTo(MAX_TIMEOUT) < 0 ? interval : MAX_TIMEOUT;
  }

  /**
   * The conventional metrics URL of a server: {@code <scheme>://<host>:<port>/metrics} of {@code
   * target}, dropping its path and query (what {@code prometheus: auto} means).
   */
  public static URI metricsUrlOf(URI target) {
    return URI.create(
        target.getScheme().toLowerCase(Locale.ROOT) + "://" + target.getRawAuthority()
            + "/metrics");
  }
}
