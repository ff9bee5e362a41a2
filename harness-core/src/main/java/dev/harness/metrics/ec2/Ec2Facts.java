package dev.harness.metrics.ec2;

import dev.harness.metrics.aws.AwsAccess;
import dev.harness.metrics.aws.AwsAccessException;
import dev.harness.metrics.aws.AwsClients;
import dev.harness.metrics.aws.Text;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2AsyncClient;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GpuDeviceInfo;
import software.amazon.awssdk.services.ec2.model.InferenceDeviceInfo;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.NeuronDeviceInfo;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Facts about EC2 from the EC2 API: the hardware of instance types ({@code
 * DescribeInstanceTypes}), to fill in or check the instance catalog, and the instance behind a
 * host name ({@code DescribeInstances}), to find its CloudWatch dimensions. Needs the IAM
 * permissions {@code ec2:DescribeInstanceTypes} and {@code ec2:DescribeInstances}.
 *
 * <pre>{@code
 * try (Ec2Facts ec2 = Ec2Facts.open(AwsAccess.of("us-east-1"))) {
 *   InstanceTypeFacts g5 = ec2.instanceType("g5.xlarge");
 *   List<String> diff = g5.differences(catalogEntry);
 *   ResolvedHost host = ec2.resolve(HostRef.parse("llm-host-1"));
 * }
 * }</pre>
 *
 * <p>Calls are made before or after a run, never during one; a failure is an {@link
 * AwsAccessException} naming what was asked and EC2's reason.
 */
public final class Ec2Facts implements AutoCloseable {
  /** {@code DescribeInstanceTypes} accepts at most this many types per request. */
  static final int TYPES_PER_REQUEST = 100;

  private final AwsClients clients;
  private final boolean owned;

  private Ec2Facts(AwsClients clients, boolean owned) {
    this.clients = clients;
    this.owned = owned;
  }

  /**
   * Facts read with credentials from {@code access} (profile, or the default chain without
   * instance metadata), resolved once now.
   *
   * @throws AwsAccessException when no credentials can be resolved
   */
  public static Ec2Facts open(AwsAccess access) {
    return new Ec2Facts(AwsClients.open(access), true);
  }

  /** Facts read through {@code clients}, which stay open when this is closed. */
  public static Ec2Facts using(AwsClients clients) {
    return new Ec2Facts(Objects.requireNonNull(clients, "clients"), false);
  }

  /**
   * The hardware of one instance type.
   *
   * @throws AwsAccessException when EC2 does not know the type in this region, or the call fails
   */
  public InstanceTypeFacts instanceType(String type) {
    Objects.requireNonNull(type, "type");
    return instanceTypes(List.of(type)).get(0);
  }

  /**
   * The hardware of {@code types}, in the order given (duplicates once), in batches of {@value
   * #TYPES_PER_REQUEST} following {@code NextToken}.
   *
   * @throws AwsAccessException when EC2 does not know one of the types, or a call fails
   */
  public List<InstanceTypeFacts> instanceTypes(Collection<String> types) {
    List<String> wanted = new ArrayList<>(new LinkedHashSet<>(types));
    Map<String, InstanceTypeFacts> found = new HashMap<>();
    for (int i = 0; i < wanted.size(); i += TYPES_PER_REQUEST) {
      List<String> batch = wanted.subList(i, Math.min(wanted.size(), i + TYPES_PER_REQUEST));
      String token = null;
      do {
        DescribeInstanceTypesRequest.Builder req =
            DescribeInstanceTypesRequest.builder().instanceTypesWithStrings(batch);
        if (token != null) {
          req.nextToken(token);
        }
        DescribeInstanceTypesResponse page =
            call(ec2 -> ec2.describeInstanceTypes(req.build()),
                "DescribeInstanceTypes for " + String.join(", ", batch));
        for (InstanceTypeInfo info : page.instanceTypes()) {
          found.put(info.instanceTypeAsString(), facts(info));
        }
        token = page.nextToken();
      } while (token != null && !token.isEmpty());
    }
    List<InstanceTypeFacts> out = new ArrayList<>();
    for (String t : wanted) {
      InstanceTypeFacts f = found.get(t);
      if (f == null) {
        throw new AwsAccessException("EC2 does not know instance type '" + t + "' in "
            + clients.access().region() + " (DescribeInstanceTypes returned nothing for it)");
      }
      out.add(f);
    }
    return out;
  }

  /**
   * The instance {@code host} names. An instance ID is looked up in any state; a Name tag or
   * private IP must match exactly one pending or running instance.
   *
   * @throws AwsAccessException when no instance or several match, or the call fails
   */
  public ResolvedHost resolve(HostRef host) {
    Objects.requireNonNull(host, "host");
    DescribeInstancesRequest.Builder base = DescribeInstancesRequest.builder();
    switch (host.kind()) {
      case INSTANCE_ID:
        base.instanceIds(host.value());
        break;
      case PRIVATE_IP:
        base.filters(filter("private-ip-address", host.value()), live());
        break;
      default:
        base.filters(filter("tag:Name", host.value()), live());
        break;
    }
    List<Instance> matches = new ArrayList<>();
    String token = null;
    do {
      DescribeInstancesRequest.Builder req = base.copy();
      if (token != null) {
        req.nextToken(token);
      }
      DescribeInstancesResponse page =
          call(ec2 -> ec2.describeInstances(req.build()), "DescribeInstances for "
              + host.describe());
      for (Reservation r : page.reservations()) {
        matches.addAll(r.instances());
      }
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    if (matches.isEmpty()) {
      throw new AwsAccessException("no " + (host.kind() == HostRef.Kind.INSTANCE_ID ? "" :
          "pending or running ") + "EC2 instance with " + host.describe() + " in "
          + clients.access().region());
    }
    if (matches.size() > 1) {
      List<String> ids = new ArrayList<>();
      for (Instance i : matches) {
        ids.add(i.instanceId());
      }
      throw new AwsAccessException(matches.size() + " EC2 instances match " + host.describe()
          + " (" + String.join(", ", ids) + "); name one by its instance ID");
    }
    return resolved(matches.get(0));
  }

  private static ResolvedHost resolved(Instance i) {
    String name = null;
    for (Tag t : i.tags()) {
      if ("Name".equals(t.key())) {
        name = t.value();
      }
    }
    return new ResolvedHost(
        i.instanceId(),
        i.instanceTypeAsString(),
        i.privateIpAddress(),
        name,
        i.placement() == null ? null : i.placement().availabilityZone(),
        i.state() == null || i.state().nameAsString() == null ? "unknown"
            : i.state().nameAsString());
  }

  /** Converts EC2's description of a type into the catalog's facts. */
  static InstanceTypeFacts facts(InstanceTypeInfo info) {
    int gpus = 0;
    String gpuName = null;
    long gpuMemory = 0;
    if (info.gpuInfo() != null) {
      for (GpuDeviceInfo g : info.gpuInfo().gpus()) {
        gpus += nz(g.count());
        gpuName = gpuName == null ? g.name() : gpuName;
        if (g.memoryInfo() != null && gpuMemory == 0) {
          gpuMemory = nz(g.memoryInfo().sizeInMiB());
        }
      }
    }
    int accelerators = 0;
    String accName = null;
    long accMemory = 0;
    if (info.neuronInfo() != null && info.neuronInfo().hasNeuronDevices()) {
      for (NeuronDeviceInfo n : info.neuronInfo().neuronDevices()) {
        accelerators += nz(n.count());
        accName = accName == null ? n.name() : accName;
        if (n.memoryInfo() != null && accMemory == 0) {
          accMemory = nz(n.memoryInfo().sizeInMiB());
        }
      }
    } else if (info.inferenceAcceleratorInfo() != null) {
      for (InferenceDeviceInfo a : info.inferenceAcceleratorInfo().accelerators()) {
        accelerators += nz(a.count());
        accName = accName == null ? a.name() : accName;
        if (a.memoryInfo() != null && accMemory == 0) {
          accMemory = nz(a.memoryInfo().sizeInMiB());
        }
      }
    }
    return new InstanceTypeFacts(
        info.instanceTypeAsString(),
        info.vCpuInfo() == null ? 0 : nz(info.vCpuInfo().defaultVCpus()),
        info.memoryInfo() == null || info.memoryInfo().sizeInMiB() == null ? 0
            : info.memoryInfo().sizeInMiB(),
        gpus,
        gpuName,
        gpuMemory,
        accelerators,
        accName,
        accMemory);
  }

  private static int nz(Integer i) {
    return i == null ? 0 : i;
  }

  private static Filter filter(String name, String value) {
    return Filter.builder().name(name).values(value).build();
  }

  private static Filter live() {
    return Filter.builder().name("instance-state-name").values("pending", "running").build();
  }

  private <T> T call(Function<Ec2AsyncClient, CompletableFuture<T>> op, String what) {
    try {
      return op.apply(clients.ec2()).join();
    } catch (RuntimeException e) {
      throw new AwsAccessException("EC2 " + what + " failed: " + reason(e));
    }
  }

  /** The service's error code and message, or the exception's class and message. */
  static String reason(Throwable e) {
    Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    if (t instanceof AwsServiceException && ((AwsServiceException) t).awsErrorDetails() != null) {
      AwsServiceException s = (AwsServiceException) t;
      return s.awsErrorDetails().errorCode() + " (HTTP " + s.statusCode() + "): "
          + Text.oneLine(s.awsErrorDetails().errorMessage());
    }
    return t.getClass().getSimpleName() + ": " + Text.oneLine(t.getMessage());
  }

  /** Closes the clients when this opened them. */
  @Override
  public void close() {
    if (owned) {
      clients.close();
    }
  }

  @Override
  public String toString() {
    return "Ec2Facts[" + clients + "]";
  }
}
