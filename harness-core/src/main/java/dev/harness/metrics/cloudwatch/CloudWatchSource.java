package dev.harness.metrics.cloudwatch;

import dev.harness.config.CloudWatchSpec;
import dev.harness.config.DurationParser;
import dev.harness.metrics.MetricsSource;
import dev.harness.metrics.Series;
import dev.harness.metrics.aws.AwsAccess;
import dev.harness.metrics.aws.AwsAccessException;
import dev.harness.metrics.aws.AwsClients;
import dev.harness.metrics.ec2.Ec2Facts;
import dev.harness.metrics.ec2.HostRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Server-side metrics from CloudWatch: a SageMaker endpoint variant's instance and invocation
 * metrics, or an EC2 host's CloudWatch agent metrics (nvidia-smi, Neuron). See {@link Presets}
 * for what is read and how it is named.
 *
 * <p>CloudWatch is read after the fact: {@link #start()} only notes the run's start, and {@link
 * #fetch} calls GetMetricData for the window. Its data is coarse (one point per period, stamped
 * with the period's start) and late (SageMaker's appear a minute or more after the period ends),
 * so {@code fetch} re-queries every poll interval until every metric that has data has the last
 * whole period of the window, or until {@code max-wait} after that period's end has passed,
 * telling the progress callback what it is waiting for. Missing data, late data, throttling and
 * failed calls end up as notes ({@link #fetchResult}, {@link #notes()}), never as exceptions.
 *
 * <pre>{@code
 * try (CloudWatchSource cw = CloudWatchSource.builder(spec).progress(cli::status).open()) {
 *   cw.start();
 *   ... run ...
 *   FetchResult r = cw.fetchResult(stepStart, stepEnd);
 * }
 * }</pre>
 *
 * <p>IAM: {@code cloudwatch:GetMetricData}, {@code cloudwatch:ListMetrics} (EC2 preset), {@code
 * ec2:DescribeInstances} (EC2 host given by Name tag or IP). Thread-safe: fetches run one at a
 * time.
 */
public final class CloudWatchSource implements MetricsSource {
  /** Time between re-queries while waiting for late data. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(15);

  /** Retries of a throttled call before giving up with a note. */
  public static final int DEFAULT_THROTTLE_RETRIES = 4;

  /** First backoff after a throttled call; doubles with each retry. */
  public static final Duration DEFAULT_THROTTLE_BACKOFF = Duration.ofSeconds(1);

  private static final DateTimeFormatter HMS =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private final CloudWatchSpec spec;
  private final AwsClients clients;
  private final MetricDataReader reader;
  private final Clock clock;
  private final Pause pause;
  private final Consumer<String> progress;
  private final Duration pollInterval;
  private final String instanceId;
  private final List<String> notes = new ArrayList<>();
  private List<MetricQuery> queries;
  private Instant runStart;
  private boolean closed;

  private CloudWatchSource(Builder b, AwsClients clients, String instanceId) {
    this.spec = b.spec;
    this.clients = clients;
    this.clock = b.clock;
    this.pause = b.pause;
    this.progress = b.progress;
    this.pollInterval = b.pollInterval;
    this.instanceId = instanceId;
    this.reader = new MetricDataReader(clients.cloudWatch(), (int) spec.periodSeconds(), b.pause,
        b.maxThrottleRetries, b.throttleBackoff);
    this.queries = spec.preset() == CloudWatchSpec.Preset.SAGEMAKER ? Presets.sageMaker(spec)
        : null;
  }

  /** A builder for a source reading what {@code spec} says. */
  public static Builder builder(CloudWatchSpec spec) {
    return new Builder(spec);
  }

  /** Notes the run's start (for {@link #describe()}); no call is made. */
  @Override
  public synchronized void start() {
    if (runStart == null) {
      runStart = clock.instant();
    }
  }

  /** The run's start as noted by {@link #start()}, or null before. */
  public synchronized Instant runStart() {
    return runStart;
  }

  /** The series with data in {@code [from, to)}; see {@link #fetchResult} for the rest. */
  @Override
  public List<Series> fetch(Instant from, Instant to) {
    return fetchResult(from, to).nonEmpty();
  }

  /**
   * Everything found for {@code [from, to)}: every series asked for (empty ones included), the
   * notes and the calls it took. May wait for late data up to {@code max-wait} after the end of
   * the window's last whole period.
   *
   * @throws IllegalArgumentException when {@code to} is before {@code from}
   */
  public synchronized FetchResult fetchResult(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("window ends (" + to + ") before it starts (" + from
          + ")");
    }
    int calls0 = reader.calls();
    int throttled0 = reader.throttled();
    List<String> found = new ArrayList<>();
    if (closed) {
      found.add("CloudWatch source is closed; nothing fetched");
      return done(found, List.of(), calls0, throttled0);
    }
    long p = spec.periodSeconds();
    Instant start = ceil(from, p);
    Instant end = ceil(to, p);
    if (!start.isBefore(end)) {
      found.add("no CloudWatch period of " + p + " s starts within " + span(from, to)
          + "; nothing to read");
      return done(found, List.of(), calls0, throttled0);
    }
    List<MetricQuery> qs = queries(found);
    Instant wholeEnd = floor(to, p);
    Instant target = wholeEnd.minusSeconds(p).isBefore(start) ? end.minusSeconds(p)
        : wholeEnd.minusSeconds(p);
    Instant targetEnd = target.plusSeconds(p);
    Instant deadline = targetEnd.plus(spec.maxWait());
    Instant first = clock.instant();
    MetricDataReader.Raw raw;
    List<String> late;
    while (true) {
      raw = reader.read(qs, start, end);
      late = late(qs, raw, target);
      if (raw.failed() || late.isEmpty()) {
        break;
      }
      Instant now = clock.instant();
      Duration wait = min(pollInterval, Duration.between(now, deadline));
      if (wait.isNegative() || wait.isZero()) {
        break;
      }
      progress.accept("waiting for CloudWatch data up to " + HMS.format(targetEnd) + " UTC ("
          + Duration.between(first, now).getSeconds() + " s so far)");
      try {
        pause.pause(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        found.add("interrupted while waiting for CloudWatch data");
        break;
      }
    }
    found.addAll(new LinkedHashSet<>(raw.notes()));
    if (!raw.failed() && !late.isEmpty() && hasData(raw)) {
      found.add("CloudWatch data up to " + HMS.format(targetEnd) + " UTC still missing after "
          + Duration.between(first, clock.instant()).getSeconds() + " s for: "
          + String.join(", ", late));
    }
    for (MetricQuery q : qs) {
      if (raw.points().getOrDefault(q.id(), new TreeMap<>()).subMap(from, to).isEmpty()) {
        found.add("no CloudWatch data for " + q.describe() + " in " + span(from, to));
      }
    }
    return done(found, SeriesBuilder.build(qs, raw.points(), from, to), calls0, throttled0);
  }

  private FetchResult done(List<String> found, List<Series> series, int calls0, int throttled0) {
    notes.addAll(found);
    return new FetchResult(series, found, reader.calls() - calls0, reader.throttled() - throttled0);
  }

  /** The queries; for an EC2 host found by listing its agent metrics once (until found). */
  private List<MetricQuery> queries(List<String> found) {
    if (queries != null) {
      return queries;
    }
    Map<String, List<Map<String, String>>> listed = new LinkedHashMap<>();
    Map<String, Map<String, List<Map<String, String>>>> byNamespace = new LinkedHashMap<>();
    boolean complete = true;
    for (Presets.AgentMetric m : Presets.agentMetrics(spec)) {
      if (!byNamespace.containsKey(m.namespace())) {
        byNamespace.put(m.namespace(),
            reader.listMetrics(m.namespace(), Presets.INSTANCE_ID, instanceId, found));
      }
      Map<String, List<Map<String, String>>> inNamespace = byNamespace.get(m.namespace());
      if (inNamespace == null) {
        complete = false;
        continue;
      }
      List<Map<String, String>> sets = inNamespace.getOrDefault(m.name(), List.of());
      if (sets.isEmpty()) {
        complete = false;
        found.add("ListMetrics found no " + m.namespace() + " " + m.name() + " for InstanceId "
            + instanceId + "; reading it with InstanceId alone");
      }
      listed.put(m.name(), sets);
    }
    List<MetricQuery> qs = Presets.ec2(spec, instanceId, listed);
    if (complete) {
      queries = qs;
    }
    return qs;
  }

  /** Metrics with data in the window that lack the {@code target} period (all when none has). */
  private static List<String> late(List<MetricQuery> qs, MetricDataReader.Raw raw, Instant target) {
    List<String> late = new ArrayList<>();
    for (MetricQuery q : qs) {
      TreeMap<Instant, Double> points = raw.points().get(q.id());
      if (points != null && !points.isEmpty() && !points.containsKey(target)) {
        late.add(q.metricName() + (q.labels().isEmpty() ? "" : q.labels().toString()));
      }
    }
    if (late.isEmpty() && !hasData(raw)) {
      late.add("all metrics");
    }
    return late;
  }

  private static boolean hasData(MetricDataReader.Raw raw) {
    return raw.points().values().stream().anyMatch(m -> !m.isEmpty());
  }

  /**
   * Warnings about {@code steps} measured with this source: a step shorter than two periods may
   * hold no whole period once the periods that straddle its edges are dropped; a SageMaker period
   * under 60 s finds no data (SageMaker publishes once a minute).
   */
  public List<String> warnings(List<StepWindow> steps) {
    List<String> out = new ArrayList<>();
    Duration p = spec.period();
    if (spec.preset() == CloudWatchSpec.Preset.SAGEMAKER && p.getSeconds() < 60) {
      out.add("SageMaker publishes endpoint metrics once a minute; period "
          + DurationParser.format(p) + " will find no data (use 60s or more)");
    }
    for (StepWindow s : steps) {
      if (s.duration().compareTo(p.multipliedBy(2)) < 0) {
        out.add(s.name() + " lasts " + DurationParser.format(s.duration())
            + ", shorter than two CloudWatch periods (2 × " + DurationParser.format(p)
            + "): it may hold no whole period; lengthen it to at least "
            + DurationParser.format(p.multipliedBy(2)) + " or use a shorter period");
      }
    }
    return out;
  }

  /** Every note of every fetch so far, oldest first. */
  public synchronized List<String> notes() {
    return List.copyOf(notes);
  }

  /** GetMetricData and ListMetrics calls made so far, retries included. */
  public synchronized int calls() {
    return reader.calls();
  }

  /** Calls CloudWatch answered with a throttling error so far. */
  public synchronized int throttled() {
    return reader.throttled();
  }

  @Override
  public synchronized String describe() {
    String what = spec.preset() == CloudWatchSpec.Preset.SAGEMAKER
        ? "SageMaker endpoint " + spec.endpointName() + "/" + spec.variant()
        : "EC2 host " + instanceId + " ("
            + spec.accelerator().name().toLowerCase(Locale.ROOT) + ")";
    return "CloudWatch " + what + " in " + spec.region() + ", period "
        + DurationParser.format(spec.period()) + ": " + reader.calls() + " calls, "
        + reader.throttled() + " throttled, " + reader.failures() + " failed";
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      clients.close();
    } catch (RuntimeException e) {
      notes.add("closing the CloudWatch client failed: " + e.getClass().getSimpleName());
    }
  }

  @Override
  public String toString() {
    return "CloudWatchSource[" + describe() + "]";
  }

  static Instant floor(Instant t, long periodSeconds) {
    long s = Math.floorDiv(t.getEpochSecond(), periodSeconds) * periodSeconds;
    return Instant.ofEpochSecond(s);
  }

  static Instant ceil(Instant t, long periodSeconds) {
    Instant f = floor(t, periodSeconds);
    return f.equals(t) ? f : f.plusSeconds(periodSeconds);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static String span(Instant from, Instant to) {
    return "[" + from + ", " + to + ")";
  }

  /** Settings of a {@link CloudWatchSource}; {@link #open()} makes it. */
  public static final class Builder {
    private final CloudWatchSpec spec;
    private AwsCredentialsProvider credentials;
    private Clock clock = Clock.systemUTC();
    private Pause pause = Pause.sleeping();
    private Consumer<String> progress = s -> { };
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private int maxThrottleRetries = DEFAULT_THROTTLE_RETRIES;
    private Duration throttleBackoff = DEFAULT_THROTTLE_BACKOFF;

    private Builder(CloudWatchSpec spec) {
      this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** Credentials to use instead of the spec's profile or the default chain. */
    public Builder credentials(AwsCredentialsProvider provider) {
      this.credentials = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /** The wall clock (CloudWatch periods are wall-clock times). */
    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c, "clock");
      return this;
    }

    /** How to wait between queries. */
    public Builder pause(Pause p) {
      this.pause = Objects.requireNonNull(p, "pause");
      return this;
    }

    /** Told, one line at a time, what a fetch is waiting for. */
    public Builder progress(Consumer<String> p) {
      this.progress = Objects.requireNonNull(p, "progress");
      return this;
    }

    /** Time between re-queries for late data. */
    public Builder pollInterval(Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("pollInterval must be > 0, got " + d);
      }
      this.pollInterval = d;
      return this;
    }

    /** Retries of a throttled call, and the first backoff (doubling). */
    public Builder throttleRetries(int retries, Duration backoff) {
      if (retries < 0) {
        throw new IllegalArgumentException("retries must be >= 0, got " + retries);
      }
      if (backoff == null || backoff.isNegative()) {
        throw new IllegalArgumentException("backoff must be >= 0, got " + backoff);
      }
      this.maxThrottleRetries = retries;
      this.throttleBackoff = backoff;
      return this;
    }

    /**
     * Resolves credentials once and, for an EC2 host named by tag or IP, finds its instance ID.
     *
     * @throws AwsAccessException when no credentials resolve or the host cannot be found
     */
    public CloudWatchSource open() {
      AwsAccess access = new AwsAccess(spec.region(), spec.profile(), spec.endpointUrl(),
          AwsAccess.DEFAULT_API_CALL_TIMEOUT);
      AwsClients clients = credentials != null ? AwsClients.open(access, credentials)
          : AwsClients.open(access);
      try {
        String id = null;
        if (spec.preset() == CloudWatchSpec.Preset.EC2) {
          HostRef host = HostRef.parse(spec.instance());
          id = host.kind() == HostRef.Kind.INSTANCE_ID ? host.value()
              : Ec2Facts.using(clients).resolve(host).instanceId();
        }
        return new CloudWatchSource(this, clients, id);
      } catch (RuntimeException e) {
        clients.close();
        throw e;
      }
    }
  }
}
