package dev.harness.protocol.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.http.HttpMetric;
import software.amazon.awssdk.metrics.MetricCollector;

class SdkMetricsTest {

  /** One API call as the SDK publishes it: the call, one attempt, its HTTP client metrics. */
  private static void call(SdkMetrics m, long acquireMillis, int pending, int leased) {
    MetricCollector call = MetricCollector.create("ApiCall");
    call.reportMetric(CoreMetric.API_CALL_DURATION, Duration.ofMillis(40));
    call.reportMetric(CoreMetric.RETRY_COUNT, 0);
    MetricCollector attempt = call.createChild("ApiCallAttempt");
    attempt.reportMetric(CoreMetric.TIME_TO_FIRST_BYTE, Duration.ofMillis(30));
    MetricCollector http = attempt.createChild("HttpClient");
    http.reportMetric(HttpMetric.CONCURRENCY_ACQUIRE_DURATION, Duration.ofMillis(acquireMillis));
    http.reportMetric(HttpMetric.PENDING_CONCURRENCY_ACQUIRES, pending);
    http.reportMetric(HttpMetric.LEASED_CONCURRENCY, leased);
    m.record(call.collect());
  }

  @Test
  void addingSumsCallsAndDistributionsAndKeepsTheLargestPoolAndPeaks() {
    SdkMetrics first = new SdkMetrics(16);
    call(first, 1, 0, 3);
    call(first, 2, 0, 5);
    SdkMetrics second = new SdkMetrics(48);
    call(second, 7, 2, 4);
    SdkMetrics total = SdkMetrics.empty();

    total.add(first);
    total.add(second);

    assertThat(total.apiCalls()).isEqualTo(3);
    assertThat(total.retries()).isZero();
    assertThat(total.maxConcurrency()).isEqualTo(48);
    assertThat(total.maxPendingAcquires()).isEqualTo(2);
    assertThat(total.maxLeasedConcurrency()).isEqualTo(5);
    assertThat(total.concurrencyAcquireMicros().getTotalCount()).isEqualTo(3);
    assertThat(total.concurrencyAcquireMicros().getMaxValue()).isBetween(6_990L, 7_010L);
    assertThat(total.timeToFirstByteMicros().getTotalCount()).isEqualTo(3);
    assertThat(first.apiCalls()).as("the parts are unchanged").isEqualTo(2);
  }

  @Test
  void metricsCannotBeAddedToThemselves() {
    SdkMetrics m = SdkMetrics.empty();
    assertThatThrownBy(() -> m.add(m)).isInstanceOf(IllegalArgumentException.class);
  }
}
