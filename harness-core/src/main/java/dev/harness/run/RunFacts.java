package dev.harness.run;

import dev.harness.config.Objective;
import dev.harness.config.Plan;
import dev.harness.payload.PayloadSet;
import dev.harness.result.PayloadSummary;
import dev.harness.result.PlanSummary;
import dev.harness.traffic.ConstantPhase;
import dev.harness.traffic.Phase;
import dev.harness.traffic.RampPhase;
import dev.harness.traffic.StairsPhase;
import io.netty.util.Version;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What results.json says about a run besides its measurements, the same for every kind of run:
 * versions, the plan as run (no secrets) and the payload set.
 */
final class RunFacts {
  private final Plan plan;
  private final PayloadSet payloads;
  private final String harnessVersion;

  RunFacts(Plan plan, PayloadSet payloads, String harnessVersion) {
    this.plan = plan;
    this.payloads = payloads;
    this.harnessVersion = harnessVersion;
  }

  Map<String, String> versions() {
    Map<String, String> v = new TreeMap<>();
    v.put("harness", harnessVersion);
    v.put("java", Runtime.version().toString());
    v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    Version netty = Version.identify().get("netty-transport");
    v.put("netty", netty == null ? "unknown" : netty.artifactVersion());
    return v;
  }

  PlanSummary planSummary() {
    List<Map<String, Object>> phases = new ArrayList<>();
    for (Phase p : plan.phases()) {
      phases.add(phase(p));
    }
    Map<String, Object> slo = new LinkedHashMap<>();
    List<String> objectives = new ArrayList<>();
    for (Objective o : plan.slo().objectives()) {
      objectives.add(
          String.format(
              java.util.Locale.ROOT,
              "%s p%s <= %d ms",
              o.metric().tag(),
              trim(o.percentile()),
              o.threshold().toMillis()));
    }
    slo.put("objectives", objectives);
    slo.put("maxErrorRate", plan.slo().maxErrorRate());
    Map<String, Object> limits = new LinkedHashMap<>();
    limits.put("requestTimeoutSeconds", plan.limits().requestTimeout().toMillis() / 1000.0);
    limits.put("connectTimeoutSeconds", plan.limits().connectTimeout().toMillis() / 1000.0);
    limits.put("maxInFlight", plan.limits().maxInFlight());
    limits.put("connections", plan.limits().connections());
    limits.put("maxDurationSeconds", plan.limits().maxDuration().toMillis() / 1000.0);
    limits.put("drainTimeoutSeconds", plan.limits().drainTimeout().toMillis() / 1000.0);
    limits.put("connectionPerRequest", plan.target().connectionPerRequest());
    TreeSet<String> headerNames = new TreeSet<>(plan.target().headers().keySet());
    headerNames.addAll(plan.target().headersFromEnv().keySet());
    if (plan.target().bearerTokenEnv() != null) {
      headerNames.add("Authorization");
    }
    java.net.URI u = plan.target().url();
    String url =
        u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "")
            + (u.getRawPath() == null ? "" : u.getRawPath());
    return new PlanSummary(
        plan.source() == null ? null : plan.source().toString(),
        plan.name(),
        plan.target().protocol().yamlName(),
        url,
        plan.target().model(),
        plan.target().stream(),
        new ArrayList<>(headerNames),
        phases,
        slo,
        limits);
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static Map<String, Object> phase(Phase p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", p.name());
    if (p instanceof ConstantPhase) {
      ConstantPhase c = (ConstantPhase) p;
      m.put("type", "constant");
      m.put("rate", c.ratePerSec());
    } else if (p instanceof RampPhase) {
      RampPhase r = (RampPhase) p;
      m.put("type", "ramp");
      m.put("from", r.fromRatePerSec());
      m.put("to", r.toRatePerSec());
    } else {
      StairsPhase s = (StairsPhase) p;
      m.put("type", "stairs");
      m.put("from", s.fromRatePerSec());
      m.put("to", s.toRatePerSec());
      m.put("steps", s.steps());
      m.put("stepDurationSeconds", s.stepDuration().toMillis() / 1000.0);
    }
    m.put("durationSeconds", p.duration().toMillis() / 1000.0);
    m.put("arrival", p.arrival().kind().name().toLowerCase(java.util.Locale.ROOT));
    if (p.arrival().kind() == dev.harness.traffic.Arrival.Kind.GAMMA) {
      m.put("cv", p.arrival().cv());
    }
    return m;
  }

  PayloadSummary payloadSummary() {
    return new PayloadSummary(
        plan.payloads().file().toString(),
        payloads.size(),
        payloads.skippedLines(),
        plan.payloads().sampling().name().toLowerCase(java.util.Locale.ROOT),
        plan.payloads().saltPrompts(),
        sha256(plan.payloads().file()));
  }

  private static String sha256(java.nio.file.Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      return "unavailable";
    }
  }
}
