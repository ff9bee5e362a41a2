package dev.harness.run;

import dev.harness.config.Plan;
import dev.harness.engine.EngineConfig;
import dev.harness.engine.EngineListener;
import dev.harness.engine.LoadEngine;
import dev.harness.engine.Segment;
import dev.harness.payload.PayloadSampler;
import dev.harness.record.IntervalLog;
import dev.harness.record.Metric;
import dev.harness.record.RequestLog;
import dev.harness.record.RunRecorder;
import dev.harness.traffic.Arrival;
import dev.harness.traffic.ConstantPhase;
import dev.harness.traffic.Schedule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * Requests sent one at a time, outside any step and outside requests.bin: the idle latency before
 * a search (non-LLM start rate, cool-down baseline) and the cool-down check between steps.
 * Both run as a closed loop of one slot: an LLM probe over 1 ms, which is one request (each takes
 * seconds; the engine always opens its slots, however late its pacer wakes); others back to back
 * for a second.
 */
final class Probe {
  private final Plan plan;
  private final RunContext ctx;
  private double idle = Double.NaN;
  private String lastOutcomes = "";

  Probe(Plan plan, RunContext ctx) {
    this.plan = plan;
    this.ctx = ctx;
  }

  /** Median end-to-end latency of idle single requests in ms; NaN if none succeeded. */
  double idleLatencyMillis() throws InterruptedException {
    idle = measure();
    return idle;
  }

  /** Outcome counts of the last probe, e.g. "connect 1". */
  String lastOutcomes() {
    return lastOutcomes;
  }

  /**
   * Waits until a probe returns within 20 % of the idle latency (at least 1 ms over it), or the
   * timeout passes; returns how long it waited in seconds.
   */
  double coolDown(Duration timeout) throws InterruptedException {
    if (Double.isNaN(idle)) {
      return 0;
    }
    long start = ctx.clock().nanoTime();
    long limit = start + timeout.toNanos();
    while (ctx.clock().nanoTime() < limit) {
      double m = measure();
      if (!Double.isNaN(m) && m <= Math.max(idle * 1.2, idle + 1)) {
        break;
      }
      Thread.sleep(500);
    }
    return (ctx.clock().nanoTime() - start) / 1e9;
  }

  private double measure() throws InterruptedException {
    boolean llm = plan.target().protocol().isLlm();
    Duration length = llm ? Duration.ofMillis(1) : Duration.ofSeconds(1);
    Schedule schedule = Schedule.of(
        List.of(new ConstantPhase("probe", 1000, length, Arrival.uniform())), plan.seed());
    long timeoutNanos = plan.limits().requestTimeout().toNanos();
    RunRecorder recorder = new RunRecorder(1, Math.max(2 * timeoutNanos / 1000, 10_000_000L));
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory("harness-probe");
      try (IntervalLog hlog = new IntervalLog(tmp.resolve("probe.hlog"), 0, "probe");
          RequestLog log = new RequestLog(tmp.resolve("probe.bin"), 0);
          PreparedRequests requests = new PreparedRequests(ctx.payloads(),
              PayloadSampler.of(plan.payloads().sampling(), ctx.payloads(), plan.seed()),
              ctx.protocol(), plan.payloads().saltPrompts(), Long.MAX_VALUE / 2)) {
        EngineConfig config = new EngineConfig(plan.target().url(), ctx.headers(),
            ctx.protocol(), llm, requests, schedule, plan.limits().requestTimeout(),
            plan.limits().connectTimeout(), 1, 1,
            length.plus(plan.limits().requestTimeout()).plusSeconds(10),
            plan.limits().requestTimeout().plusSeconds(1), plan.target().connectionPerRequest(),
            1, Duration.ofMillis(50), ctx.clock(), new Segment(1, 0, -1, Set.of()),
            plan.target().tls());
        new LoadEngine(config, ctx.transport(), recorder, hlog, log, EngineListener.NONE).run();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write probe files: " + e.getMessage(), e);
    } finally {
      deleteQuietly(tmp);
    }
    long ok = recorder.counters(0).count(dev.harness.record.Outcome.SUCCESS);
    StringBuilder sb = new StringBuilder();
    recorder.counters(0).outcomeCounts().forEach((o, n) -> {
      if (n > 0) {
        sb.append(sb.length() == 0 ? "" : ", ").append(o.label()).append(' ').append(n);
      }
    });
    lastOutcomes = sb.toString();
    Histogram e2e = recorder.total(0, Metric.E2E);
    return ok == 0 ? Double.NaN : e2e.getValueAtPercentile(50) / 1000.0;
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // a temp file left behind is harmless
    }
  }
}
