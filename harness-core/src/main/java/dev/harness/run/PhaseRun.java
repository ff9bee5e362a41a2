package dev.harness.run;

import dev.harness.config.HeaderResolver;
import dev.harness.config.Limits;
import dev.harness.config.Plan;
import dev.harness.config.PlanException;
import dev.harness.engine.EngineConfig;
import dev.harness.engine.EngineListener;
import dev.harness.engine.EngineOutcome;
import dev.harness.engine.LoadEngine;
import dev.harness.engine.Segment;
import dev.harness.engine.Transport;
import dev.harness.payload.PayloadException;
import dev.harness.payload.PayloadSampler;
import dev.harness.payload.PayloadSet;
import dev.harness.protocol.Protocol;
import dev.harness.protocol.Protocols;
import dev.harness.protocol.ReadinessCheck;
import dev.harness.record.IntervalLog;
import dev.harness.record.RequestLog;
import dev.harness.record.RunRecorder;
import dev.harness.result.ResultsJson;
import dev.harness.result.RunResult;
import dev.harness.time.NanoClock;
import dev.harness.traffic.Schedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code harness run}: a plan's fixed phases of open-loop traffic against one target, written
 * to {@code <output>/<run-id>/} as results.json, latency.hlog and requests.bin. Whatever happens
 * (Ctrl-C, a dying endpoint, an internal failure) every output is still written with what was
 * measured.
 *
 * <pre>{@code
 * PhaseRun run = PhaseRun.prepare(plan, warnings, System.getenv(), NanoClock.system(), "1.0");
 * Runtime.getRuntime().addShutdownHook(new Thread(() -> run.stop("interrupted")));
 * RunResult result = run.execute(listener);
 * }</pre>
 */
public final class PhaseRun {

  private final Plan plan;
  private final NanoClock clock;
  private final String harnessVersion;
  private final PayloadSet payloads;
  private final Protocol protocol;
  private final Transport transport;
  private final Schedule schedule;
  private final Map<String, String> headers;
  private final List<String> warnings;
  private final Path directory;
  private final int eventLoops;
  private volatile LoadEngine engine;
  private volatile String earlyStop;

  private PhaseRun(
      Plan plan,
      NanoClock clock,
      String harnessVersion,
      PayloadSet payloads,
      Protocol protocol,
      Transport transport,
      Schedule schedule,
      Map<String, String> headers,
      List<String> warnings,
      Path directory,
      int eventLoops) {
    this.plan = plan;
    this.clock = clock;
    this.harnessVersion = harnessVersion;
    this.payloads = payloads;
    this.protocol = protocol;
    this.transport = transport;
    this.schedule = schedule;
    this.headers = headers;
    this.warnings = warnings;
    this.directory = directory;
    this.eventLoops = eventLoops;
  }

  /**
   * Opens the payload set, resolves secrets from {@code env}, builds the schedule and the first
   * request (so a payload the protocol cannot send fails now, not mid-run), checks that the
   * endpoint is ready where the protocol can ask (Triton; {@link ReadinessCheck}, failing with an
   * {@link dev.harness.protocol.EndpointNotReadyException}) and creates the run directory.
   */
  public static PhaseRun prepare(
      Plan plan,
      List<String> planWarnings,
      Map<String, String> env,
      NanoClock clock,
      String harnessVersion,
      int eventLoops)
      throws IOException, PayloadException, PlanException {
    if (plan.phases().isEmpty()) {
      throw new PlanException(plan.source(), 0, 0, "phases",
          "this plan has no phases, only a capacity section: run it with harness capacity");
    }
    Schedule schedule = Schedule.of(plan.phases(), plan.seed());
    RunInputs in = RunInputs.open(plan, planWarnings, env, clock, schedule.expectedRequests());
    return new PhaseRun(plan, clock, harnessVersion, in.payloads(), in.protocol(), in.transport(),
        schedule, in.headers(), in.warnings(), in.directory(), eventLoops);
  }

  public Path directory() {
    return directory;
  }

  public Schedule schedule() {
    return schedule;
  }

  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  public PayloadSet payloads() {
    return payloads;
  }

  /** Stops the run early; safe from any thread (e.g. a shutdown hook). */
  public void stop(String reason) {
    earlyStop = reason;
    LoadEngine e = engine;
    if (e != null) {
      e.stop(reason);
    }
  }

  /** Runs the schedule and writes every output; returns what was written to results.json. */
  public RunResult execute(EngineListener listener) throws IOException, InterruptedException {
    Limits limits = plan.limits();
    long timeoutMicros = limits.requestTimeout().toNanos() / 1000;
    RunRecorder recorder =
        new RunRecorder(schedule.steps().size(), Math.max(2 * timeoutMicros, 10_000_000L));
    long startWall = clock.wallClockMillis();
    EngineOutcome outcome = null;
    Throwable failure = null;
    try (PreparedRequests requests =
            new PreparedRequests(
                payloads,
                PayloadSampler.of(plan.payloads().sampling(), payloads, plan.seed()),
                protocol,
                plan.payloads().saltPrompts());
        IntervalLog hlog =
            new IntervalLog(
                directory.resolve("latency.hlog"),
                startWall,
                "harness " + harnessVersion + " run " + directory.getFileName());
        RequestLog requestLog = new RequestLog(directory.resolve("requests.bin"), startWall)) {
      EngineConfig config =
          new EngineConfig(
              plan.target().url(),
              headers,
              protocol,
              plan.target().protocol().isLlm(),
              requests,
              schedule,
              limits.requestTimeout(),
              limits.connectTimeout(),
              limits.maxInFlight(),
              limits.connections(),
              limits.maxDuration(),
              limits.drainTimeout(),
              plan.target().connectionPerRequest(),
              eventLoops,
              Duration.ofMillis(250),
              clock,
              Segment.standalone(),
              plan.target().tls());
      LoadEngine e = new LoadEngine(config, transport, recorder, hlog, requestLog, listener);
      engine = e;
      if (earlyStop != null) {
        e.stop(earlyStop);
      }
      outcome = e.run();
    } catch (RuntimeException | Error ex) {
      failure = ex;
    } finally {
      payloads.close();
    }
    RunResult result =
        new ResultAssembler(plan, payloads, schedule, recorder, harnessVersion, eventLoops)
            .assemble(directory.getFileName().toString(), outcome, failure, warnings, startWall,
                clock.wallClockMillis(), ResultAssembler.sdk(transport));
    ResultsJson.write(result, directory);
    if (failure instanceof RuntimeException) {
      throw (RuntimeException) failure;
    }
    if (failure instanceof Error) {
      throw (Error) failure;
    }
    return result;
  }
}
