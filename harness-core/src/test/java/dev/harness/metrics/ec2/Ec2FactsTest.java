package dev.harness.metrics.ec2;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.harness.metrics.aws.AwsAccessException;
import dev.harness.metrics.aws.AwsClients;
import dev.harness.metrics.aws.AwsWireMock;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real EC2 SDK client against WireMock answering in the EC2 Query protocol (XML). */
class Ec2FactsTest {
  static AwsWireMock aws;
  AwsClients clients;
  Ec2Facts ec2;

  @BeforeAll
  static void start() {
    aws = new AwsWireMock();
  }

  @AfterAll
  static void stop() {
    aws.close();
  }

  @BeforeEach
  void open() {
    aws.server().resetAll();
    clients = AwsClients.open(aws.access(), AwsWireMock.credentials());
    ec2 = Ec2Facts.using(clients);
  }

  @AfterEach
  void close() {
    ec2.close();
    clients.close();
  }

  String onlyRequestBody() {
    List<LoggedRequest> sent = aws.server().findAll(postRequestedFor(urlPathEqualTo("/")));
    assertThat(sent).hasSize(1);
    return URLDecoder.decode(sent.get(0).getBodyAsString(), StandardCharsets.UTF_8);
  }

  @Test
  void aGpuInstanceTypeReadsAsCatalogFacts() {
    Ec2Xml.stub(aws.server(), "Action=DescribeInstanceTypes", 200, Ec2Xml.describeInstanceTypes(
        Ec2Xml.gpuType("g5.12xlarge", 48, 196_608, 4, "A10G", 24_576)));
    InstanceTypeFacts f = ec2.instanceType("g5.12xlarge");
    assertThat(f).isEqualTo(new InstanceTypeFacts("g5.12xlarge", 48, 196_608, 4, "A10G", 24_576,
        0, null, 0));
    assertThat(onlyRequestBody()).contains("Action=DescribeInstanceTypes",
        "InstanceType.1=g5.12xlarge");
  }

  @Test
  void aNeuronInstanceTypeCountsItsDevicesAsAccelerators() {
    Ec2Xml.stub(aws.server(), "Action=DescribeInstanceTypes", 200, Ec2Xml.describeInstanceTypes(
        Ec2Xml.neuronType("inf2.24xlarge", 96, 393_216, 6, "Inferentia2", 32_768)));
    InstanceTypeFacts f = ec2.instanceType("inf2.24xlarge");
    assertThat(f.acceleratorCount()).isEqualTo(6);
    assertThat(f.acceleratorName()).isEqualTo("Inferentia2");
    assertThat(f.acceleratorMemoryMib()).isEqualTo(32_768);
    assertThat(f.gpuCount()).isZero();
    assertThat(f.vcpus()).isEqualTo(96);
  }

  @Test
  void severalTypesComeBackInTheOrderAsked() {
    Ec2Xml.stub(aws.server(), "Action=DescribeInstanceTypes", 200, Ec2Xml.describeInstanceTypes(
        Ec2Xml.gpuType("g5.xlarge", 4, 16_384, 1, "A10G", 24_576),
        Ec2Xml.gpuType("g4dn.xlarge", 4, 16_384, 1, "T4", 16_384)));
    List<InstanceTypeFacts> f = ec2.instanceTypes(List.of("g4dn.xlarge", "g5.xlarge"));
    assertThat(f).extracting(InstanceTypeFacts::instanceType)
        .containsExactly("g4dn.xlarge", "g5.xlarge");
    assertThat(onlyRequestBody()).contains("InstanceType.1=g4dn.xlarge",
        "InstanceType.2=g5.xlarge");
  }

  @Test
  void anInstanceTypeEc2DoesNotKnowIsAnError() {
    Ec2Xml.stub(aws.server(), "Action=DescribeInstanceTypes", 200,
        Ec2Xml.describeInstanceTypes());
    AwsAccessException e = catchThrowableOfType(() -> ec2.instanceType("g9.huge"),
        AwsAccessException.class);
    assertThat(e).hasMessageContaining("'g9.huge'").hasMessageContaining("us-east-1");
  }

  @Test
  void aHostGivenByInstanceIdIsLookedUpById() {
    Ec2Xml.stub(aws.server(), "Action=DescribeInstances", 200, Ec2Xml.describeInstances(
        Ec2Xml.instance("i-0123456789abcdef0", "g5.2xlarge", "10.0.3.7", "llm-host-1")));
    ResolvedHost h = ec2.resolve(HostRef.parse("i-0123456789abcdef0"));
    assertThat(h).isEqualTo(new ResolvedHost("i-0123456789abcdef0", "g5.2xlarge", "10.0.3.7",
        "llm-host-1", "us-east-1b", "running"));
    assertThat(h.cloudWatchDimensions()).containsExactly(
        java.util.Map.entry("InstanceId", "i-0123456789abcdef0"));
    assertThat(onlyRequestBody()).contains("InstanceId.1=i-0123456789abcdef0")
        .doesNotContain("Filter");
  }

  @Test
  void aHostGivenByNameTagIsFilteredByTagAmongLiveInstances() {
    Ec2Xml.stub(aws.server(), "Action=DescribeInstances", 200, Ec2Xml.describeInstances(
        Ec2Xml.instance("i-0123456789abcdef0", "g5.2xlarge", "10.0.3.7", "llm-host-1")));
    assertThat(ec2.resolve(HostRef.parse("llm-host-1")).instanceId())
        .isEqualTo("i-0123456789abcdef0");
    assertThat(onlyRequestBody()).contains("Filter.1.Name=tag:Name", "Filter.1.Value.1=llm-host-1",
        "Filter.2.Name=instance-state-name", "Filter.2.Value.1=pending",
        "Filter.2.Value.2=running");
  }

  @Test
  void aHostGivenByPrivateIpIsFilteredByAddress() {
    Ec2Xml.stub(aws.server(), "Action=DescribeInstances", 200, Ec2Xml.describeInstances(
        Ec2Xml.instance("i-0123456789abcdef0", "g5.2xlarge", "10.0.3.7", "llm-host-1")));
    assertThat(ec2.resolve(HostRef.parse("10.0.3.7")).instanceType()).isEqualTo("g5.2xlarge");
    assertThat(onlyRequestBody()).contains("Filter.1.Name=private-ip-address",
        "Filter.1.Value.1=10.0.3.7");
  }

  @Test
  void aNameTagOnTwoInstancesIsAmbiguous() {
    Ec2Xml.stub(aws.server(), "Action=DescribeInstances", 200, Ec2Xml.describeInstances(
        Ec2Xml.instance("i-0000000000000000a", "g5.2xlarge", "10.0.3.7", "llm"),
        Ec2Xml.instance("i-0000000000000000b", "g5.2xlarge", "10.0.3.8", "llm")));
    AwsAccessException e = catchThrowableOfType(() -> ec2.resolve(HostRef.parse("llm")),
        AwsAccessException.class);
    assertThat(e).hasMessageContaining("2 EC2 instances match Name tag 'llm'")
        .hasMessageContaining("i-0000000000000000a, i-0000000000000000b");
  }

  @Test
  void aHostNoInstanceMatchesIsAnError() {
    Ec2Xml.stub(aws.server(), "Action=DescribeInstances", 200, Ec2Xml.describeInstances());
    AwsAccessException e = catchThrowableOfType(() -> ec2.resolve(HostRef.parse("10.9.9.9")),
        AwsAccessException.class);
    assertThat(e).hasMessage("no pending or running EC2 instance with private IP 10.9.9.9 in"
        + " us-east-1");
  }

  @Test
  void anEc2ErrorNamesTheCallAndTheCodeButNoSecret() {
    Ec2Xml.stub(aws.server(), "Action=DescribeInstances", 403,
        Ec2Xml.error("UnauthorizedOperation", "You are not authorized to perform this operation."));
    AwsAccessException e = catchThrowableOfType(
        () -> ec2.resolve(HostRef.parse("i-0123456789abcdef0")), AwsAccessException.class);
    assertThat(e).hasMessageStartingWith(
        "EC2 DescribeInstances for instance i-0123456789abcdef0 failed: UnauthorizedOperation")
        .hasMessageContaining("HTTP 403");
    assertThat(e.getMessage() + e.getCause() + clients + ec2)
        .doesNotContain(AwsWireMock.SECRET);
  }
}
