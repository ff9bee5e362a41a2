package dev.harness.run;

import dev.harness.config.CandidateSpec;
import dev.harness.config.HeaderResolver;
import dev.harness.config.MetricsSpec;
import dev.harness.config.Plan;
import dev.harness.config.PlanException;
import dev.harness.config.PrometheusSpec;
import dev.harness.config.RecommendPlan;
import dev.harness.config.Target;
import dev.harness.cost.CandidateOutcome;
import dev.harness.cost.Rejection;
import dev.harness.payload.PayloadException;
import dev.harness.protocol.EndpointNotReadyException;
import dev.harness.result.RecommendationResult;
import dev.harness.result.Totals;
import dev.harness.sim.SimProfile;
import dev.harness.sim.SimProfileException;
import dev.harness.sim.SimProfiles;
import dev.harness.sim.SimServer;
import dev.harness.time.NanoClock;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs one candidate of a recommendation: declared incompatible → rejected unrun; a {@code sim}
 * candidate → its simulator started in-process on a loopback port, its health checked (a model
 * that does not fit fails here, with the simulator's error text as evidence), a cold-start probe,
 * then the capacity search on {@code base.withTarget(...)} in {@code candidates/<name>/}; the
 * search mapped by {@link CandidateOutcomes}.
 */
final class CandidateRunner {
  private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(10);

  /** One candidate's result. */
  record Result(
      CandidateSpec spec,
      CandidateOutcome outcome,
      CandidateOutcomes.Extras extras,
      String notRunReason,
      String resultsDir,
      RecommendationResult.ColdStart coldStart,
      Totals totals,
      List<String> warnings) {}

  private final RecommendPlan plan;
  private final RecommendPrices prices;
  private final Map<String, String> env;
  private final NanoClock clock;
  private final String version;
  private final int eventLoops;
  private final List<Path> bases;
  private final Path directory;
  private final Set<CapacityRun> running = ConcurrentHashMap.newKeySet();
  private volatile String stopReason;

  CandidateRunner(RecommendPlan plan, RecommendPrices prices, Map<String, String> env,
      NanoClock clock, String version, int eventLoops, List<Path> bases, Path directory) {
    this.plan = plan;
    this.prices = prices;
    this.env = env;
    this.clock = clock;
    this.version = version;
    this.eventLoops = eventLoops;
    this.bases = bases;
    this.directory = directory;
  }

  /** Stops the searches running now; candidates not yet started are then not run. */
  void stop(String reason) {
    stopReason = reason;
    for (CapacityRun r : running) {
      r.stop(reason);
    }
  }

  String stopReason() {
    return stopReason;
  }

  /** A result for a candidate that was not run. */
  static Result notRun(CandidateSpec c, String why) {
    return new Result(c, null, CandidateOutcomes.Extras.NONE, why, null, null, null, List.of());
  }

  Result run(int index, CandidateSpec c, RecommendListener listener)
      throws IOException, InterruptedException, PayloadException, PlanException {
    if (c.declaredIncompatible()) {
      return rejected(c, Rejection.incompatible(c.name(), c.incompatible()), null);
    }
    if (stopReason != null) {
      return notRun(c, stopReason + " before it started");
    }
    if (!c.simulated()) {
      return measure(index, c, plan.planFor(c), null, listener);
    }
    SimProfile profile;
    try {
      profile = SimProfiles.resolve(c.simProfile(), bases).faster(c.simSpeedup());
    } catch (SimProfileException e) {
      throw new PlanException(plan.base().source(), 0, 0, "candidates[" + index + "].sim",
          e.getMessage());
    }
    if (profile.incompatible() != null) {
      return rejected(c, Rejection.incompatible(c.name(), profile.incompatible()), null);
    }
    try (SimServer sim = SimServer.start(profile,
        SimServer.Options.loopback().withKeepTruths(false).withSeed(plan.base().seed()))) {
      String unhealthy = StartupProbe.unhealthy(URI.create(sim.url() + "/health"),
          HEALTH_TIMEOUT);
      if (unhealthy != null) {
        return rejected(c, Rejection.doesNotFit(c.name(), unhealthy), null);
      }
      Plan p = plan.base().withTarget(retarget(c.target(), sim.url()),
          remetrics(c, sim.url())).withName(c.name());
      RecommendationResult.ColdStart cold =
          StartupProbe.coldStart(p, HeaderResolver.resolve(p.target(), env), clock);
      return measure(index, c, p, cold, listener);
    }
  }

  private Result measure(int index, CandidateSpec c, Plan p,
      RecommendationResult.ColdStart cold, RecommendListener listener)
      throws IOException, InterruptedException, PayloadException, PlanException {
    Path dir = directory.resolve("candidates").resolve(fileName(c.name()));
    String relative = directory.relativize(dir).toString().replace('\\', '/');
    CapacityRun run;
    try {
      run = CapacityRun.prepare(p, List.of(), env, clock, version, eventLoops, dir);
    } catch (EndpointNotReadyException e) { // a readiness check failed: nothing was sent
      return rejected(c, Rejection.doesNotFit(c.name(), e.getMessage()), cold);
    }
    CapacityRun.Report report;
    running.add(run);
    try {
      if (stopReason != null) {
        run.stop(stopReason);
      }
      report = run.execute(listener.search(index, c), listener.engine(index, c));
    } finally {
      running.remove(run);
    }
    List<String> warnings = new ArrayList<>();
    run.warnings().forEach(w -> warnings.add(c.name() + ": " + w));
    if (stopReason != null) {
      return new Result(c, null, CandidateOutcomes.Extras.NONE,
          stopReason + " during its search (partial results in " + relative + ")", relative,
          cold, report.result().totals(), warnings);
    }
    CandidateOutcomes.Mapped m = CandidateOutcomes.of(c.name(), c.instanceType(), c.copies(),
        prices.gpusPerCopy(c), prices.pricePerHour(c), c.instances(),
        p.target().protocol().isLlm(), p.slo().maxErrorRate(), report);
    return new Result(c, m.outcome(), m.extras(), null, relative, cold,
        report.result().totals(), warnings);
  }

  private Result rejected(CandidateSpec c, Rejection why, RecommendationResult.ColdStart cold) {
    return new Result(c, CandidateOutcome.rejected(c.instanceType(), c.copies(),
        prices.gpusPerCopy(c), prices.pricePerHour(c), why), CandidateOutcomes.Extras.NONE,
        null, null, cold, null, List.of());
  }

  /** The sim candidate's target at the simulator's address (its path and query kept). */
  static Target retarget(Target t, String simBase) {
    return new Target(t.protocol(), CandidateSpec.simUrl(t.url(), simBase), t.model(),
        t.stream(), t.method(), t.contentType(), t.headers(), t.headersFromEnv(),
        t.bearerTokenEnv(), t.connectionPerRequest(), t.tls(), t.sageMaker());
  }

  /** A metrics URL on the target's own host follows the simulator to its address. */
  static MetricsSpec remetrics(CandidateSpec c, String simBase) {
    MetricsSpec m = c.metrics();
    if (m == null) {
      return null;
    }
    PrometheusSpec p = m.prometheus();
    String authority = c.target().url().getRawAuthority();
    if (p == null || authority == null || !authority.equals(p.url().getRawAuthority())) {
      return m;
    }
    return new MetricsSpec(new PrometheusSpec(CandidateSpec.simUrl(p.url(), simBase),
        p.interval(), p.extraSeries()), m.cloudwatch());
  }

  /** A candidate name as a directory name. */
  static String fileName(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
