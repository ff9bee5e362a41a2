package dev.harness.metrics.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.harness.config.CloudWatchSpec;
import dev.harness.metrics.Sample;
import dev.harness.metrics.Series;
import dev.harness.metrics.aws.AwsWireMock;
import dev.harness.metrics.ec2.Ec2Xml;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The EC2 preset: CloudWatch agent metrics of one host, found by ListMetrics, per GPU. */
class Ec2HostMetricsTest {
  static final String ID = "i-0123456789abcdef0";
  static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
  static final Instant T2 = T0.plusSeconds(120);

  static final FakeCloudWatch cloudWatch = new FakeCloudWatch();
  static AwsWireMock aws;

  FakeTime time = new FakeTime(T2.plusSeconds(3600));

  @BeforeAll
  static void start() {
    aws = new AwsWireMock(cloudWatch);
  }

  @AfterAll
  static void stop() {
    aws.close();
  }

  @BeforeEach
  void reset() {
    aws.server().resetAll();
    cloudWatch.reset();
    cloudWatch.install(aws.server());
  }

  static Map<String, String> gpu(int index) {
    return Map.of("InstanceId", ID, "index", Integer.toString(index), "name", "NVIDIA A10G",
        "arch", "Ampere");
  }

  /** Two minutes of nvidia-smi metrics for {@code gpus} GPUs; GPU i is (10 + 10 i) % busy. */
  void publishGpus(int gpus) {
    for (int i = 0; i < gpus; i++) {
      for (int m = 0; m < 2; m++) {
        Instant t = T0.plusSeconds(60L * m);
        cloudWatch.put("CWAgent", "nvidia_smi_utilization_gpu", gpu(i), t, 10 + 10 * i)
            .put("CWAgent", "nvidia_smi_memory_used", gpu(i), t, 1000)
            .put("CWAgent", "nvidia_smi_memory_total", gpu(i), t, 23028)
            .put("CWAgent", "nvidia_smi_power_draw", gpu(i), t, 150.5);
      }
    }
  }

  CloudWatchSource open(CloudWatchSpec spec) {
    return CloudWatchSource.builder(spec.withEndpointUrl(aws.url()))
        .credentials(AwsWireMock.credentials()).clock(time).pause(time).open();
  }

  static CloudWatchSpec nvidia(String host) {
    return CloudWatchSpec.ec2("us-east-1", host, CloudWatchSpec.Accelerator.NVIDIA);
  }

  static List<Series> named(List<Series> all, String name) {
    return all.stream().filter(s -> s.name().equals(name)).toList();
  }

  @Test
  void eachGpuIsItsOwnSeriesAndTheHostAggregatesThem() {
    publishGpus(2);
    List<Series> s;
    try (CloudWatchSource cw = open(nvidia(ID))) {
      s = cw.fetch(T0, T2);
    }
    List<Series> busy = named(s, "gpu_busy");
    assertThat(busy).extracting(Series::labels).containsExactlyInAnyOrder(
        Map.of("gpu", "0", "gpu_name", "NVIDIA A10G", "arch", "Ampere"),
        Map.of("gpu", "1", "gpu_name", "NVIDIA A10G", "arch", "Ampere"),
        Map.of());
    Series gpu1 = busy.stream().filter(x -> "1".equals(x.labels().get("gpu"))).findFirst()
        .orElseThrow();
    assertThat(gpu1.points()).extracting(Sample::value).containsOnly(0.2);
    Series host = busy.stream().filter(Series::isAggregate).findFirst().orElseThrow();
    assertThat(host.points()).extracting(Sample::value).containsOnly((0.1 + 0.2) / 2);

    Series memory = named(s, "gpu_memory_used_bytes").stream().filter(Series::isAggregate)
        .findFirst().orElseThrow();
    assertThat(memory.unit()).isEqualTo("bytes");
    assertThat(memory.points()).extracting(Sample::value).containsOnly(2 * 1000 * 1048576.0);
    assertThat(named(s, "nvidia_smi_power_draw")).hasSize(2)
        .allSatisfy(p -> assertThat(p.unit()).isEqualTo("W"));
    assertThat(named(s, "nvidia_smi_memory_total")).hasSize(2);
  }

  @Test
  void listMetricsIsAskedOnceForTheHostsInstanceId() {
    publishGpus(1);
    try (CloudWatchSource cw = open(nvidia(ID))) {
      cw.fetch(T0, T2);
      cw.fetch(T0, T2);
    }
    List<JsonNode> listed = cloudWatch.listMetricsRequests();
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("Namespace").asText()).isEqualTo("CWAgent");
    JsonNode filter = listed.get(0).get("Dimensions").get(0);
    assertThat(filter.get("Name").asText()).isEqualTo("InstanceId");
    assertThat(filter.get("Value").asText()).isEqualTo(ID);
  }

  @Test
  void aHostGivenByNameTagIsResolvedThroughDescribeInstances() {
    publishGpus(1);
    Ec2Xml.stub(aws.server(), "Action=DescribeInstances", 200, Ec2Xml.describeInstances(
        Ec2Xml.instance(ID, "g5.xlarge", "10.0.3.7", "llm-host-1")));
    try (CloudWatchSource cw = open(nvidia("llm-host-1"))) {
      assertThat(cw.describe()).contains(ID);
      assertThat(named(cw.fetch(T0, T2), "gpu_busy")).isNotEmpty();
    }
    assertThat(cloudWatch.listMetricsRequests().get(0).get("Dimensions").get(0).get("Value")
        .asText()).isEqualTo(ID);
  }

  @Test
  void moreThanFiveHundredQueriesAreSplitAcrossCalls() {
    publishGpus(130); // 4 metrics × 130 GPUs = 520 queries
    List<Series> s;
    try (CloudWatchSource cw = open(nvidia(ID))) {
      s = cw.fetch(T0, T2);
    }
    List<JsonNode> requests = cloudWatch.getMetricDataRequests();
    assertThat(requests).extracting(r -> r.get("MetricDataQueries").size())
        .containsExactly(MetricDataReader.QUERIES_PER_CALL,
            520 - MetricDataReader.QUERIES_PER_CALL);
    assertThat(named(s, "gpu_busy")).hasSize(131);
  }

  @Test
  void aMetricListMetricsDoesNotKnowIsReadWithInstanceIdAloneAndNoted() {
    cloudWatch.put("CWAgent", "nvidia_smi_utilization_gpu", Map.of("InstanceId", ID), T0, 55);
    FetchResult r;
    try (CloudWatchSource cw = open(nvidia(ID))) {
      r = cw.fetchResult(T0, T2);
    }
    Series busy = named(r.nonEmpty(), "gpu_busy").get(0);
    assertThat(busy.isAggregate()).isTrue();
    assertThat(busy.points()).extracting(Sample::value).containsExactly(0.55);
    assertThat(r.notes()).anySatisfy(n -> assertThat(n)
        .startsWith("ListMetrics found no CWAgent nvidia_smi_power_draw for InstanceId " + ID));
  }

  @Test
  void neuronCoreUtilisationIsReadFromTheConfiguredNamespaceAndMetric() {
    Map<String, String> core0 = Map.of("InstanceId", ID, "NeuronCore", "0");
    cloudWatch.put("neuron", "NeuronCoreUtilization", core0, T0, 40);
    CloudWatchSpec spec = new CloudWatchSpec("us-east-1", null, null, CloudWatchSpec.Preset.EC2,
        null, null, ID, CloudWatchSpec.Accelerator.NEURON, 1, CloudWatchSpec.DEFAULT_PERIOD,
        CloudWatchSpec.DEFAULT_MAX_WAIT,
        new CloudWatchSpec.Namespaces("/aws/sagemaker/Endpoints", "AWS/SageMaker", "CWAgent",
            "neuron"),
        "NeuronCoreUtilization");
    List<Series> s;
    try (CloudWatchSource cw = open(spec)) {
      s = cw.fetch(T0, T2);
    }
    assertThat(named(s, "neuroncore_utilization")).extracting(Series::labels)
        .containsExactlyInAnyOrder(Map.of("NeuronCore", "0"), Map.of());
    assertThat(named(s, "neuroncore_utilization").get(0).points()).extracting(Sample::value)
        .containsExactly(0.4);
  }
}
