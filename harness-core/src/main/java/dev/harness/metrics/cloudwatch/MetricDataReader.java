package dev.harness.metrics.cloudwatch;

import dev.harness.metrics.aws.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MessageData;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * Reads CloudWatch: GetMetricData in batches of {@value #QUERIES_PER_CALL} queries following
 * {@code NextToken}, and ListMetrics to find the dimension sets of agent metrics. A throttled call
 * is retried after a doubling backoff ({@code backoff}, 2 × backoff, ...) up to {@code
 * maxThrottleRetries} times; this is a metrics read after the load, not load, so retrying is
 * harmless and every retry is counted. Any failure ends the read with a note, never an exception.
 * Not thread-safe; the source calls it under its lock.
 */
final class MetricDataReader {
  /** GetMetricData accepts at most this many queries per call. */
  static final int QUERIES_PER_CALL = 500;

  private static final Set<String> THROTTLING_CODES =
      Set.of("Throttling", "ThrottlingException", "RequestLimitExceeded",
          "TooManyRequestsException", "RequestThrottled");

  /** Points per query id, and what went wrong. */
  record Raw(Map<String, TreeMap<Instant, Double>> points, List<String> notes, boolean failed) {}

  private final CloudWatchAsyncClient client;
  private final int periodSeconds;
  private final Pause pause;
  private final int maxThrottleRetries;
  private final Duration backoff;
  private int calls;
  private int throttled;
  private int failures;

  MetricDataReader(CloudWatchAsyncClient client, int periodSeconds, Pause pause,
      int maxThrottleRetries, Duration backoff) {
    this.client = client;
    this.periodSeconds = periodSeconds;
    this.pause = pause;
    this.maxThrottleRetries = maxThrottleRetries;
    this.backoff = backoff;
  }

  int calls() {
    return calls;
  }

  int throttled() {
    return throttled;
  }

  int failures() {
    return failures;
  }

  /** The points of {@code queries} whose period starts in {@code [start, end)}. */
  Raw read(List<MetricQuery> queries, Instant start, Instant end) {
    Map<String, TreeMap<Instant, Double>> points = new HashMap<>();
    Map<String, MetricQuery> byId = new LinkedHashMap<>();
    for (MetricQuery q : queries) {
      points.put(q.id(), new TreeMap<>());
      byId.put(q.id(), q);
    }
    List<String> notes = new ArrayList<>();
    for (int i = 0; i < queries.size(); i += QUERIES_PER_CALL) {
      List<MetricDataQuery> batch = new ArrayList<>();
      for (MetricQuery q : queries.subList(i, Math.min(queries.size(), i + QUERIES_PER_CALL))) {
        batch.add(toSdk(q));
      }
      String token = null;
      do {
        GetMetricDataRequest.Builder req = GetMetricDataRequest.builder()
            .metricDataQueries(batch)
            .startTime(start)
            .endTime(end)
            .scanBy(ScanBy.TIMESTAMP_ASCENDING);
        if (token != null) {
          req.nextToken(token);
        }
        GetMetricDataResponse page =
            call(() -> client.getMetricData(req.build()), "GetMetricData", notes);
        if (page == null) {
          return new Raw(points, notes, true);
        }
        for (MetricDataResult r : page.metricDataResults()) {
          add(points, byId, r, notes);
        }
        for (MessageData m : page.messages()) {
          notes.add("CloudWatch: " + m.code() + ": " + Text.oneLine(m.value()));
        }
        token = page.nextToken();
      } while (token != null && !token.isEmpty());
    }
    return new Raw(points, notes, false);
  }

  /**
   * The dimension sets of the metrics in {@code namespace} that carry the dimension {@code
   * name=value}, by metric name; null (with a note) when the call failed.
   */
  Map<String, List<Map<String, String>>> listMetrics(
      String namespace, String name, String value, List<String> notes) {
    Map<String, List<Map<String, String>>> found = new LinkedHashMap<>();
    String token = null;
    do {
      ListMetricsRequest.Builder req = ListMetricsRequest.builder()
          .namespace(namespace)
          .dimensions(DimensionFilter.builder().name(name).value(value).build());
      if (token != null) {
        req.nextToken(token);
      }
      ListMetricsResponse page = call(() -> client.listMetrics(req.build()), "ListMetrics", notes);
      if (page == null) {
        return null;
      }
      for (Metric m : page.metrics()) {
        Map<String, String> dims = new TreeMap<>();
        for (Dimension d : m.dimensions()) {
          dims.put(d.name(), d.value());
        }
        found.computeIfAbsent(m.metricName(), k -> new ArrayList<>()).add(dims);
      }
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    return found;
  }

  private static void add(Map<String, TreeMap<Instant, Double>> points,
      Map<String, MetricQuery> byId, MetricDataResult r, List<String> notes) {
    TreeMap<Instant, Double> into = points.get(r.id());
    if (into == null) {
      notes.add("CloudWatch answered an unknown query id '" + Text.oneLine(r.id()) + "'");
      return;
    }
    List<Instant> times = r.timestamps();
    List<Double> values = r.values();
    for (int i = 0; i < Math.min(times.size(), values.size()); i++) {
      if (times.get(i) != null && values.get(i) != null) {
        into.put(times.get(i), values.get(i));
      }
    }
    if (times.size() != values.size()) {
      notes.add(byId.get(r.id()).describe() + ": " + times.size() + " timestamps but "
          + values.size() + " values");
    }
    StatusCode status = r.statusCode();
    if (status == StatusCode.INTERNAL_ERROR || status == StatusCode.FORBIDDEN) {
      notes.add(byId.get(r.id()).describe() + ": status " + r.statusCodeAsString()
          + messages(r));
    }
  }

  private static String messages(MetricDataResult r) {
    StringBuilder sb = new StringBuilder();
    for (MessageData m : r.messages()) {
      sb.append("; ").append(m.code()).append(": ").append(Text.oneLine(m.value()));
    }
    return sb.toString();
  }

  private MetricDataQuery toSdk(MetricQuery q) {
    List<Dimension> dims = new ArrayList<>();
    q.dimensions().forEach((k, v) -> dims.add(Dimension.builder().name(k).value(v).build()));
    return MetricDataQuery.builder()
        .id(q.id())
        .returnData(true)
        .metricStat(MetricStat.builder()
            .metric(Metric.builder()
                .namespace(q.namespace())
                .metricName(q.metricName())
                .dimensions(dims)
                .build())
            .period(periodSeconds)
            .stat(q.stat())
            .build())
        .build();
  }

  /** Runs {@code op}, retrying throttled calls; null (with a note) when it finally failed. */
  private <T> T call(Supplier<CompletableFuture<T>> op, String what, List<String> notes) {
    for (int attempt = 0; ; attempt++) {
      calls++;
      Throwable failure;
      try {
        return op.get().join();
      } catch (CompletionException e) {
        failure = e.getCause() != null ? e.getCause() : e;
      } catch (RuntimeException e) {
        failure = e;
      }
      if (!isThrottling(failure)) {
        failures++;
        notes.add(what + " failed: " + reason(failure));
        return null;
      }
      throttled++;
      if (attempt >= maxThrottleRetries) {
        failures++;
        notes.add(what + " throttled " + (attempt + 1) + " times in a row; gave up ("
            + reason(failure) + ")");
        return null;
      }
      try {
        pause.pause(backoff.multipliedBy(1L << Math.min(attempt, 10)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        notes.add(what + " throttled and interrupted while backing off");
        return null;
      }
    }
  }

  /** Whether {@code t} is CloudWatch saying "slow down". */
  static boolean isThrottling(Throwable t) {
    if (t instanceof AwsServiceException) {
      AwsServiceException e = (AwsServiceException) t;
      if (e.isThrottlingException() || e.statusCode() == 429) {
        return true;
      }
      return e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
          && THROTTLING_CODES.contains(e.awsErrorDetails().errorCode());
    }
    return false;
  }

  /** The service's error code and message, or the exception's class and message. */
  static String reason(Throwable t) {
    if (t instanceof AwsServiceException && ((AwsServiceException) t).awsErrorDetails() != null) {
      AwsServiceException s = (AwsServiceException) t;
      return s.awsErrorDetails().errorCode() + " (HTTP " + s.statusCode() + "): "
          + Text.oneLine(s.awsErrorDetails().errorMessage());
    }
    return t.getClass().getSimpleName() + ": " + Text.oneLine(t.getMessage());
  }
}
