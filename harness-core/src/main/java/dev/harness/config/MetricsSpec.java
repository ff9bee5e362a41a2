package dev.harness.config;

/**
 * The server-side metrics sources sampled alongside a run (the plan's {@code metrics:} section;
 * absent means none: the harness never scrapes unless asked). Each source is optional; at least
 * one is present.
 *
 * @param prometheus a Prometheus scrape of the endpoint or an exporter beside it, or null
 * @param cloudwatch CloudWatch metrics of a SageMaker endpoint or an EC2 host, read after each
 *     search (the data is late and coarse), or null
 */
public record MetricsSpec(PrometheusSpec prometheus, CloudWatchSpec cloudwatch) {
  public MetricsSpec {
    if (prometheus == null && cloudwatch == null) {
      throw new IllegalArgumentException("a metrics section needs at least one source");
    }
  }
}
