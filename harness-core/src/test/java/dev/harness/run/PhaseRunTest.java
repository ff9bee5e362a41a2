package dev.harness.run;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.harness.config.LoadedPlan;
import dev.harness.config.PlanLoader;
import dev.harness.config.PlanOverrides;
import dev.harness.record.Outcome;
import dev.harness.record.RequestLog;
import dev.harness.record.RequestRecord;
import dev.harness.result.ResultsJson;
import dev.harness.result.RunResult;
import dev.harness.result.StepResult;
import dev.harness.time.NanoClock;
import dev.harness.traffic.ArrivalProcess;
import dev.harness.traffic.Schedule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhaseRunTest {
  private static final String TOKEN_VARIABLE = "HARNESS_TEST_TOKEN";
  private static final String TOKEN = "tok-7f3c9a51e2d84b6f-secret";

  @TempDir Path dir;

  /** Writes {@code count} payload lines beside the plan and loads the plan text. */
  private LoadedPlan plan(String url, int payloadCount, String targetExtra, String payloadExtra,
      String phases, Map<String, String> env) throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < payloadCount; i++) {
      lines.append("{\"id\": \"p").append(i).append("\", \"body\": {\"n\": ").append(i)
          .append("}}\n");
    }
    Files.writeString(dir.resolve("bodies.jsonl"), lines);
    String yaml =
        "name: phase-run-test\n"
            + "target:\n"
            + "  protocol: http\n"
            + "  url: " + url + "\n"
            + targetExtra
            + "payloads:\n"
            + "  file: bodies.jsonl\n"
            + payloadExtra
            + "phases:\n"
            + phases
            + "limits:\n"
            + "  request-timeout: 2s\n"
            + "  drain-timeout: 2s\n"
            + "seed: 11\n";
    return new PlanLoader(env)
        .parse(yaml, dir.resolve("plan.yaml"),
            new PlanOverrides(null, null, null, null, dir.resolve("out")));
  }

  private LoadedPlan plan(String url, String phases) throws Exception {
    return plan(url, 2, "", "", phases, Map.of());
  }

  private static PhaseRun prepare(LoadedPlan loaded, Map<String, String> env) throws Exception {
    return PhaseRun.prepare(
        loaded.plan(), loaded.warnings(), env, NanoClock.system(), "test-1.0", 1);
  }

  /** The intended send times the schedule produces, counted independently of the engine. */
  private static long intendedRequests(Schedule schedule) {
    ArrivalProcess arrivals = schedule.arrivals();
    long n = 0;
    while (arrivals.nextIntendedNanos() != ArrivalProcess.END) {
      n++;
    }
    return n;
  }

  private static final String TWO_STEPS =
      "  - {name: slow, type: constant, rate: 15, duration: 1s, arrival: uniform}\n"
          + "  - {name: fast, type: constant, rate: 30, duration: 1s, arrival: poisson}\n";

  @Test
  void resultsJsonRoundTripsThroughRead() throws Exception {
    try (RecordingEndpoint endpoint = new RecordingEndpoint()) {
      PhaseRun run = prepare(plan(endpoint.url("/score"), TWO_STEPS), Map.of());

      RunResult result = run.execute(p -> {});

      RunResult read = ResultsJson.read(run.directory());
      assertThat(read).isEqualTo(result);
      assertThat(ResultsJson.read(run.directory().resolve(ResultsJson.FILE_NAME)))
          .isEqualTo(result);
      assertThat(read.schemaVersion()).isEqualTo(RunResult.SCHEMA_VERSION);
      assertThat(read.runId()).isEqualTo(run.directory().getFileName().toString());
      assertThat(read.kind()).isEqualTo("run");
      assertThat(read.seed()).isEqualTo(11);
      assertThat(read.versions()).containsEntry("harness", "test-1.0")
          .containsKeys("java", "netty", "os");
      assertThat(read.steps()).extracting(StepResult::name).containsExactly("slow", "fast");
      assertThat(read.endedAt()).isAfterOrEqualTo(read.startedAt());
      assertThat(read.interrupted()).isFalse();
    }
  }

  @Test
  void everyScheduledRequestHasExactlyOneRecordAndTheStepCountsMatchThem() throws Exception {
    try (RecordingEndpoint endpoint = new RecordingEndpoint()) {
      PhaseRun run = prepare(plan(endpoint.url("/score"), TWO_STEPS), Map.of());
      long intended = intendedRequests(run.schedule());

      RunResult result = run.execute(p -> {});

      List<RequestRecord> records = RequestLog.read(run.directory().resolve("requests.bin"));
      assertThat(records).extracting(RequestRecord::sequence)
          .containsExactlyInAnyOrderElementsOf(
              LongStream.range(0, intended).boxed().collect(Collectors.toList()));
      assertThat(result.totals().scheduled()).isEqualTo(intended);
      for (RequestRecord r : records) {
        assertThat(r.step()).as("step of request %d", r.sequence())
            .isEqualTo(run.schedule().stepIndexAt(r.intended()));
      }
      for (StepResult step : result.steps()) {
        Map<String, Long> fromRecords =
            records.stream()
                .filter(r -> r.step() == step.index())
                .collect(groupingBy(r -> r.outcome().label(), TreeMap::new, counting()));
        assertThat(step.outcomes()).as("outcomes of step %s", step.name())
            .isEqualTo(fromRecords);
        assertThat(step.scheduled()).isEqualTo(fromRecords.values().stream()
            .mapToLong(Long::longValue).sum());
        long ok = fromRecords.getOrDefault(Outcome.SUCCESS.label(), 0L);
        assertThat(step.latencies().get("e2e").n()).isEqualTo(ok);
      }
      assertThat(endpoint.requests()).isEqualTo(result.totals().succeeded());
    }
  }

  @Test
  void stopFromAnotherThreadStillWritesEveryFile() throws Exception {
    try (RecordingEndpoint endpoint = new RecordingEndpoint()) {
      PhaseRun run =
          prepare(
              plan(endpoint.url("/score"),
                  "  - {name: long, type: constant, rate: 20, duration: 30s}\n"),
              Map.of());
      long intended = intendedRequests(run.schedule());
      CountDownLatch firstProgress = new CountDownLatch(1);
      Thread stopper =
          new Thread(
              () -> {
                try {
                  if (firstProgress.await(20, TimeUnit.SECONDS)) {
                    run.stop("interrupted");
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "test-stopper");
      stopper.start();

      RunResult result = run.execute(p -> firstProgress.countDown());
      stopper.join();

      assertThat(result.interrupted()).isTrue();
      assertThat(result.stopReason()).isEqualTo("interrupted");
      for (String file : List.of("results.json", "latency.hlog", "requests.bin")) {
        assertThat(run.directory().resolve(file)).isNotEmptyFile();
      }
      RunResult read = ResultsJson.read(run.directory());
      assertThat(read.interrupted()).isTrue();
      assertThat(read.stopReason()).isEqualTo("interrupted");
      List<RequestRecord> records = RequestLog.read(run.directory().resolve("requests.bin"));
      assertThat(records).hasSize((int) read.totals().scheduled());
      assertThat(read.totals().scheduled()).isPositive().isLessThan(intended);
      assertThat(records).extracting(RequestRecord::sequence).doesNotHaveDuplicates()
          .allSatisfy(s -> assertThat(s).isLessThan(read.totals().scheduled()));
    }
  }

  @Test
  void aBearerTokenReachesTheServerButNoOutputFile() throws Exception {
    Map<String, String> env = Map.of(TOKEN_VARIABLE, TOKEN);
    try (RecordingEndpoint endpoint = new RecordingEndpoint()) {
      LoadedPlan loaded =
          plan(
              endpoint.url("/score"),
              2,
              "  auth: {bearer-token-env: " + TOKEN_VARIABLE + "}\n",
              "",
              "  - {type: constant, rate: 20, duration: 1s}\n",
              env);
      PhaseRun run = prepare(loaded, env);

      RunResult result = run.execute(p -> {});

      assertThat(result.totals().succeeded()).isPositive();
      assertThat(endpoint.authorizations())
          .hasSize((int) result.totals().succeeded())
          .containsOnly("Bearer " + TOKEN);
      assertThat(result.plan().headerNames()).contains("Authorization");
      List<Path> files;
      try (Stream<Path> s = Files.list(run.directory())) {
        files = s.collect(Collectors.toList());
      }
      assertThat(files).extracting(f -> f.getFileName().toString())
          .contains("results.json", "latency.hlog", "requests.bin");
      byte[] token = TOKEN.getBytes(StandardCharsets.UTF_8);
      for (Path f : files) {
        assertThat(indexOf(Files.readAllBytes(f), token)).as("token in %s", f).isEqualTo(-1);
      }
      assertThat(String.join("\n", result.warnings())).doesNotContain(TOKEN);
    }
  }

  @Test
  void sendingMoreThanThreeTimesTheSetWarnsAboutPromptCaches() throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 2; i++) {
      lines.append("{\"messages\": [{\"role\": \"user\", \"content\": \"q").append(i)
          .append("\"}], \"max_tokens\": 5}\n");
    }
    Files.writeString(dir.resolve("chats.jsonl"), lines);
    String yaml =
        "target: {protocol: openai-chat, url: \"http://127.0.0.1:1\"}\n"
            + "payloads: {file: chats.jsonl}\n"
            + "phases:\n  - {type: constant, rate: 20, duration: 1s}\n";
    LoadedPlan llm =
        new PlanLoader(Map.of())
            .parse(yaml, dir.resolve("chat-plan.yaml"),
                new PlanOverrides(null, null, null, null, dir.resolve("out")));
    PhaseRun run = prepare(llm, Map.of());
    run.payloads().close();
    assertThat(run.warnings()).filteredOn(w -> w.contains("prompt caches")).singleElement()
        .asString().startsWith("payloads: ").contains("set of 2");

    // A plain HTTP endpoint has no prompt cache to fool: no warning there.
    PhaseRun http =
        prepare(plan("http://127.0.0.1:1/score", 2, "", "",
            "  - {type: constant, rate: 20, duration: 1s}\n", Map.of()), Map.of());
    http.payloads().close();
    assertThat(http.warnings()).noneMatch(w -> w.contains("prompt caches"));
  }

  @Test
  void noRepeatWarningWithinThreeTimesTheSetOrWithSaltedPrompts() throws Exception {
    String url = "http://127.0.0.1:1/score";
    String sixRequests = "  - {type: constant, rate: 6, duration: 1s}\n";
    List<String> warnings = new ArrayList<>();
    PhaseRun withinThreeTimes = prepare(plan(url, 2, "", "", sixRequests, Map.of()), Map.of());
    warnings.addAll(withinThreeTimes.warnings());
    PhaseRun salted =
        prepare(
            plan(url, 1, "", "  salt-prompts: true\n",
                "  - {type: constant, rate: 50, duration: 1s}\n", Map.of()),
            Map.of());
    warnings.addAll(salted.warnings());
    withinThreeTimes.payloads().close();
    salted.payloads().close();

    assertThat(warnings).noneMatch(w -> w.contains("prompt caches"));
  }

  @Test
  void aMissingSecretFailsPrepareNamingTheVariableButNoValue() throws Exception {
    LoadedPlan loaded =
        plan("http://127.0.0.1:1/score", 2,
            "  auth: {bearer-token-env: " + TOKEN_VARIABLE + "}\n", "",
            "  - {type: constant, rate: 5, duration: 1s}\n", Map.of());

    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
        () -> prepare(loaded, Map.of("OTHER", TOKEN)));

    assertThat(thrown).isInstanceOf(dev.harness.config.PlanException.class)
        .hasMessageContaining(TOKEN_VARIABLE).hasMessageContaining("not set");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
