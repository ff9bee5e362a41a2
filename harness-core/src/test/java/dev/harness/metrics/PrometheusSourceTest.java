package dev.harness.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.harness.config.PrometheusSpec;
import dev.harness.sim.SimProfile;
import dev.harness.sim.SimServer;
import dev.harness.testing.RefusedPort;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link PrometheusSource} over real sockets on 127.0.0.1. */
class PrometheusSourceTest {
  private static final Instant T0 = Instant.parse("2025-01-01T12:00:00Z");

  /** An LLM whose decode step takes 20 ms, so a 60-token request runs for about 1.2 s. */
  private static SimProfile slowDecodeLlm() {
    return new SimProfile(
        "metrics-test",
        "test",
        new SimProfile.Instance("g5.2xlarge", "NVIDIA A10G", 1, 24, 8, 32),
        1.0,
        1,
        null,
        new SimProfile.Llm("test-7b", 13, 0.9, 524_288, 4, Duration.ofMillis(20),
            Duration.ofNanos(100_000), Duration.ofNanos(10_000), 256, 16, 0),
        null);
  }

  private static double aggregateAt(List<Series> series, String name) {
    Series s = series.stream().filter(x -> x.name().equals(name) && x.isAggregate())
        .findFirst().orElseThrow(() -> new AssertionError("no aggregate " + name + " in " + series));
    assertThat(s.points()).hasSize(1);
    return s.points().get(0).value();
  }

  @Test
  void runningRequestsAndKvCacheShowWhileRequestsRunAndRunningReturnsToZero() throws Exception {
    ManualClock clock = new ManualClock(T0);
    HttpClient http = HttpClient.newHttpClient();
    try (SimServer sim = SimServer.start(slowDecodeLlm(), SimServer.Options.loopback());
        PrometheusSource source = PrometheusSource.of(
            PrometheusSpec.of(URI.create(sim.url() + "/metrics")), clock)) {
      List<HttpResponse<InputStream>> streams = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.url() + "/v1/completions"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(
                "{\"prompt\":\"hello\",\"max_tokens\":60,\"stream\":true}"))
            .build();
        streams.add(http.send(request, HttpResponse.BodyHandlers.ofInputStream()));
      }
      source.scrapeNow(); // the three streams have begun and are far from their end

      clock.advance(Duration.ofSeconds(1));
      for (HttpResponse<InputStream> r : streams) {
        assertThat(r.statusCode()).isEqualTo(200);
        try (InputStream body = r.body()) {
          assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).contains("[DONE]");
        }
      }
      source.scrapeNow();

      List<Series> during = source.fetch(T0, T0.plusSeconds(1));
      assertThat(aggregateAt(during, "requests_running")).isBetween(1.0, 3.0);
      assertThat(aggregateAt(during, "requests_waiting")).isZero();
      assertThat(aggregateAt(during, "kv_cache_usage")).isGreaterThan(0).isLessThan(1);
      assertThat(during).anyMatch(s -> s.name().equals("requests_running")
          && s.labels().equals(Map.of("model_name", "test-7b")));
      List<Series> after = source.fetch(T0.plusSeconds(1), T0.plusSeconds(2));
      assertThat(aggregateAt(after, "requests_running")).isZero();
      assertThat(aggregateAt(after, "kv_cache_usage")).isZero();
      assertThat(aggregateAt(after, "gpu_busy")).isBetween(0.0, 1.0);
      assertThat(source.latestValue("requests_running", Duration.ofSeconds(1))).hasValue(0.0);
      assertThat(source.stats().failures()).isZero();
      assertThat(source.stats().scrapes()).isEqualTo(2);
    }
  }

  @Test
  void aRefusedConnectionIsCountedAsAFailureNotThrown() throws Exception {
    try (RefusedPort refused = new RefusedPort();
        PrometheusSource source = PrometheusSource.of(
        PrometheusSpec.of(URI.create(refused.url("/metrics"))),
        new ManualClock(T0))) {
      source.scrapeNow();
      source.scrapeNow();
      assertThat(source.stats().scrapes()).isEqualTo(2);
      assertThat(source.stats().failures()).isEqualTo(2);
      assertThat(source.stats().lastError()).contains("ConnectException");
      assertThat(source.describe()).contains("2 failed").contains(":" + refused.port() + "/metrics");
      assertThat(source.fetch(T0.minusSeconds(1), T0.plusSeconds(1))).isEmpty();
      assertThat(source.latestValue("requests_running", Duration.ofHours(1))).isEmpty();
    }
  }

  @Test
  void anHttpErrorStatusIsAFailureWithTheStatus() throws Exception {
    HttpServer server = exposition(500, "oops", new CountDownLatch(1));
    try (PrometheusSource source = PrometheusSource.of(
        PrometheusSpec.of(URI.create(url(server))), new ManualClock(T0))) {
      source.scrapeNow();
      assertThat(source.stats().failures()).isEqualTo(1);
      assertThat(source.stats().lastError()).isEqualTo("HTTP 500 from " + url(server));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void startScrapesRepeatedlyOnItsOwnThreadUntilClosed() throws Exception {
    CountDownLatch threeScrapes = new CountDownLatch(3);
    HttpServer server = exposition(200, "vllm:num_requests_running 5\n", threeScrapes);
    try (PrometheusSource source = PrometheusSource.of(
        new PrometheusSpec(URI.create(url(server)), Duration.ofMillis(20), List.of()),
        Clock.systemUTC())) {
      source.start();
      source.start(); // a second start changes nothing
      assertThat(threeScrapes.await(30, TimeUnit.SECONDS)).isTrue();
      source.close();
      List<Series> s = source.fetch(Instant.EPOCH, Instant.now().plusSeconds(60));
      assertThat(s).hasSize(1);
      assertThat(s.get(0).points().size()).isGreaterThanOrEqualTo(2);
      assertThat(s.get(0).points()).allMatch(p -> p.value() == 5.0);
    } finally {
      server.stop(0);
    }
  }

  private static String url(HttpServer server) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/metrics";
  }

  /** A server answering every request with {@code status} and {@code body}. */
  private static HttpServer exposition(int status, String body, CountDownLatch requests)
      throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    server.createContext("/metrics", exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
      requests.countDown();
    });
    server.start();
    return server;
  }
}
