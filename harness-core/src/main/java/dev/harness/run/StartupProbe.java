package dev.harness.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harness.config.Plan;
import dev.harness.payload.PayloadException;
import dev.harness.payload.PayloadSet;
import dev.harness.protocol.Protocol;
import dev.harness.protocol.Protocols;
import dev.harness.protocol.RequestSpec;
import dev.harness.result.RecommendationResult;
import dev.harness.time.NanoClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What happens when a deployment the harness started itself comes up, off the measured path and
 * with the JDK HTTP client: its health check (a model that does not fit fails it, and the answer's
 * error text is the evidence) and a cold-start probe (the first requests, sent together as soon as
 * the health check said OK).
 */
final class StartupProbe {
  /** Requests of the cold-start probe. */
  static final int COLD_REQUESTS = 3;

  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");
  private static final ObjectMapper JSON = new ObjectMapper();

  private StartupProbe() {}

  /**
   * GETs {@code healthUrl}: null when it answers 2xx, else one line with the status and the
   * server's error text (an OpenAI-style {@code error.message} when the body has one).
   */
  static String unhealthy(URI healthUrl, Duration timeout) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
    try {
      HttpResponse<String> res = client.send(
          HttpRequest.newBuilder(healthUrl).timeout(timeout).GET().build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (res.statusCode() / 100 == 2) {
        return null;
      }
      return "GET " + healthUrl.getRawPath() + " answered " + res.statusCode() + ": "
          + errorText(res.body());
    } catch (IOException e) {
      return "GET " + healthUrl + " failed: " + e;
    }
  }

  /** The {@code error.message} (or {@code message}) of a JSON body, else the body itself. */
  static String errorText(String body) {
    try {
      JsonNode n = JSON.readTree(body);
      JsonNode m = n.path("error").path("message");
      if (m.isTextual()) {
        return m.textValue();
      }
      if (n.path("message").isTextual()) {
        return n.path("message").textValue();
      }
    } catch (IOException | RuntimeException e) {
      // not JSON: the text as it is
    }
    String s = body == null ? "" : body.strip();
    return s.length() > 500 ? s.substring(0, 500) + "..." : s;
  }

  /**
   * Sends the plan's first {@value #COLD_REQUESTS} payloads at once and times each from now (the
   * moment the health check said OK) to its whole response.
   */
  static RecommendationResult.ColdStart coldStart(Plan plan, Map<String, String> headers,
      NanoClock clock) throws IOException, PayloadException, InterruptedException {
    Protocol protocol = Protocols.create(plan.target());
    Duration timeout = plan.limits().requestTimeout();
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(plan.limits().connectTimeout()).build();
    URI url = plan.target().url();
    String origin = url.getScheme() + "://" + url.getRawAuthority();
    List<CompletableFuture<Long>> sent = new ArrayList<>();
    long start;
    try (PayloadSet set = PayloadSet.open(plan.payloads().file(),
        plan.payloads().skipBadLines())) {
      List<HttpRequest> requests = new ArrayList<>();
      for (int i = 0; i < COLD_REQUESTS; i++) {
        RequestSpec spec = protocol.build(set.get(i % set.size()), i);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin + spec.pathAndQuery()))
            .timeout(timeout)
            .method(spec.method(), HttpRequest.BodyPublishers.ofByteArray(spec.body()));
        spec.headers().forEach((k, v) -> header(b, k, v));
        headers.forEach((k, v) -> header(b, k, v));
        requests.add(b.build());
      }
      start = clock.nanoTime();
      for (HttpRequest req : requests) {
        sent.add(client.sendAsync(req, HttpResponse.BodyHandlers.discarding())
            .thenApply(res -> res.statusCode() / 100 == 2 ? clock.nanoTime() : -1L)
            .exceptionally(e -> -1L));
      }
    }
    List<Double> latencies = new ArrayList<>();
    Double first = null;
    for (CompletableFuture<Long> f : sent) {
      long done;
      try {
        done = f.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
      } catch (ExecutionException | TimeoutException e) {
        done = -1;
      }
      Double ms = done < 0 ? null : (done - start) / 1e6;
      latencies.add(ms);
      if (ms != null && (first == null || ms < first)) {
        first = ms;
      }
    }
    return new RecommendationResult.ColdStart(first, latencies);
  }

  private static void header(HttpRequest.Builder b, String name, String value) {
    if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
      b.header(name, value);
    }
  }
}
