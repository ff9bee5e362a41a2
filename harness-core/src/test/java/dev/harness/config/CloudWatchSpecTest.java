package dev.harness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The plan's {@code metrics.cloudwatch:} section, read as the lead will register it. */
class CloudWatchSpecTest {
  static final Path FILE = Path.of("plans/cw.yaml");

  /** Reads {@code yaml} (a whole document with metrics: cloudwatch:) as the plan reader would. */
  static CloudWatchSpec read(String yaml) throws PlanException {
    MappingReader root = MappingReader.of(FILE,
        new Yaml(new LoaderOptions()).compose(new StringReader(yaml)), "", "a plan");
    MappingReader metrics = root.mapping("metrics", "the metrics sources");
    return CloudWatchSpec.read(metrics.mapping("cloudwatch", "the CloudWatch source"));
  }

  @Test
  void aSageMakerSectionNeedsOnlyRegionPresetAndEndpoint() throws PlanException {
    CloudWatchSpec s = read("""
        metrics:
          cloudwatch:
            region: us-east-1
            preset: sagemaker
            endpoint-name: llm-7b
        """);
    assertThat(s.preset()).isEqualTo(CloudWatchSpec.Preset.SAGEMAKER);
    assertThat(s.endpointName()).isEqualTo("llm-7b");
    assertThat(s.variant()).isEqualTo(CloudWatchSpec.DEFAULT_VARIANT);
    assertThat(s.period()).isEqualTo(CloudWatchSpec.DEFAULT_PERIOD);
    assertThat(s.maxWait()).isEqualTo(CloudWatchSpec.DEFAULT_MAX_WAIT);
    assertThat(s.gpus()).isEqualTo(1);
    assertThat(s.profile()).isNull();
    assertThat(s.endpointUrl()).isNull();
    assertThat(s.namespaces()).isEqualTo(CloudWatchSpec.Namespaces.defaults());
  }

  @Test
  void everyEc2FieldCanBeSet() throws PlanException {
    CloudWatchSpec s = read("""
        metrics:
          cloudwatch:
            region: eu-west-1
            profile: perf
            endpoint-url: http://127.0.0.1:4566
            preset: ec2
            instance: llm-host-1
            accelerator: neuron
            neuron-metric: NeuronCoreUtilization
            gpus: 2
            period: 10s
            max-wait: 0s
            namespaces:
              agent: GPUAgent
              neuron: neuron_monitor
        """);
    assertThat(s.region()).isEqualTo("eu-west-1");
    assertThat(s.profile()).isEqualTo("perf");
    assertThat(s.endpointUrl()).isEqualTo(URI.create("http://127.0.0.1:4566"));
    assertThat(s.instance()).isEqualTo("llm-host-1");
    assertThat(s.accelerator()).isEqualTo(CloudWatchSpec.Accelerator.NEURON);
    assertThat(s.neuronMetric()).isEqualTo("NeuronCoreUtilization");
    assertThat(s.gpus()).isEqualTo(2);
    assertThat(s.period()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.maxWait()).isZero();
    assertThat(s.namespaces().agent()).isEqualTo("GPUAgent");
    assertThat(s.namespaces().neuron()).isEqualTo("neuron_monitor");
    assertThat(s.namespaces().endpoint()).isEqualTo("/aws/sagemaker/Endpoints");
  }

  static Stream<Arguments> malformed() {
    String head = "metrics:\n  cloudwatch:\n";
    return Stream.of(
        Arguments.of(head + "    region: us-east-1\n    preset: sagemaker\n"
            + "    endpoint-nmae: x\n", "plans/cw.yaml:5:5: metrics.cloudwatch.endpoint-nmae:"
            + " unknown key; did you mean 'endpoint-name'?"),
        Arguments.of(head + "    region: us-east-1\n    preset: sagemkaer\n",
            "plans/cw.yaml:4:13: metrics.cloudwatch.preset: 'sagemkaer' is not allowed; use one"
            + " of: sagemaker, ec2; did you mean 'sagemaker'?"),
        Arguments.of(head + "    preset: ec2\n    instance: i-0123abcd\n",
            "metrics.cloudwatch.region: is required but missing"),
        Arguments.of(head + "    region: useast1\n    preset: ec2\n    instance: h\n",
            "plans/cw.yaml:3:13: metrics.cloudwatch.region: must be an AWS region such as"
            + " us-east-1, got 'useast1'"),
        Arguments.of(head + "    region: us-east-1\n    preset: sagemaker\n"
            + "    endpoint-name: x\n    period: 45s\n",
            "plans/cw.yaml:6:13: metrics.cloudwatch.period: must be 1s, 5s, 10s, 20s or 30s"),
        Arguments.of(head + "    region: us-east-1\n    preset: sagemaker\n"
            + "    endpoint-name: x\n    instance: i-0123abcd\n",
            "plans/cw.yaml:6:5: metrics.cloudwatch.instance: applies only to preset: ec2"),
        Arguments.of(head + "    region: us-east-1\n    preset: ec2\n",
            "metrics.cloudwatch.instance: is required but missing"),
        Arguments.of(head + "    region: us-east-1\n    preset: ec2\n    instance: h\n"
            + "    accelerator: nvidai\n", "metrics.cloudwatch.accelerator: 'nvidai' is not"
            + " allowed; use one of: nvidia, neuron; did you mean 'nvidia'?"),
        Arguments.of(head + "    region: us-east-1\n    preset: ec2\n    instance: h\n"
            + "    endpoint-url: ftp://x\n", "metrics.cloudwatch.endpoint-url: must be an"
            + " http:// or https:// URL with a host"),
        Arguments.of(head + "    region: us-east-1\n    preset: ec2\n    instance: h\n"
            + "    namespaces: {agen: X}\n", "metrics.cloudwatch.namespaces.agen: unknown key;"
            + " did you mean 'agent'?"),
        Arguments.of(head + "    region: us-east-1\n    preset: ec2\n    instance: h\n"
            + "    max-wait: -1s\n", "metrics.cloudwatch.max-wait:"),
        Arguments.of(head + "    region: us-east-1\n    preset: ec2\n    instance: h\n"
            + "    gpus: 0\n", "metrics.cloudwatch.gpus: must be a whole number from 1"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void aMalformedSectionIsAnErrorAtTheField(String yaml, String expected) {
    PlanException e = catchThrowableOfType(() -> read(yaml), PlanException.class);
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains(expected);
  }

  @Test
  void theRecordRejectsWhatCloudWatchCannotServe() {
    assertThatThrownBy(() -> CloudWatchSpec.sageMaker("us-east-1", "x", "AllTraffic")
        .withTiming(Duration.ofSeconds(90), Duration.ZERO))
        .hasMessageContaining("multiple of 60s").hasMessageContaining("1m30s");
    assertThatThrownBy(() -> CloudWatchSpec.sageMaker("us-east-1", "x", "AllTraffic")
        .withGpus(0)).hasMessageContaining("gpus must be >= 1, got 0");
    assertThatThrownBy(() -> CloudWatchSpec.sageMaker("us-east-1", " ", "AllTraffic"))
        .hasMessageContaining("endpointName");
    assertThatThrownBy(() -> CloudWatchSpec.ec2("us-east-1", null,
        CloudWatchSpec.Accelerator.NVIDIA)).hasMessageContaining("instance");
  }

  @Test
  void wholeMinutePeriodsAndHighResolutionPeriodsAreAllowed() {
    for (long s : new long[] {1, 5, 10, 20, 30, 60, 300, 3600}) {
      assertThat(CloudWatchSpec.periodProblem(Duration.ofSeconds(s))).as("%d s", s).isNull();
    }
    assertThat(CloudWatchSpec.periodProblem(Duration.ofMillis(1500))).contains("whole seconds");
  }
}
