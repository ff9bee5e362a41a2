package dev.harness.report.compare;

import dev.harness.record.LatencySummary;
import dev.harness.result.CapacityResult;
import dev.harness.result.CapacityStep;
import dev.harness.result.GeneratorSummary;
import dev.harness.result.PayloadSummary;
import dev.harness.result.PlanSummary;
import dev.harness.result.RunResult;
import dev.harness.result.StepResult;
import dev.harness.result.Totals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Capacity results built in code for the compare tests: a plan "fraud", an SLO, a payload set,
 * and one measured step (after a warm-up) per rung with the figures the test chooses.
 */
final class Runs {
  static final Instant START = Instant.parse("2026-11-24T02:00:00Z");

  private Runs() {}

  /** One rung: offered rate, p99 e2e (ms), error rate, achieved ÷ offered. */
  record Rung(double rate, double p99, double errorRate, double achievedShare) {}

  static Rung rung(double rate, double p99) {
    return new Rung(rate, p99, 0, 1);
  }

  /** A run builder with a plan and payload set that every run shares unless changed. */
  static Builder run(String id) {
    return new Builder(id);
  }

  static final class Builder {
    private final String id;
    private final List<Rung> rungs = new ArrayList<>();
    private String kind = "capacity";
    private String planName = "fraud";
    private String protocol = "http";
    private String objectives = "e2e p99 <= 50 ms";
    private String sha = "aa11";
    private int payloadCount = 200;
    private Double point = 100.0;
    private Double highestPass = 95.0;
    private Double ttftP99;
    private final Map<String, Object> settings = new LinkedHashMap<>();

    private Builder(String id) {
      this.id = id;
    }

    Builder rung(double rate, double p99) {
      rungs.add(Runs.rung(rate, p99));
      return this;
    }

    Builder rung(Rung r) {
      rungs.add(r);
      return this;
    }

    Builder kind(String k) {
      kind = k;
      return this;
    }

    Builder planName(String n) {
      planName = n;
      return this;
    }

    Builder protocol(String p) {
      protocol = p;
      return this;
    }

    Builder objectives(String o) {
      objectives = o;
      return this;
    }

    Builder payloads(String sha256, int count) {
      sha = sha256;
      payloadCount = count;
      return this;
    }

    Builder sustainable(Double pointEstimate, Double pass) {
      point = pointEstimate;
      highestPass = pass;
      return this;
    }

    /** Every rung also has a TTFT p99 of this many ms. */
    Builder ttft(double p99) {
      ttftP99 = p99;
      return this;
    }

    Builder setting(String key, Object value) {
      settings.put(key, value);
      return this;
    }

    RunResult build() {
      List<StepResult> steps = new ArrayList<>();
      List<CapacityStep> cap = new ArrayList<>();
      for (Rung r : rungs) {
        int warm = steps.size();
        steps.add(step(warm, r, 1, 0));
        steps.add(step(warm + 1, r, r.p99(), r.errorRate()));
        cap.add(new CapacityStep(cap.size(), "ladder", "rung", r.rate(), 0, warm + 1, warm, 10,
            Math.round(r.rate() * 10), r.rate() * r.achievedShare(), r.rate(), 0,
            r.p99() <= 50 ? "pass" : "fail", "", true, "steady", 0.5, List.of(), Map.of(),
            Map.of()));
      }
      CapacityResult capacity = "capacity".equals(kind)
          ? new CapacityResult("ladder", "found", "every rung measured", settings, 5.0, null,
              new CapacityResult.Sustainable(highestPass, highestPass, true, null, false, point,
                  point, 0.05, null, false),
              null, null, cap)
          : null;
      PlanSummary plan = new PlanSummary("plan.yaml", planName, protocol, "http://127.0.0.1:1/",
          null, false, List.of(), List.of(),
          Map.of("objectives", List.of(objectives), "maxErrorRate", 0.01), Map.of());
      return new RunResult(RunResult.SCHEMA_VERSION, id, kind, START, START.plusSeconds(60), false,
          null, 1, Map.of(), plan,
          new PayloadSummary("payloads/fraud.jsonl", payloadCount, 0, "shuffle", false, sha),
          new GeneratorSummary("epoll", 1, 64, 64, 0, 0, 0, 0, 0, 0),
          List.of(new RunResult.Anchor(0, START.toEpochMilli())), steps,
          new Totals(0, 0, Map.of(), 0, 0, 60), List.of(), capacity);
    }

    private StepResult step(int index, Rung r, double p99, double errorRate) {
      Map<String, LatencySummary> lat = new HashMap<>();
      lat.put("e2e", new LatencySummary(1000, p99 / 2, p99 / 3, p99 / 2, p99 / 1.5, p99, p99,
          p99, 2000));
      if (ttftP99 != null) {
        lat.put("ttft", new LatencySummary(1000, 1, 1, 1, 1, ttftP99, ttftP99, ttftP99, 2000));
      }
      return new StepResult(index, "step " + index, "capacity", index * 10, 10, r.rate(),
          r.rate(), r.rate(), Math.round(r.rate() * 10), r.rate() * r.achievedShare(),
          Map.of("success", Math.round(r.rate() * 10)), errorRate, lat, 0, 0, Map.of());
    }
  }
}
