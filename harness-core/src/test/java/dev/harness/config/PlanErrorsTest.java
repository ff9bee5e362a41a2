package dev.harness.config;

import static dev.harness.config.TestPlans.ONE_PHASE;
import static dev.harness.config.TestPlans.PAYLOADS;
import static dev.harness.config.TestPlans.TARGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed plans. Each case gives the YAML, where the error must point (1-based line and column
 * counted by hand in the snippet), the field path, and a fragment of the problem. TARGET is lines
 * 1-3, PAYLOADS lines 4-5 and ONE_PHASE lines 6-7 when they start a snippet.
 */
class PlanErrorsTest {
  @TempDir Path dir;

  static Stream<Arguments> malformedPlans() {
    return Stream.of(
        bad("YAML syntax error", """
            target:
              protocol: openai-chat
                url: http://127.0.0.1:8000
            """, 3, 8, "(document)", "YAML syntax error: mapping values are not allowed here"),
        bad("unknown top-level key with suggestion", TARGET + PAYLOADS + """
            phase:
              - {type: constant, rate: 10, duration: 1m}
            """, 6, 1, "phase", "unknown key; did you mean 'phases'?"),
        bad("unknown nested key with suggestion", """
            target:
              protcol: openai-chat
              url: http://127.0.0.1:8000
            """ + PAYLOADS + ONE_PHASE, 2, 3, "target.protcol", "did you mean 'protocol'?"),
        bad("unknown phase key with suggestion", TARGET + PAYLOADS + """
            phases:
              - type: stairs
                from: 1
                to: 4
                steps: 4
                step_duration: 10s
            """, 11, 5, "phases[0].step_duration", "did you mean 'step-duration'?"),
        bad("wrong type", TARGET + PAYLOADS + """
            phases:
              - type: constant
                rate: fast
                duration: 1m
            """, 8, 11, "phases[0].rate", "expected a number, got 'fast'"),
        bad("quoted number", TARGET + PAYLOADS + """
            phases:
              - {type: constant, rate: "5", duration: 1m}
            """, 7, 28, "phases[0].rate", "expected a number, got '5' (quoted, so it is text"),
        bad("wrong type for a boolean", TARGET + "  stream: maybe\n" + PAYLOADS + ONE_PHASE,
            4, 11, "target.stream", "expected true or false, got 'maybe'"),
        bad("bad enum", """
            target:
              protocol: grpc
              url: http://127.0.0.1:8000
            """ + PAYLOADS + ONE_PHASE, 2, 13, "target.protocol",
            "'grpc' is not allowed; use one of: openai-chat, openai-completions, http, "
                + "triton-infer, triton-generate, sagemaker,"),
        bad("bad sampling", TARGET + """
            payloads:
              file: payloads.jsonl
              sampling: random
            """ + ONE_PHASE, 6, 13, "payloads.sampling",
            "use one of: sequential, shuffle, weighted"),
        bad("negative rate", TARGET + PAYLOADS + """
            phases:
              - type: constant
                rate: -5
                duration: 1m
            """, 8, 11, "phases[0].rate", "must be a rate > 0 requests/s, got '-5'"),
        bad("bare-number duration", TARGET + PAYLOADS + """
            phases:
              - type: constant
                rate: 5
                duration: 30
            """, 9, 15, "phases[0].duration", "'30' needs a unit, e.g. 30s"),
        bad("duplicate phase name", TARGET + PAYLOADS + """
            phases:
              - {name: a, type: constant, rate: 1, duration: 1s}
              - {name: a, type: constant, rate: 2, duration: 1s}
            """, 8, 12, "phases[1].name", "duplicate phase name 'a' (also phases[0])"),
        bad("missing phases", TARGET + PAYLOADS,
            1, 1, "phases", "is required but missing"),
        bad("empty phases", TARGET + PAYLOADS + "phases: []\n",
            6, 9, "phases", "needs at least one phase"),
        bad("missing target.url", """
            target:
              protocol: openai-chat
            """ + PAYLOADS + ONE_PHASE, 2, 3, "target.url", "is required but missing"),
        bad("bad URL scheme", """
            target:
              protocol: openai-chat
              url: ftp://127.0.0.1/models
            """ + PAYLOADS + ONE_PHASE, 3, 8, "target.url",
            "must be an http:// or https:// URL, got 'ftp://127.0.0.1/models'"),
        bad("URL without host", """
            target:
              protocol: openai-chat
              url: http:///v1
            """ + PAYLOADS + ONE_PHASE, 3, 8, "target.url", "needs a host"),
        bad("duplicate key", TARGET + "  url: http://127.0.0.1:9000\n" + PAYLOADS + ONE_PHASE,
            4, 3, "target.url", "appears twice; first at line 3"),
        bad("percentile 100", TARGET + PAYLOADS + ONE_PHASE + """
            slo:
              objectives:
                - {metric: e2e, percentile: 100, threshold: 1s}
            """, 10, 33, "slo.objectives[0].percentile",
            "must be between 0 and 100, both excluded, got '100'"),
        bad("percentile written badly", TARGET + PAYLOADS + ONE_PHASE + """
            slo:
              objectives:
                - {metric: e2e, percentile: top, threshold: 1s}
            """, 10, 33, "slo.objectives[0].percentile",
            "expected a percentile such as 99, 99.9, p99 or p99.9, got 'top'"),
        bad("unknown metric", TARGET + PAYLOADS + ONE_PHASE + """
            slo:
              objectives:
                - {metric: latency, percentile: 99, threshold: 1s}
            """, 10, 16, "slo.objectives[0].metric", "use one of: e2e, ttft, itl, tpot"),
        bad("token metric on an http target", """
            target:
              protocol: http
              url: http://127.0.0.1:8000
            """ + PAYLOADS + ONE_PHASE + """
            slo:
              objectives:
                - {metric: ttft, percentile: 99, threshold: 1s}
            """, 10, 16, "slo.objectives[0].metric", "'ttft' needs an LLM protocol"),
        bad("gamma without cv", TARGET + PAYLOADS + """
            phases:
              - type: constant
                rate: 1
                duration: 1s
                arrival: gamma
            """, 10, 14, "phases[0].arrival", "gamma arrivals need 'cv: <number>'"),
        bad("cv without gamma", TARGET + PAYLOADS + """
            phases:
              - type: constant
                rate: 1
                duration: 1s
                cv: 2
            """, 10, 5, "phases[0].cv", "applies only to 'arrival: gamma'"),
        bad("rate on a ramp", TARGET + PAYLOADS + """
            phases:
              - type: ramp
                from: 1
                to: 5
                rate: 3
                duration: 1m
            """, 10, 5, "phases[0].rate",
            "does not apply to a ramp phase, which takes: from, to, duration"),
        bad("ramp from zero to zero (record validation)", TARGET + PAYLOADS + """
            phases:
              - type: ramp
                from: 0
                to: 0
                duration: 1m
            """, 7, 5, "phases[0]", "a ramp needs a non-zero 'from' or 'to' rate"),
        bad("fractional stairs steps", TARGET + PAYLOADS + """
            phases:
              - {type: stairs, from: 1, to: 4, steps: 2.5, step-duration: 10s}
            """, 7, 43, "phases[0].steps", "expected a whole number, got '2.5'"),
        bad("payload file missing", TARGET + """
            payloads:
              file: missing.jsonl
            """ + ONE_PHASE, 5, 9, "payloads.file", "missing.jsonl does not exist"),
        bad("max-error-rate 2", TARGET + PAYLOADS + ONE_PHASE + """
            slo:
              max-error-rate: 2
            """, 9, 19, "slo.max-error-rate", "must be a share from 0 to 1 (0.01 is 1%), got '2'"),
        bad("zero in-flight cap", TARGET + PAYLOADS + ONE_PHASE + """
            limits:
              max-in-flight: 0
            """, 9, 18, "limits.max-in-flight", "must be a whole number from 1"),
        bad("zero timeout", TARGET + PAYLOADS + ONE_PHASE + """
            limits:
              request-timeout: 0s
            """, 9, 20, "limits.request-timeout", "must be longer than zero, got '0s'"),
        bad("model on an http target", """
            target:
              protocol: http
              url: http://127.0.0.1:8000
              model: m
            """ + PAYLOADS + ONE_PHASE, 4, 3, "target.model",
            "applies only to the openai-chat, openai-completions and triton protocols"),
        bad("empty file", "# nothing here\n", 1, 1, "(document)", "the plan is empty"),
        bad("top level is a list", "- target\n- phases\n", 1, 1, "(document)",
            "expected a plan (a mapping of key: value), got a list"));
  }

  private static Arguments bad(
      String name, String yaml, int line, int column, String field, String fragment) {
    return Arguments.of(name, yaml, line, column, field, fragment);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedPlans")
  void malformedPlanFailsWithOneLineLocatedMessage(
      String name, String yaml, int line, int column, String field, String fragment) {
    Path file = TestPlans.planIn(dir);

    PlanException e =
        catchThrowableOfType(
            () -> new PlanLoader(java.util.Map.of()).parse(yaml, file, PlanOverrides.none()),
            PlanException.class);

    assertThat(e).as("no exception for: %s", name).isNotNull();
    assertThat(e.getMessage())
        .startsWith(file + ":" + line + ":" + column + ": " + field + ": ")
        .contains(fragment)
        .doesNotContain("\n", "\r");
    assertThat(e.file()).isEqualTo(file);
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.column()).isEqualTo(column);
    assertThat(e.field()).isEqualTo(field);
  }

  @Test
  void missingKeysAreReportedAtTheMappingThatLacksThem() {
    String yaml = TARGET + PAYLOADS + "phases:\n  - type: constant\n    rate: 1\n";
    Path file = TestPlans.planIn(dir);

    PlanException e =
        catchThrowableOfType(
            () -> new PlanLoader(java.util.Map.of()).parse(yaml, file, PlanOverrides.none()),
            PlanException.class);

    assertThat(e.field()).isEqualTo("phases[0].duration");
    assertThat(e.line()).isEqualTo(7);
    assertThat(e.column()).isEqualTo(5);
  }
}
