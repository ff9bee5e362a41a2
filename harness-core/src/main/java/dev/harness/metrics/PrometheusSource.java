package dev.harness.metrics;

import dev.harness.config.PrometheusSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Scrapes a Prometheus text endpoint every interval on one daemon thread and keeps what it reads
 * as canonical {@link ServerMetric} series (see {@link PrometheusNames} for the names it knows),
 * plus the raw series the plan lists under {@code extra-series}.
 *
 * <p>Each scrape is stamped with the injected wall {@link Clock} when it starts (as Prometheus
 * itself does), since results join server metrics to steps by wall time. A metric exposed with
 * several label sets (one per GPU, per model) is kept per label set and as a canonical aggregate
 * with no labels: the sum for counts and bytes, the mean for ratios ({@link
 * ServerMetric#aggregation()}); NaN values are left out of the aggregate. Triton's queue time is
 * a rate of two counters between consecutive scrapes: {@code queue_time_ms = Δ
 * nv_inference_queue_duration_us / Δ nv_inference_request_success / 1000} (else {@code Δ
 * nv_inference_count}), the aggregate weighting models by their requests; an interval without
 * requests, or with a counter reset, has no point.
 *
 * <p>A failed scrape (connection refused, timeout, HTTP status other than 200) is counted with
 * its error in {@link #stats()}, never thrown. Memory is bounded: each series keeps the last 24
 * hours at the interval, and at most {@value #MAX_SERIES} series are kept. An https URL is
 * checked against the JVM's default trust store (the target's {@code tls} options do not apply).
 */
public final class PrometheusSource implements MetricsSource {
  /** Most series kept; label sets beyond it are dropped and counted. */
  public static final int MAX_SERIES = 2_000;

  /** How far back each series reaches. */
  public static final Duration RETENTION = Duration.ofHours(24);

  /**
   * Counts of one source's scrapes so far.
   *
   * @param scrapes scrapes attempted
   * @param failures scrapes that got no usable exposition
   * @param lastError the last failure's description, or null when none failed
   * @param malformedLines exposition lines skipped as malformed, over all scrapes
   */
  public record ScrapeStats(long scrapes, long failures, String lastError, long malformedLines) {}

  private final PrometheusSpec spec;
  private final Clock clock;
  private final HttpClient http;
  private final SeriesStore store;
  private final ScheduledExecutorService scheduler;
  private final Object scrapeLock = new Object();
  private Map<Map<String, String>, double[]> lastQueueCounters = Map.of(); // under scrapeLock
  private final Object statsLock = new Object();
  private long scrapes;
  private long failures;
  private String lastError;
  private long malformedLines;
  private boolean started;
  private boolean closed;

  private PrometheusSource(PrometheusSpec spec, Clock clock) {
    this.spec = spec;
    this.clock = clock;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade: exporters speak plain HTTP/1.1
        .connectTimeout(spec.timeout())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    long perSeries = Math.max(1, RETENTION.toNanos() / spec.interval().toNanos());
    this.store = new SeriesStore((int) Math.min(perSeries, 1_000_000), MAX_SERIES);
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "harness-prometheus-scrape");
      t.setDaemon(true);
      return t;
    });
  }

  /** A source for {@code spec}, stamping samples with the system UTC clock. */
  public static PrometheusSource of(PrometheusSpec spec) {
    return of(spec, Clock.systemUTC());
  }

  /** A source for {@code spec}, stamping samples with {@code clock}. */
  public static PrometheusSource of(PrometheusSpec spec, Clock clock) {
    if (spec == null || clock == null) {
      throw new IllegalArgumentException("spec and clock are required");
    }
    return new PrometheusSource(spec, clock);
  }

  /** Starts scraping at once and then every interval. */
  @Override
  public void start() {
    synchronized (statsLock) {
      if (closed) {
        throw new IllegalStateException("prometheus source " + spec.url() + " is closed");
      }
      if (started) {
        return;
      }
      started = true;
    }
    long every = spec.interval().toNanos();
    scheduler.scheduleAtFixedRate(this::scrapeNow, 0, every, TimeUnit.NANOSECONDS);
  }

  /**
   * Scrapes once now, on the caller's thread (the scraping thread calls it every interval; a
   * caller may too, for a fresh reading). Failures are counted, never thrown.
   */
  public void scrapeNow() {
    synchronized (scrapeLock) {
      Instant at = clock.instant();
      String error;
      try {
        HttpResponse<String> response = http.send(
            HttpRequest.newBuilder(spec.url()).timeout(spec.timeout())
                .header("Accept", "text/plain;version=0.0.4").GET().build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          ingest(response.body(), at);
          return;
        }
        error = "HTTP " + response.statusCode() + " from " + spec.url();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        error = "interrupted";
      } catch (IOException | RuntimeException e) {
        error = describe(e);
      }
      count(error, 0);
    }
  }

  /** Records one exposition read at {@code at} as a successful scrape. */
  void ingest(String body, Instant at) {
    synchronized (scrapeLock) {
      PrometheusText.Exposition e = PrometheusText.parse(body);
      record(e, at);
      count(null, e.malformedLines());
    }
  }

  private void count(String error, int malformed) {
    synchronized (statsLock) {
      scrapes++;
      malformedLines += malformed;
      if (error != null) {
        failures++;
        lastError = error;
      }
    }
  }

  /** Turns one exposition into points at {@code at}. */
  private void record(PrometheusText.Exposition e, Instant at) {
    Map<String, List<PrometheusText.MetricSample>> byName = new HashMap<>();
    for (PrometheusText.MetricSample s : e.samples()) {
      byName.computeIfAbsent(s.name(), n -> new ArrayList<>()).add(s);
    }
    Map<ServerMetric, String> chosen = new LinkedHashMap<>();
    for (PrometheusNames.Mapping m : PrometheusNames.GAUGES) {
      if (byName.containsKey(m.source()) && chosen.putIfAbsent(m.metric(), m.source()) == null) {
        recordGauge(m, byName.get(m.source()), at);
      }
    }
    recordQueueTime(byName, at);
    for (String raw : spec.extraSeries()) {
      for (PrometheusText.MetricSample s : byName.getOrDefault(raw, List.of())) {
        store.add(raw, "", s.labels(), at, s.value());
      }
    }
  }

  private void recordGauge(
      PrometheusNames.Mapping m, List<PrometheusText.MetricSample> samples, Instant at) {
    ServerMetric metric = m.metric();
    double sum = 0;
    int n = 0;
    for (PrometheusText.MetricSample s : samples) {
      double v = s.value() * m.scale();
      if (!s.labels().isEmpty()) {
        store.add(metric.id(), metric.unit(), s.labels(), at, v);
      }
      if (!Double.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    if (n > 0) {
      double aggregate = metric.aggregation() == ServerMetric.Aggregation.SUM ? sum : sum / n;
      store.add(metric.id(), metric.unit(), Map.of(), at, aggregate);
    }
  }

  private void recordQueueTime(Map<String, List<PrometheusText.MetricSample>> byName,
      Instant at) {
    List<PrometheusText.MetricSample> queue = byName.get(PrometheusNames.TRITON_QUEUE_US);
    List<PrometheusText.MetricSample> counts = null;
    for (String name : PrometheusNames.TRITON_REQUEST_COUNTS) {
      counts = counts == null ? byName.get(name) : counts;
    }
    if (queue == null || counts == null) {
      return;
    }
    Map<Map<String, String>, Double> countByLabels = new HashMap<>();
    for (PrometheusText.MetricSample s : counts) {
      countByLabels.put(s.labels(), s.value());
    }
    Map<Map<String, String>, double[]> now = new HashMap<>();
    double totalQueueUs = 0;
    double totalRequests = 0;
    ServerMetric metric = ServerMetric.QUEUE_TIME_MS;
    for (PrometheusText.MetricSample s : queue) {
      Double count = countByLabels.get(s.labels());
      if (count == null) {
        continue;
      }
      now.put(s.labels(), new double[] {s.value(), count});
      double[] before = lastQueueCounters.get(s.labels());
      if (before == null) {
        continue;
      }
      double dQueue = s.value() - before[0];
      double dCount = count - before[1];
      if (dCount > 0 && dQueue >= 0) {
        if (!s.labels().isEmpty()) {
          store.add(metric.id(), metric.unit(), s.labels(), at, dQueue / dCount / 1000.0);
        }
        totalQueueUs += dQueue;
        totalRequests += dCount;
      }
    }
    lastQueueCounters = now;
    if (totalRequests > 0) {
      store.add(metric.id(), metric.unit(), Map.of(), at, totalQueueUs / totalRequests / 1000.0);
    }
  }

  @Override
  public List<Series> fetch(Instant from, Instant to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("fetch window ends before it starts: " + from + " to "
          + to);
    }
    return store.between(from, to);
  }

  /**
   * The newest value of the canonical aggregate {@code name} (e.g. {@code requests_waiting}), if
   * it was scraped no longer than {@code maxAge} ago by the clock and is not NaN.
   */
  public OptionalDouble latestValue(String name, Duration maxAge) {
    Instant oldest = clock.instant().minus(maxAge);
    return store.last(name, Map.of())
        .filter(s -> !s.time().isBefore(oldest) && !Double.isNaN(s.value()))
        .map(s -> OptionalDouble.of(s.value()))
        .orElse(OptionalDouble.empty());
  }

  /** Scrapes, failures and the last error so far. */
  public ScrapeStats stats() {
    synchronized (statsLock) {
      return new ScrapeStats(scrapes, failures, lastError, malformedLines);
    }
  }

  /** The URL scraped. */
  public URI url() {
    return spec.url();
  }

  @Override
  public String describe() {
    ScrapeStats s = stats();
    return "prometheus " + spec.url() + " every " + spec.interval().toMillis() + " ms: "
        + s.scrapes() + " scrapes, " + s.failures() + " failed"
        + (s.lastError() == null ? "" : " (last: " + s.lastError() + ")")
        + (s.malformedLines() == 0 ? "" : ", " + s.malformedLines() + " malformed lines");
  }

  @Override
  public void close() {
    synchronized (statsLock) {
      closed = true;
    }
    scheduler.shutdownNow();
  }

  /** {@code ConnectException: Connection refused}: the exception and the first cause message. */
  static String describe(Throwable e) {
    Throwable t = e;
    while (t.getMessage() == null && t.getCause() != null) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? "" : ": " + t.getMessage();
    return e.getClass().getSimpleName() + message;
  }
}
