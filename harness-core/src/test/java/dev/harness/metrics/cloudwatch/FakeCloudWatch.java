package dev.harness.metrics.cloudwatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small CloudWatch behind WireMock, speaking Smithy RPC v2 CBOR: it holds datapoints per metric
 * and dimension set and answers GetMetricData and ListMetrics from them, honouring StartTime and
 * EndTime. Scripted behaviour: data published only up to a time that advances call by call (late
 * data), errors served first (throttling), and pages of at most N points per query (NextToken).
 * Every request body is kept, decoded.
 */
public final class FakeCloudWatch implements ResponseDefinitionTransformerV2 {
  public static final String NAME = "fake-cloudwatch";
  static final String PREFIX = "/service/GraniteServiceVersion20100801/operation/";

  private record Key(String namespace, String metric, Map<String, String> dims) {}

  private final Map<Key, TreeMap<Instant, Double>> data = new LinkedHashMap<>();
  private final List<Instant> publishedUpTo = new ArrayList<>();
  private final Deque<String> errors = new ArrayDeque<>();
  private final List<JsonNode> getMetricData = new ArrayList<>();
  private final List<JsonNode> listMetrics = new ArrayList<>();
  private int pageSize = Integer.MAX_VALUE;

  /** Routes CloudWatch's operations on {@code server} to this fake. */
  public void install(WireMockServer server) {
    server.stubFor(post(urlPathMatching(PREFIX + ".*"))
        .willReturn(aResponse().withTransformers(NAME)));
  }

  synchronized void reset() {
    data.clear();
    publishedUpTo.clear();
    errors.clear();
    getMetricData.clear();
    listMetrics.clear();
    pageSize = Integer.MAX_VALUE;
  }

  /** A datapoint of {@code metric} with exactly {@code dims}. */
  public synchronized FakeCloudWatch put(String namespace, String metric, Map<String, String> dims,
      Instant time, double value) {
    data.computeIfAbsent(new Key(namespace, metric, new TreeMap<>(dims)), k -> new TreeMap<>())
        .put(time, value);
    return this;
  }

  /** The n-th GetMetricData call sees points before the n-th time (the last one from then on). */
  synchronized void publishUpTo(Instant... times) {
    publishedUpTo.clear();
    publishedUpTo.addAll(List.of(times));
  }

  /** The next calls fail with these error types (status 400), one each, before data is served. */
  synchronized void failNext(String... types) {
    errors.addAll(List.of(types));
  }

  /** At most {@code n} points per query per GetMetricData page. */
  synchronized void pageSize(int n) {
    pageSize = n;
  }

  public synchronized List<JsonNode> getMetricDataRequests() {
    return List.copyOf(getMetricData);
  }

  synchronized List<JsonNode> listMetricsRequests() {
    return List.copyOf(listMetrics);
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public synchronized ResponseDefinition transform(ServeEvent event) {
    String path = event.getRequest().getUrl();
    String operation = path.substring(path.lastIndexOf('/') + 1);
    JsonNode body = Cbor.decode(event.getRequest().getBody());
    if (operation.equals("GetMetricData")) {
      getMetricData.add(body);
    } else if (operation.equals("ListMetrics")) {
      listMetrics.add(body);
    }
    if (!errors.isEmpty()) {
      String type = errors.poll();
      return cbor(400, Map.of("__type", "com.amazonaws.cloudwatch#" + type,
          "message", "scripted " + type));
    }
    switch (operation) {
      case "GetMetricData":
        return cbor(200, getMetricData(body, getMetricData.size() - 1));
      case "ListMetrics":
        return cbor(200, listMetrics(body));
      default:
        return cbor(400, Map.of("__type", "com.amazonaws.cloudwatch#UnknownOperationException",
            "message", operation));
    }
  }

  private Map<String, Object> getMetricData(JsonNode req, int call) {
    Instant start = Instant.ofEpochSecond(req.get("StartTime").asLong());
    Instant end = Instant.ofEpochSecond(req.get("EndTime").asLong());
    Instant published = publishedUpTo.isEmpty() ? Instant.MAX
        : publishedUpTo.get(Math.min(call, publishedUpTo.size() - 1));
    int offset = req.has("NextToken") ? Integer.parseInt(req.get("NextToken").asText()) : 0;
    boolean more = false;
    List<Object> results = new ArrayList<>();
    for (JsonNode q : req.get("MetricDataQueries")) {
      JsonNode metric = q.get("MetricStat").get("Metric");
      Map<String, String> dims = new TreeMap<>();
      for (JsonNode d : metric.path("Dimensions")) {
        dims.put(d.get("Name").asText(), d.get("Value").asText());
      }
      Key key = new Key(metric.get("Namespace").asText(), metric.get("MetricName").asText(), dims);
      List<Object> times = new ArrayList<>();
      List<Object> values = new ArrayList<>();
      int i = 0;
      for (Map.Entry<Instant, Double> p : data.getOrDefault(key, new TreeMap<>()).entrySet()) {
        Instant t = p.getKey();
        if (t.isBefore(start) || !t.isBefore(end) || !t.isBefore(published)) {
          continue;
        }
        if (i >= offset && i < offset + pageSize) {
          times.add(t);
          values.add(p.getValue());
        } else if (i >= offset + pageSize) {
          more = true;
        }
        i++;
      }
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("Id", q.get("Id").asText());
      r.put("Label", key.metric());
      r.put("Timestamps", times);
      r.put("Values", values);
      r.put("StatusCode", more ? "PartialData" : "Complete");
      results.add(r);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("MetricDataResults", results);
    if (more) {
      out.put("NextToken", Integer.toString(offset + pageSize));
    }
    return out;
  }

  private Map<String, Object> listMetrics(JsonNode req) {
    String namespace = req.path("Namespace").asText(null);
    List<Object> metrics = new ArrayList<>();
    for (Key k : data.keySet()) {
      if (namespace != null && !namespace.equals(k.namespace())) {
        continue;
      }
      boolean match = true;
      for (JsonNode f : req.path("Dimensions")) {
        if (!f.get("Value").asText().equals(k.dims().get(f.get("Name").asText()))) {
          match = false;
        }
      }
      if (match) {
        List<Object> dims = new ArrayList<>();
        k.dims().forEach((n, v) -> dims.add(Map.of("Name", n, "Value", v)));
        metrics.add(Map.of("Namespace", k.namespace(), "MetricName", k.metric(),
            "Dimensions", dims));
      }
    }
    return Map.of("Metrics", metrics);
  }

  private static ResponseDefinition cbor(int status, Map<String, Object> body) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(status)
        .withHeader("Content-Type", "application/cbor")
        .withHeader("smithy-protocol", "rpc-v2-cbor")
        .withBody(Cbor.encode(body))
        .build();
  }
}
