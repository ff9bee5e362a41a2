package dev.harness.metrics.ec2;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;

/** EC2 Query-protocol answers (XML) for WireMock stubs. */
public final class Ec2Xml {
  private static final String NS = "http://ec2.amazonaws.com/doc/2016-11-15/";

  private Ec2Xml() {}

  /** Answers requests whose form body contains {@code bodyPart} with {@code xml}. */
  public static void stub(WireMockServer server, String bodyPart, int status, String xml) {
    server.stubFor(post(urlPathEqualTo("/"))
        .withRequestBody(containing(bodyPart))
        .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "text/xml")
            .withBody(xml)));
  }

  /** One instance of a DescribeInstances answer. */
  public static String instance(String id, String type, String ip, String name) {
    return "<item><instanceId>" + id + "</instanceId><instanceType>" + type + "</instanceType>"
        + "<placement><availabilityZone>us-east-1b</availabilityZone></placement>"
        + "<instanceState><code>16</code><name>running</name></instanceState>"
        + "<privateIpAddress>" + ip + "</privateIpAddress>"
        + "<tagSet><item><key>team</key><value>ml</value></item>"
        + "<item><key>Name</key><value>" + name + "</value></item></tagSet></item>";
  }

  /** A DescribeInstances answer holding {@code instances} in one reservation. */
  public static String describeInstances(String... instances) {
    return "<DescribeInstancesResponse xmlns=\"" + NS + "\"><requestId>r-1</requestId>"
        + "<reservationSet>" + (instances.length == 0 ? "" : "<item><reservationId>r-0abc"
        + "</reservationId><instancesSet>" + String.join("", instances)
        + "</instancesSet></item>") + "</reservationSet></DescribeInstancesResponse>";
  }

  /** A GPU instance type of a DescribeInstanceTypes answer. */
  public static String gpuType(String type, int vcpus, long memMib, int gpus, String gpu,
      long gpuMib) {
    return "<item><instanceType>" + type + "</instanceType>"
        + "<vCpuInfo><defaultVCpus>" + vcpus + "</defaultVCpus></vCpuInfo>"
        + "<memoryInfo><sizeInMiB>" + memMib + "</sizeInMiB></memoryInfo>"
        + "<gpuInfo><gpus><item><name>" + gpu + "</name><manufacturer>NVIDIA</manufacturer>"
        + "<count>" + gpus + "</count><memoryInfo><sizeInMiB>" + gpuMib + "</sizeInMiB>"
        + "</memoryInfo></item></gpus><totalGpuMemoryInMiB>" + gpus * gpuMib
        + "</totalGpuMemoryInMiB></gpuInfo></item>";
  }

  /** A Neuron instance type of a DescribeInstanceTypes answer. */
  public static String neuronType(String type, int vcpus, long memMib, int devices, String name,
      long deviceMib) {
    return "<item><instanceType>" + type + "</instanceType>"
        + "<vCpuInfo><defaultVCpus>" + vcpus + "</defaultVCpus></vCpuInfo>"
        + "<memoryInfo><sizeInMiB>" + memMib + "</sizeInMiB></memoryInfo>"
        + "<neuronInfo><neuronDevices><item><count>" + devices + "</count><name>" + name
        + "</name><coreInfo><count>2</count><version>2</version></coreInfo>"
        + "<memoryInfo><sizeInMiB>" + deviceMib + "</sizeInMiB></memoryInfo></item>"
        + "</neuronDevices><totalNeuronDeviceMemoryInMiB>" + devices * deviceMib
        + "</totalNeuronDeviceMemoryInMiB></neuronInfo></item>";
  }

  /** A DescribeInstanceTypes answer. */
  public static String describeInstanceTypes(String... types) {
    return "<DescribeInstanceTypesResponse xmlns=\"" + NS + "\"><requestId>r-2</requestId>"
        + "<instanceTypeSet>" + String.join("", types) + "</instanceTypeSet>"
        + "</DescribeInstanceTypesResponse>";
  }

  /** An EC2 error answer. */
  public static String error(String code, String message) {
    return "<Response><Errors><Error><Code>" + code + "</Code><Message>" + message
        + "</Message></Error></Errors><RequestID>r-3</RequestID></Response>";
  }
}
