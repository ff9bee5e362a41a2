package dev.harness.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harness.config.ProtocolKind;
import dev.harness.config.Target;
import dev.harness.config.TlsOptions;
import dev.harness.engine.EngineConfig;
import dev.harness.engine.EngineOutcome;
import dev.harness.engine.LoadEngine;
import dev.harness.engine.Segment;
import dev.harness.engine.Progress;
import dev.harness.engine.RequestSource;
import dev.harness.payload.Payload;
import dev.harness.protocol.Protocol;
import dev.harness.protocol.Protocols;
import dev.harness.protocol.RequestSpec;
import dev.harness.record.IntervalLog;
import dev.harness.record.Metric;
import dev.harness.record.Outcome;
import dev.harness.record.RequestLog;
import dev.harness.record.RequestRecord;
import dev.harness.record.RunRecorder;
import dev.harness.time.NanoClock;
import dev.harness.traffic.Phase;
import dev.harness.traffic.Schedule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/** Runs the real engine against a URL with a small builder; collects what it recorded. */
public final class EngineFixture {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private ProtocolKind protocol = ProtocolKind.HTTP;
  private String url;
  private List<Phase> phases;
  private Duration timeout = Duration.ofSeconds(5);
  private int maxInFlight = 2000;
  private int connections = 2000;
  private Duration maxDuration = Duration.ofMinutes(2);
  private Duration drain = Duration.ofSeconds(5);
  private Duration startDelay = Duration.ofMillis(200);
  private boolean perRequest;
  private Consumer<LoadEngine> onStart = e -> {};
  private TlsOptions tls = TlsOptions.systemDefault();
  private NanoClock clock = NanoClock.system();
  private Segment segment = Segment.standalone();

  public EngineFixture(Path dir) {
    this.dir = dir;
  }

  public EngineFixture url(String u) {
    url = u;
    return this;
  }

  public EngineFixture protocol(ProtocolKind p) {
    protocol = p;
    return this;
  }

  public EngineFixture phases(Phase... p) {
    phases = List.of(p);
    return this;
  }

  public EngineFixture timeout(Duration d) {
    timeout = d;
    return this;
  }

  public EngineFixture maxInFlight(int n) {
    maxInFlight = n;
    connections = Math.min(connections, n);
    return this;
  }

  public EngineFixture connections(int n) {
    connections = n;
    return this;
  }

  public EngineFixture maxDuration(Duration d) {
    maxDuration = d;
    return this;
  }

  public EngineFixture connectionPerRequest() {
    perRequest = true;
    return this;
  }

  public EngineFixture tls(TlsOptions options) {
    tls = options;
    return this;
  }

  /** The clock the engine reads (the system clock unless a test needs to move time itself). */
  public EngineFixture clock(NanoClock c) {
    clock = c;
    return this;
  }

  /** A closed loop of {@code concurrency} requests in flight instead of the open schedule. */
  public EngineFixture closedLoop(int concurrency) {
    segment = new Segment(concurrency, 0, -1, java.util.Set.of());
    return this;
  }

  public EngineFixture onStart(Consumer<LoadEngine> c) {
    onStart = c;
    return this;
  }

  /**
   * Warms the JVM (harness and in-process server alike) up with a short discarded run against
   * {@code url}: the first second of a cold JVM is slow on a 2-core machine, which would show in
   * the latencies of whichever test runs first.
   */
  public static void warmUp(Path dir, String url, double rate) throws Exception {
    Path w = dir.resolve("warmup");
    java.nio.file.Files.createDirectories(w);
    new EngineFixture(w)
        .url(url)
        .phases(
            new dev.harness.traffic.ConstantPhase(
                "warmup", rate, Duration.ofSeconds(3), dev.harness.traffic.Arrival.uniform()))
        .run();
  }

  /** Time between start and the schedule origin (connections are opened meanwhile). */
  public EngineFixture startDelay(Duration d) {
    startDelay = d;
    return this;
  }

  public Result run() throws Exception {
    Schedule schedule = Schedule.of(phases, 7);
    Target target =
        new Target(
            protocol,
            URI.create(url),
            protocol.isLlm() ? "test-model" : null,
            protocol.isLlm(),
            "POST",
            "application/json",
            Map.of(),
            Map.of(),
            null,
            perRequest,
            tls,
            null);
    Protocol p = Protocols.create(target);
    Payload payload =
        new Payload(
            0,
            1,
            "p0",
            JSON.readTree(
                protocol.isLlm()
                    ? "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":5}"
                    : "{\"x\":1}"),
            1,
            -1,
            5);
    RequestSource source =
        seq -> {
          RequestSpec spec = p.build(payload, seq);
          Map<String, String> headers = new java.util.HashMap<>(spec.headers());
          headers.put("X-Harness-Seq", Long.toString(seq));
          return new RequestSpec(
              spec.method(),
              spec.pathAndQuery(),
              headers,
              spec.body(),
              spec.payloadIndex(),
              spec.promptTokens(),
              spec.expectedOutputTokens());
        };
    RunRecorder recorder =
        new RunRecorder(schedule.steps().size(), Math.max(10_000_000L, timeout.toNanos() / 500));
    List<Progress> progress = new ArrayList<>();
    EngineOutcome outcome;
    try (IntervalLog hlog = new IntervalLog(dir.resolve("latency.hlog"), 0, "test");
        RequestLog log = new RequestLog(dir.resolve("requests.bin"), 0)) {
      EngineConfig config =
          new EngineConfig(
              URI.create(url),
              Map.of(),
              p,
              protocol.isLlm(),
              source,
              schedule,
              timeout,
              Duration.ofSeconds(2),
              maxInFlight,
              connections,
              maxDuration,
              drain,
              perRequest,
              1,
              startDelay,
              clock,
              segment,
              tls);
      LoadEngine engine =
          new LoadEngine(
              config,
              recorder,
              hlog,
              log,
              pr -> {
                synchronized (progress) {
                  progress.add(pr);
                }
              });
      onStart.accept(engine);
      outcome = engine.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Result(
        outcome, recorder, RequestLog.read(dir.resolve("requests.bin")), progress, schedule);
  }

  public record Result(
      EngineOutcome outcome,
      RunRecorder recorder,
      List<RequestRecord> requests,
      List<Progress> progress,
      Schedule schedule) {

    public Histogram histogram(Metric m) {
      Histogram h = recorder.total(0, m);
      for (int s = 1; s < recorder.steps(); s++) {
        h.add(recorder.total(s, m));
      }
      return h;
    }

    public double millisAt(Metric m, double percentile) {
      return histogram(m).getValueAtPercentile(percentile) / 1000.0;
    }

    public long count(Outcome o) {
      long n = 0;
      for (int s = 0; s < recorder.steps(); s++) {
        n += recorder.counters(s).count(o);
      }
      return n;
    }

    public long totalOutcomes() {
      long n = 0;
      for (int s = 0; s < recorder.steps(); s++) {
        n += recorder.counters(s).total();
      }
      return n;
    }
  }
}
