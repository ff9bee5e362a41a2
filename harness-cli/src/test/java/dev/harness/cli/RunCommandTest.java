package dev.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harness.result.ResultsJson;
import dev.harness.result.RunResult;
import dev.harness.result.StepResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RunCommandTest {
  private static final Pattern RESULTS_LINE = Pattern.compile("(?m)^results: (.+)$");

  @TempDir Path dir;

  /** A plan for a generic HTTP target, with a two-line payload set beside it. */
  private Path plan(String url, String phases) throws IOException {
    Files.writeString(
        dir.resolve("bodies.jsonl"),
        "{\"id\": \"one\", \"body\": {\"amount\": 1}}\n{\"id\": \"two\", \"body\": {\"amount\": 2}}\n");
    return Files.writeString(
        dir.resolve("plan.yaml"),
        "name: cli-smoke\n"
            + "target:\n"
            + "  protocol: http\n"
            + "  url: " + url + "\n"
            + "payloads:\n"
            + "  file: bodies.jsonl\n"
            + "  sampling: sequential\n"
            + "phases:\n"
            + phases
            + "limits:\n"
            + "  request-timeout: 2s\n"
            + "  drain-timeout: 2s\n"
            + "seed: 3\n");
  }

  private static final String TWO_SECONDS_AT_20 =
      "  - {name: steady, type: constant, rate: 20, duration: 2s, arrival: uniform}\n";

  private Path out() {
    return dir.resolve("out");
  }

  private static Path runDirectory(Cli r) {
    Matcher m = RESULTS_LINE.matcher(r.out());
    assertThat(m.find()).as("a 'results: <dir>' line in:%n%s", r.out()).isTrue();
    return Path.of(m.group(1).strip());
  }

  @Test
  void runAgainstALoopbackEndpointPrintsTheStepTableAndWritesEveryFile() throws Exception {
    try (LoopbackEndpoint endpoint = new LoopbackEndpoint()) {
      Path plan = plan(endpoint.url("/score"), TWO_SECONDS_AT_20);

      Cli r = Cli.execute("run", plan.toString(), "--out", out().toString(), "--quiet");

      assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
      assertThat(r.out()).contains("offered/s").contains("e2e p50").contains("steady");
      Path run = runDirectory(r);
      assertThat(run).isDirectory().startsWith(out().toAbsolutePath());
      assertThat(run.resolve("results.json")).isNotEmptyFile();
      assertThat(run.resolve("latency.hlog")).isNotEmptyFile();
      assertThat(run.resolve("requests.bin")).isNotEmptyFile();
      assertThat(run.resolve("results.json.tmp")).doesNotExist();

      RunResult result = ResultsJson.read(run);
      assertThat(result.interrupted()).isFalse();
      assertThat(result.totals().scheduled()).isBetween(38L, 42L);
      assertThat(result.totals().succeeded()).isEqualTo(result.totals().scheduled());
      assertThat(endpoint.requests()).isEqualTo(result.totals().succeeded());
      assertThat(r.err()).contains("cli-smoke").contains(endpoint.url("/score"));
    }
  }

  @Test
  void runWithNothingListeningExitsWithNoSuccessAndCountsConnectErrors() throws Exception {
    Path plan =
        plan(
            LoopbackEndpoint.deadUrl(),
            "  - {name: steady, type: constant, rate: 20, duration: 1s, arrival: uniform}\n");

    Cli r = Cli.execute("run", plan.toString(), "--out", out().toString(), "--quiet");

    assertThat(r.exitCode()).as("stderr: %s", r.err()).isEqualTo(ExitCodes.NO_SUCCESS);
    RunResult result = ResultsJson.read(runDirectory(r));
    assertThat(result.totals().succeeded()).isZero();
    assertThat(result.totals().scheduled()).isPositive();
    assertThat(result.totals().outcomes())
        .containsEntry("connect", result.totals().scheduled())
        .doesNotContainKey("success");
    assertThat(result.totals().errorRate()).isEqualTo(1.0);
  }

  @Test
  void rateDurationAndSeedOverridesAreRecordedInTheResults() throws Exception {
    try (LoopbackEndpoint endpoint = new LoopbackEndpoint()) {
      Path plan = plan(endpoint.url("/score"), TWO_SECONDS_AT_20);

      Cli r =
          Cli.execute(
              "run", plan.toString(), "--out", out().toString(), "--quiet",
              "--rate", "15", "--duration", "1s", "--seed", "42");

      assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
      RunResult result = ResultsJson.read(runDirectory(r));
      assertThat(result.seed()).isEqualTo(42);
      assertThat(result.plan().phases()).hasSize(1);
      Map<String, Object> phase = result.plan().phases().get(0);
      assertThat(phase)
          .containsEntry("name", "cli")
          .containsEntry("type", "constant")
          .containsEntry("rate", 15.0)
          .containsEntry("durationSeconds", 1.0)
          .containsEntry("arrival", "uniform");
      assertThat(result.steps()).extracting(StepResult::offeredRps).containsExactly(15.0);
      assertThat(result.totals().scheduled()).isBetween(14L, 16L);
    }
  }

  @Test
  void urlOverrideReplacesThePlansTarget() throws Exception {
    try (LoopbackEndpoint endpoint = new LoopbackEndpoint()) {
      Path plan = plan(LoopbackEndpoint.deadUrl(), TWO_SECONDS_AT_20);

      Cli r =
          Cli.execute(
              "run", plan.toString(), "--out", out().toString(), "--quiet",
              "--url", endpoint.url("/elsewhere"), "--duration", "1s");

      assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
      RunResult result = ResultsJson.read(runDirectory(r));
      assertThat(result.plan().url()).isEqualTo(endpoint.url("/elsewhere"));
      assertThat(endpoint.requests()).isEqualTo(result.totals().succeeded()).isPositive();
    }
  }

  static Stream<Arguments> malformedPlans() {
    return Stream.of(
        Arguments.of(
            "YAML syntax error",
            "target: {protocol: http, url: http://127.0.0.1:1\n"
                + "payloads: {file: bodies.jsonl}\n",
            "(document)"),
        Arguments.of(
            "unknown field",
            "target:\n  protocol: http\n  urll: http://127.0.0.1:1\n"
                + "payloads: {file: bodies.jsonl}\n"
                + "phases:\n  - {type: constant, rate: 5, duration: 1s}\n",
            "target.urll"),
        Arguments.of(
            "duration without a unit",
            "target: {protocol: http, url: 'http://127.0.0.1:1'}\n"
                + "payloads: {file: bodies.jsonl}\n"
                + "phases:\n  - {type: constant, rate: 5, duration: 30}\n",
            "phases[0].duration"),
        Arguments.of(
            "rate that is not a number",
            "target: {protocol: http, url: 'http://127.0.0.1:1'}\n"
                + "payloads: {file: bodies.jsonl}\n"
                + "phases:\n  - {type: constant, rate: fast, duration: 1s}\n",
            "phases[0].rate"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedPlans")
  void aMalformedPlanIsOneLocatedErrorLineAndNothingRuns(String what, String yaml, String field)
      throws IOException {
    Files.writeString(dir.resolve("bodies.jsonl"), "{\"body\": {\"x\": 1}}\n");
    Path plan = Files.writeString(dir.resolve("bad.yaml"), yaml);

    Cli r = Cli.execute("run", plan.toString(), "--out", out().toString(), "--quiet");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.errLines())
        .singleElement()
        .asString()
        .matches(
            Pattern.quote("error: " + plan + ":")
                + "[1-9]\\d*:[1-9]\\d*: "
                + Pattern.quote(field)
                + ": .+");
    assertThat(r.out()).isEmpty();
    assertThat(out()).doesNotExist();
  }

  @Test
  void theErrorPointsAtTheLineAndColumnOfTheBadValue() throws IOException {
    Files.writeString(dir.resolve("bodies.jsonl"), "{\"body\": {\"x\": 1}}\n");
    Path plan =
        Files.writeString(
            dir.resolve("bad.yaml"),
            "target:\n"
                + "  protocol: http\n"
                + "  url: http://127.0.0.1:1\n"
                + "payloads:\n"
                + "  file: bodies.jsonl\n"
                + "phases:\n"
                + "  - type: constant\n"
                + "    rate: 5\n"
                + "    duration: soon\n");

    Cli r = Cli.execute("run", plan.toString(), "--out", out().toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("error: " + plan + ":9:15: phases[0].duration: ");
  }

  @Test
  void aMissingPlanFileIsAnInputError() {
    Path missing = dir.resolve("missing.yaml");

    Cli r = Cli.execute("run", missing.toString(), "--out", out().toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("error: ").contains("missing.yaml").contains("no such file");
  }

  @Test
  void aBrokenPayloadLineIsAnInputErrorNamingTheLine() throws IOException {
    Path plan = plan("http://127.0.0.1:1/score", TWO_SECONDS_AT_20);
    Path payloads = dir.resolve("bodies.jsonl");
    Files.writeString(payloads, "{\"body\": {\"x\": 1}}\n\n{\"body\": {\"x\": }\n");

    Cli r = Cli.execute("run", plan.toString(), "--out", out().toString(), "--quiet");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("error: ").contains("bodies.jsonl:3: ");
    assertThat(r.out()).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("badOverrides")
  void aBadOverrideIsAnInputErrorNamingTheFlag(String flag, String value) throws IOException {
    Path plan = plan("http://127.0.0.1:1/score", TWO_SECONDS_AT_20);

    Cli r = Cli.execute("run", plan.toString(), "--out", out().toString(), flag, value);

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.errLines().get(0)).startsWith("error: ").contains(flag);
    assertThat(r.err()).doesNotContain("internal error:").doesNotContain("\tat ");
    assertThat(out()).doesNotExist();
  }

  static Stream<Arguments> badOverrides() {
    return Stream.of(
        Arguments.of("--duration", "30"),
        Arguments.of("--duration", "-5s"),
        Arguments.of("--rate", "0"),
        Arguments.of("--rate", "-3"),
        Arguments.of("--rate", "many"));
  }

  @Test
  void aMissingSecretStopsTheRunBeforeItStartsWithoutNamingAValue() throws IOException {
    String var = "HARNESS_TEST_SURELY_UNSET_" + ProcessHandle.current().pid();
    Path plan = plan("http://127.0.0.1:1/score", TWO_SECONDS_AT_20);
    Files.writeString(
        plan,
        Files.readString(plan)
            .replace("  protocol: http\n", "  protocol: http\n  auth: {bearer-token-env: " + var
                + "}\n"));

    Cli r = Cli.execute("run", plan.toString(), "--out", out().toString(), "--quiet");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.errLines()).last().asString()
        .startsWith("error: ").contains("target.auth.bearer-token-env").contains(var);
  }
}
