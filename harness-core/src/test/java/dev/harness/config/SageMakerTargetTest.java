package dev.harness.config;

import static dev.harness.config.TestPlans.ONE_PHASE;
import static dev.harness.config.TestPlans.PAYLOADS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code target.sagemaker}: defaults, every key, and errors located at file:line:column. */
class SageMakerTargetTest {
  @TempDir Path dir;

  private static String plan(String target) {
    return target + PAYLOADS + ONE_PHASE;
  }

  @Test
  void aMinimalStreamTargetGetsItsDefaultsAndTheRegionalUrl() throws PlanException {
    Target t = TestPlans.parse(dir, plan("""
        target:
          protocol: sagemaker-stream
          sagemaker:
            endpoint: llm-prod
            region: us-east-1
        """)).plan().target();
    assertThat(t.protocol()).isEqualTo(ProtocolKind.SAGEMAKER_STREAM);
    assertThat(t.protocol().isLlm()).isTrue();
    assertThat(t.stream()).isTrue();
    assertThat(t.url()).isEqualTo(URI.create(
        "https://runtime.sagemaker.us-east-1.amazonaws.com/endpoints/llm-prod/"
            + "invocations-response-stream"));
    SageMakerTarget s = t.sageMaker();
    assertThat(s.endpoint()).isEqualTo("llm-prod");
    assertThat(s.region()).isEqualTo("us-east-1");
    assertThat(s.contentType()).isEqualTo(Defaults.CONTENT_TYPE);
    assertThat(s.profile()).isNull();
    assertThat(s.useInstanceMetadata()).isFalse();
    assertThat(s.accept()).isNull();
    assertThat(s.endpointUrl()).isNull();
  }

  @Test
  void everyKeyIsRead() throws PlanException {
    Target t = TestPlans.parse(dir, plan("""
        target:
          protocol: sagemaker
          sagemaker:
            endpoint: fraud-scorer
            region: eu-central-1
            profile: perf-test
            target-variant: variant-b
            target-model: model-7.tar.gz
            inference-component: scorer-ic-1
            custom-attributes: "trace=1"
            endpoint-url: http://127.0.0.1:8000
            content-type: text/csv
            accept: application/json
        """)).plan().target();
    assertThat(t.protocol().isLlm()).isFalse();
    assertThat(t.stream()).isFalse();
    assertThat(t.url())
        .isEqualTo(URI.create("http://127.0.0.1:8000/endpoints/fraud-scorer/invocations"));
    assertThat(t.contentType()).isEqualTo("text/csv");
    assertThat(t.sageMaker()).isEqualTo(new SageMakerTarget("fraud-scorer", "eu-central-1",
        "perf-test", false, "variant-b", "model-7.tar.gz", "scorer-ic-1", "trace=1",
        URI.create("http://127.0.0.1:8000"), "text/csv", "application/json"));
  }

  @Test
  void theUrlOptionReplacesTheEndpointUrl() throws PlanException {
    Target t = TestPlans.parse(dir, plan("""
        target:
          protocol: sagemaker-stream
          sagemaker: {endpoint: llm, region: us-west-2, endpoint-url: "http://10.0.0.1:9"}
        """), new PlanOverrides(URI.create("http://127.0.0.1:8000"), null, null, null, null))
        .plan().target();
    assertThat(t.sageMaker().endpointUrl()).isEqualTo(URI.create("http://127.0.0.1:8000"));
  }

  @Test
  void theShippedExamplePlanLoadsAndPointsAtTheSimulator() throws Exception {
    Path example = Path.of("..", "profiles", "examples", "sagemaker-stream.yaml");
    LoadedPlan loaded = new PlanLoader(Map.of()).load(example, PlanOverrides.none());
    SageMakerTarget s = loaded.plan().target().sageMaker();
    assertThat(s.endpoint()).isEqualTo("sim-g5-2xlarge");
    assertThat(s.endpointUrl()).isEqualTo(URI.create("http://127.0.0.1:8000"));
    assertThat(loaded.warnings()).isEmpty();
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        bad("missing settings", """
            target:
              protocol: sagemaker
            """, 2, 3, "target.sagemaker", "is required but missing"),
        bad("missing endpoint", """
            target:
              protocol: sagemaker
              sagemaker:
                region: us-east-1
            """, 4, 5, "target.sagemaker.endpoint", "is required but missing"),
        bad("missing region", """
            target:
              protocol: sagemaker
              sagemaker:
                endpoint: llm
            """, 4, 5, "target.sagemaker.region", "there is no implicit region"),
        bad("bad region", """
            target:
              protocol: sagemaker
              sagemaker:
                endpoint: llm
                region: Frankfurt
            """, 5, 13, "target.sagemaker.region", "expected an AWS region such as us-east-1"),
        bad("bad endpoint name", """
            target:
              protocol: sagemaker
              sagemaker:
                endpoint: my_endpoint
                region: us-east-1
            """, 4, 15, "target.sagemaker.endpoint", "expected a SageMaker name"),
        bad("endpoint url with a path", """
            target:
              protocol: sagemaker
              sagemaker:
                endpoint: llm
                region: us-east-1
                endpoint-url: http://127.0.0.1:8000/endpoints/llm/invocations
            """, 6, 19, "target.sagemaker.endpoint-url", "without a path"),
        bad("url beside sagemaker", """
            target:
              protocol: sagemaker
              url: http://127.0.0.1:8000
              sagemaker: {endpoint: llm, region: us-east-1}
            """, 3, 3, "target.url", "does not apply to the sagemaker protocol"),
        bad("sagemaker on another protocol", """
            target:
              protocol: openai-chat
              url: http://127.0.0.1:8000
              sagemaker: {endpoint: llm, region: us-east-1}
            """, 4, 3, "target.sagemaker", "applies only to the sagemaker"),
        bad("target model on a stream", """
            target:
              protocol: sagemaker-stream
              sagemaker:
                endpoint: llm
                region: us-east-1
                target-model: a.tar.gz
            """, 6, 5, "target.sagemaker.target-model", "has no target model"),
        bad("profile and instance metadata", """
            target:
              protocol: sagemaker
              sagemaker:
                endpoint: llm
                region: us-east-1
                profile: perf
                use-instance-metadata: true
            """, 7, 5, "target.sagemaker.use-instance-metadata", "default credentials chain"),
        bad("unknown key", """
            target:
              protocol: sagemaker
              sagemaker:
                endpoint: llm
                region: us-east-1
                variant: b
            """, 6, 5, "target.sagemaker.variant", "unknown key"),
        bad("non-ASCII custom attributes", """
            target:
              protocol: sagemaker
              sagemaker:
                endpoint: llm
                region: us-east-1
                custom-attributes: "caf\u00e9"
            """, 6, 24, "target.sagemaker.custom-attributes", "printable ASCII"));
  }

  private static Arguments bad(
      String name, String target, int line, int column, String field, String fragment) {
    return Arguments.of(name, target, line, column, field, fragment);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void aBadSageMakerTargetFailsAtItsLine(
      String name, String target, int line, int column, String field, String fragment) {
    Path file = TestPlans.planIn(dir);
    PlanException e = catchThrowableOfType(
        () -> new PlanLoader(Map.of()).parse(plan(target), file, PlanOverrides.none()),
        PlanException.class);
    assertThat(e).as("no exception for: %s", name).isNotNull();
    assertThat(e.getMessage())
        .startsWith(file + ":" + line + ":" + column + ": " + field + ": ")
        .contains(fragment);
  }

  @Test
  void theRecordRefusesWhatTheReaderRefuses() {
    assertThatThrownBy(() -> new SageMakerTarget("llm", null, null, false, null, null, null, null,
        null, "application/json", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("region");
    assertThatThrownBy(() -> new SageMakerTarget("llm", "us-east-1", null, false, null, null,
        null, null, URI.create("ftp://x"), "application/json", null))
        .hasMessageContaining("endpoint-url: must be an http:// or https:// URL");
    assertThatThrownBy(() -> new Target(ProtocolKind.SAGEMAKER, URI.create("http://x"), null,
        false, "POST", "application/json", Map.of(), Map.of(), null, false, null, null))
        .hasMessageContaining("sagemaker needs SageMaker settings");
  }
}
