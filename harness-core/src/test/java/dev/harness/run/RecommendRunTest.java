package dev.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.net.httpserver.HttpServer;
import dev.harness.config.LoadedRecommendPlan;
import dev.harness.config.PlanLoader;
import dev.harness.config.PlanOverrides;
import dev.harness.cost.CandidateOutcome;
import dev.harness.cost.RejectionReason;
import dev.harness.result.RecommendationResult;
import dev.harness.result.RecommendationResult.Candidate;
import dev.harness.result.ResultsJson;
import dev.harness.result.RunResult;
import dev.harness.sim.SimProfile;
import dev.harness.sim.SimProfiles;
import dev.harness.testing.RefusedPort;
import dev.harness.time.NanoClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code harness recommend} end to end on small plans, one rejection reason each (and one passing
 * candidate), every evidence checked against what the simulator itself says or is built to do,
 * never against the harness's own numbers. Searches are kept to a few seconds.
 */
class RecommendRunTest {
  static final List<Path> BASES = List.of(Path.of("..").toAbsolutePath().normalize());
  static final Path PAYLOADS =
      Path.of("../payloads/chat-support.jsonl").toAbsolutePath().normalize();
  private static final String TRAFFIC = "traffic: {steady: 60/min, peak: 120/min}\n";

  @TempDir Path dir;

  private RecommendRun.Report recommend(String body, RecommendListener listener)
      throws Exception {
    String yaml = "name: rec\npayloads: {file: '" + PAYLOADS + "'}\noutput: '" + dir + "'\n"
        + body;
    LoadedRecommendPlan loaded = new PlanLoader(Map.of()).parseRecommend(yaml,
        dir.resolve("plan.yaml"), PlanOverrides.none());
    RecommendRun run = RecommendRun.prepare(loaded.plan(), loaded.warnings(), Map.of(),
        NanoClock.system(), "test", 1, BASES);
    return run.execute(listener);
  }

  private RecommendRun.Report recommend(String body) throws Exception {
    return recommend(body, RecommendListener.NONE);
  }

  /** A classic (c-server queue) profile file. */
  private Path classicProfile(String name, int servers, String distribution, String mean)
      throws Exception {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, String.join("\n",
        "name: " + name,
        "kind: classic",
        "instance: {type: c6i.xlarge, vcpus: 4, memory-gib: 8}",
        "model: {name: scorer, servers: " + servers + ", service-time: " + distribution
            + ", mean: " + mean + "}", ""));
    return file;
  }

  private static Candidate only(RecommendationResult r, String name) {
    return r.candidates().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aModelThatDoesNotFitIsRejectedWithTheSimulatorsHealthErrorAsEvidence() throws Exception {
    Path profile = dir.resolve("too-big.yaml");
    Files.writeString(profile, String.join("\n",
        "name: too-big",
        "kind: llm",
        "instance: {type: g5.2xlarge, accelerator: NVIDIA A10G, accelerators: 1,"
            + " accelerator-memory-gib: 24, vcpus: 8, memory-gib: 32}",
        "model: {name: big-13b, weights-gib: 26, kv-bytes-per-token: 819200,"
            + " decode-base: 40ms}", ""));
    String loadFailure = SimProfiles.load(profile).loadFailure();
    assertThat(loadFailure).as("the profile is built not to fit").isNotNull();

    RecommendRun.Report report = recommend(TRAFFIC + """
        candidates:
          - {name: big, sim: '%s', instance-type: g5.2xlarge}
        """.formatted(profile));

    CandidateOutcome big = report.ranking().rejected().get(0);
    assertThat(big.rejection().reason()).isEqualTo(RejectionReason.DOES_NOT_FIT);
    assertThat(big.rejection().evidence()).isEqualTo("GET /health answered 503: " + loadFailure);
    RecommendationResult rec = ResultsJson.read(report.directory()).recommendation();
    Candidate c = only(rec, "big");
    assertThat(c.status()).isEqualTo("rejected");
    assertThat(c.rejectionReason()).isEqualTo("does-not-fit");
    assertThat(c.resultsDir()).as("nothing was measured").isNull();
    assertThat(rec.decision()).isNull();
    assertThat(rec.nothingFits()).isTrue();
  }

  @Test
  void aDeclaredIncompatibleCandidateIsNotRunAndCarriesTheReasonAsWritten() throws Exception {
    SimProfile inf2 = SimProfiles.resolve("sim-inf2.xlarge", BASES);
    assertThat(inf2.incompatible()).isNotNull();

    RecommendRun.Report report = recommend(TRAFFIC + """
        candidates:
          - {name: inf2-declared, instance-type: inf2.xlarge, incompatible: needs Neuron}
          - {sim: sim-inf2.xlarge}
        """);

    assertThat(report.ranking().rejected())
        .extracting(c -> c.rejection().reason(), c -> c.rejection().evidence())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(RejectionReason.DECLARED_INCOMPATIBLE,
                "declared incompatible: needs Neuron"),
            org.assertj.core.groups.Tuple.tuple(RejectionReason.DECLARED_INCOMPATIBLE,
                "declared incompatible: " + inf2.incompatible()));
    assertThat(Files.exists(report.directory().resolve("candidates"))).isFalse();
    RunResult r = ResultsJson.read(report.directory());
    assertThat(r.kind()).isEqualTo("recommend");
    assertThat(r.totals().scheduled()).isZero();
  }

  @Test
  void anSloMissedAtTheLowestRateNamesTheObjectiveTheObservedValueAndN() throws Exception {
    // every request takes 50 ms of service: an objective of 20 ms cannot be met at any rate
    Path slow = classicProfile("slow", 1, "deterministic", "50ms");

    RecommendRun.Report report = recommend(TRAFFIC + """
        slo:
          objectives: [{metric: e2e, percentile: p90, threshold: 20ms}]
        capacity: {start-rate: 4, min-rate: 4, trial-duration: 2s, final-duration: 2s,
                   max-step-duration: 3s, warmup: 1s, cooldown-timeout: 5s, max-duration: 30s}
        candidates:
          - name: slow
            sim: '%s'
            instance-type: c6i.xlarge
            target: {protocol: http, url: 'http://sim/v1/score'}
        """.formatted(slow));

    CandidateOutcome c = report.ranking().rejected().get(0);
    assertThat(c.rejection().reason()).isEqualTo(RejectionReason.SLO_MISSED_AT_LOWEST_RATE);
    Matcher m = Pattern.compile("p90 e2e ≤ 20 ms missed at 4\\.00 requests/s: observed (\\d+) ms"
        + " > 20 ms \\(n = (\\d+)\\)").matcher(c.rejection().evidence());
    assertThat(m.matches()).as(c.rejection().evidence()).isTrue();
    assertThat(Integer.parseInt(m.group(1))).as("observed p90, ms").isGreaterThanOrEqualTo(50);
    assertThat(Long.parseLong(m.group(2))).as("n").isPositive();
    Candidate entry = only(ResultsJson.read(report.directory()).recommendation(), "slow");
    assertThat(entry.resultsDir()).isEqualTo("candidates/slow");
    assertThat(ResultsJson.read(report.directory().resolve("candidates/slow")).kind())
        .isEqualTo("capacity");
  }

  /**
   * A loopback endpoint that answers, after a first success, {@code failures} requests of every
   * {@code period} with {@code status} and the rest with 200: a server whose failures are known
   * by construction.
   */
  private static HttpServer failing(int failures, int period, int status) throws Exception {
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    AtomicLong count = new AtomicLong();
    server.createContext("/v1/score", exchange -> {
      exchange.getRequestBody().readAllBytes();
      long n = count.getAndIncrement();
      int code = n > 0 && n % period < failures ? status : 200;
      byte[] body = (code == 200 ? "{\"score\": 0.5}" : "{\"error\": \"no\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(code, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    return server;
  }

  private static final String SHORT_SEARCH = """
      slo:
        objectives: [{metric: e2e, percentile: p90, threshold: 200ms}]
      capacity: {start-rate: 4, min-rate: 4, trial-duration: 2s, final-duration: 2s,
                 max-step-duration: 3s, warmup: 1s, cooldown-timeout: 5s, max-duration: 30s}
      """;

  /**
   * The one candidate {@code name} against {@code server}, searched briefly: its rejection (the
   * test is skipped when the generator, not the endpoint, was the limit).
   */
  private CandidateOutcome onlyRejected(HttpServer server, String name) throws Exception {
    RecommendRun.Report report = recommend(TRAFFIC + SHORT_SEARCH + """
        candidates:
          - name: %s
            instance-type: c6i.xlarge
            target: {protocol: http, url: 'http://127.0.0.1:%d/v1/score'}
        """.formatted(name, server.getAddress().getPort()));
    CandidateOutcome c = report.ranking().rejected().get(0);
    assumeThat(c.rejection().reason()).as("the load generator fell behind (a busy machine)")
        .isNotEqualTo(RejectionReason.GENERATOR_LIMITED);
    return c;
  }

  @Test
  void anEndpointThatThrottlesMostRequestsAtTheLowestRateIsRejectedAsThrottled()
      throws Exception {
    HttpServer server = failing(2, 3, 429); // two requests in three answered 429
    try {
      CandidateOutcome c = onlyRejected(server, "throttling");
      assertThat(c.rejection().reason()).as(c.rejection().evidence())
          .isEqualTo(RejectionReason.THROTTLED);
      Matcher m = Pattern.compile("(\\d+) of (\\d+) requests throttled at 4\\.00 requests/s")
          .matcher(c.rejection().evidence());
      assertThat(m.matches()).as(c.rejection().evidence()).isTrue();
      double share = Double.parseDouble(m.group(1)) / Double.parseDouble(m.group(2));
      assertThat(share).as("share throttled").isBetween(0.5, 0.8);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void anEndpointThatFailsOneRequestInTwentyIsRejectedForItsErrorRate() throws Exception {
    // 5 % of requests answered 500: within the p90 objective's 10 %, five times the 1 % allowed
    HttpServer server = failing(1, 20, 500);
    try {
      CandidateOutcome c = onlyRejected(server, "failing");
      assertThat(c.rejection().reason()).as(c.rejection().evidence())
          .isEqualTo(RejectionReason.ERROR_RATE);
      Matcher m = Pattern.compile("(\\d+\\.\\d) % of requests failed (?:at [\\d.]+ requests/s|"
          + "\\(.*\\) before any open-loop step), allowed 1\\.0 % \\(n = (\\d+)\\).*")
          .matcher(c.rejection().evidence());
      assertThat(m.matches()).as(c.rejection().evidence()).isTrue();
      assertThat(Double.parseDouble(m.group(1))).as("per cent failed").isBetween(3.0, 8.0);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aTargetNobodyListensOnIsRejectedForNoSuccessfulRequest() throws Exception {
    RefusedPort refused = new RefusedPort();
    int port = refused.port();
    RecommendRun.Report report;
    try (refused) {
      report = recommend(TRAFFIC + """
          limits: {connect-timeout: 1s}
          candidates:
            - name: nobody
              instance-type: c6i.xlarge
              target: {protocol: http, url: 'http://127.0.0.1:%d/v1/score'}
          """.formatted(port));
    }

    CandidateOutcome c = report.ranking().rejected().get(0);
    assertThat(c.rejection().reason()).isEqualTo(RejectionReason.NO_SUCCESSFUL_REQUEST);
    assertThat(c.rejection().evidence()).contains("127.0.0.1:" + port, "connect");
  }

  @Test
  void aPassingCandidateIsRankedSizedAndDecidedWithItsColdStart() throws Exception {
    Path fast = classicProfile("fast", 1, "exponential", "2ms");
    Path slow = classicProfile("slow", 4, "deterministic", "250ms");
    List<String> events = new ArrayList<>();
    RecommendListener listener = new RecommendListener() {
      @Override
      public void candidateStarting(int index, int count,
          dev.harness.config.CandidateSpec candidate) {
        events.add("start " + (index + 1) + "/" + count + " " + candidate.name());
      }

      @Override
      public void candidateFinished(int index, int count,
          dev.harness.config.CandidateSpec candidate, CandidateOutcome outcome, String notRun) {
        events.add("end " + candidate.name() + " " + (outcome.passed() ? "passed"
            : "rejected (" + outcome.rejection().evidence() + ")"));
      }
    };

    RecommendRun.Report report = recommend("""
        traffic: {steady: 30/s, peak: 50/s, peak-hours-per-day: 6, redundancy: 1}
        slo:
          objectives: [{metric: e2e, percentile: p90, threshold: 200ms}]
        capacity: {ladder: [10, 20], trial-duration: 2s, final-duration: 2s, max-step-duration: 3s,
                   warmup: 1s, cooldown-timeout: 5s}
        candidates:
          - name: fast
            sim: '%s'
            instance-type: c6i.xlarge
            target: {protocol: http, url: 'http://sim/v1/score'}
          - name: slow
            sim: '%s'
            instance-type: c6i.xlarge
            target: {protocol: http, url: 'http://sim/v1/score'}
        """.formatted(fast, slow), listener);

    assumeThat(report.ranking().rejected())
        .as("the load generator fell behind (a busy machine)")
        .noneMatch(c -> c.rejection().reason() == RejectionReason.GENERATOR_LIMITED);
    assertThat(events).hasSize(4);
    assertThat(events.subList(0, 3)).containsExactly("start 1/2 fast", "end fast passed",
        "start 2/2 slow");
    assertThat(events.get(3)).startsWith("end slow rejected (p90 e2e ≤ 200 ms missed at 10.00");
    RunResult r = ResultsJson.read(report.directory());
    assertThat(r).isEqualTo(report.result());
    RecommendationResult rec = r.recommendation();
    Candidate c = only(rec, "fast");
    assertThat(c.status()).isEqualTo("passed");
    // a ladder that passes both rungs confirms 20/s and finds no fail: the bracket is [20, 20]
    assertThat(c.capacityRps()).isEqualTo(new RecommendationResult.Range(20, 20, 20));
    // 30/s steady needs 2 instances of 20/s, plus N+1; 50/s at the peak 3 + 1
    assertThat(c.steadyInstances()).isEqualTo(3);
    assertThat(c.peakInstances()).isEqualTo(4);
    assertThat(c.p99Millis()).isPositive();
    assertThat(c.coldStart().firstLatenciesMillis()).hasSize(3).doesNotContainNull();
    assertThat(c.coldStart().healthyToFirstSuccessMillis()).isPositive();
    assertThat(rec.ranking()).containsExactly("fast");
    assertThat(rec.decision().chosen()).isEqualTo("fast");
    assertThat(rec.decision().autoscalingMin()).isEqualTo(3);
    assertThat(rec.decision().autoscalingMax()).isEqualTo(4);
    assertThat(only(rec, "slow").rejectionReason()).isEqualTo("slo-missed-at-lowest-rate");
    assertThat(r.totals().scheduled()).isPositive();
  }
}
