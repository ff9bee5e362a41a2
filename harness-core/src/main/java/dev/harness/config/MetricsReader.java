package dev.harness.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads {@code metrics:} into a {@link MetricsSpec}: {@code cloudwatch:} as {@link
 * CloudWatchSpec#read} says, and {@code prometheus:} either {@code auto}
 * (the target's {@code scheme://host:port/metrics}), a URL, or a mapping with {@code url} (again
 * {@code auto} or a URL), {@code interval} and {@code extra-series}.
 */
final class MetricsReader {
  private MetricsReader() {}

  static final List<String> KEYS = List.of("prometheus", "cloudwatch");
  static final List<String> PROMETHEUS_KEYS = List.of("url", "interval", "extra-series");
  static final String AUTO = "auto";

  /** The section, or null when the plan has none. */
  static MetricsSpec read(MappingReader plan, Target target) throws PlanException {
    MappingReader m = plan.mapping("metrics", "the metrics sources");
    if (m == null) {
      return null;
    }
    m.allowOnly(KEYS);
    PrometheusSpec prometheus = prometheus(m, target);
    CloudWatchSpec cloudwatch = null;
    Node cw = m.value("cloudwatch");
    if (cw != null) {
      cloudwatch = CloudWatchSpec.read(MappingReader.of(m.file(), cw, m.field("cloudwatch"),
          "a CloudWatch source (region:, preset: sagemaker|ec2, ...)"));
    }
    if (prometheus == null && cloudwatch == null) {
      throw m.error("names no source; add prometheus: or cloudwatch: (or remove metrics:)");
    }
    return new MetricsSpec(prometheus, cloudwatch);
  }

  private static PrometheusSpec prometheus(MappingReader m, Target target) throws PlanException {
    Node node = m.value("prometheus");
    if (node == null) {
      return null;
    }
    if (node instanceof ScalarNode) {
      return PrometheusSpec.of(url(m, "prometheus", target));
    }
    MappingReader p = MappingReader.of(m.file(), node, m.field("prometheus"),
        "a Prometheus source (auto, a URL, or url:/interval:/extra-series:)");
    p.allowOnly(PROMETHEUS_KEYS);
    URI url = url(p, "url", target);
    Duration interval = p.positiveDuration("interval", PrometheusSpec.DEFAULT_INTERVAL);
    return new PrometheusSpec(url, interval, extraSeries(p));
  }

  /** {@code auto} or an absolute http(s) URL at {@code key}. */
  private static URI url(MappingReader m, String key, Target target) throws PlanException {
    String text = m.requiredText(key);
    if (text.equals(AUTO)) {
      return PrometheusSpec.metricsUrlOf(target.url());
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw m.errorAt(key, "not a valid URL: " + e.getReason() + " (or use auto for "
          + PrometheusSpec.metricsUrlOf(target.url()) + ")");
    }
    String scheme = uri.getScheme();
    if (scheme == null || !scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")
        || uri.getHost() == null) {
      throw m.errorAt(key, "must be auto or an absolute http(s) URL with a host, e.g. "
          + PrometheusSpec.metricsUrlOf(target.url()) + ", got " + Nodes.quote(text));
    }
    return uri;
  }

  private static List<String> extraSeries(MappingReader p) throws PlanException {
    List<Node> items = p.list("extra-series");
    List<String> names = new ArrayList<>();
    if (items == null) {
      return names;
    }
    for (int i = 0; i < items.size(); i++) {
      String field = p.field("extra-series") + "[" + i + "]";
      String name = Nodes.nonBlankText(p.file(), items.get(i), field);
      if (!isMetricName(name)) {
        throw Nodes.error(p.file(), items.get(i), field, "not a Prometheus metric name "
            + "(letters, digits, '_' and ':', not starting with a digit): " + Nodes.quote(name));
      }
      if (names.contains(name)) {
        throw Nodes.error(p.file(), items.get(i), field, Nodes.quote(name) + " is listed twice");
      }
      names.add(name);
    }
    return names;
  }

  private static boolean isMetricName(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':';
      if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
        return false;
      }
    }
    return !s.isEmpty();
  }
}
