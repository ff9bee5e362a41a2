package dev.harness.run;

import dev.harness.config.HeaderResolver;
import dev.harness.config.Limits;
import dev.harness.config.Plan;
import dev.harness.config.PlanException;
import dev.harness.engine.Transport;
import dev.harness.payload.PayloadException;
import dev.harness.payload.PayloadSet;
import dev.harness.protocol.Protocol;
import dev.harness.protocol.Protocols;
import dev.harness.protocol.ReadinessCheck;
import dev.harness.protocol.sagemaker.CredentialsException;
import dev.harness.protocol.sagemaker.SageMakerProtocol;
import dev.harness.time.NanoClock;
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
 * What every kind of run opens before its first request: resolved secrets, the payload set, the
 * protocol adapter (checked by building one request, so a payload it cannot send fails now), the
 * transport (for SageMaker: credentials resolved once, every body checked against the 6 MB
 * limit), the warnings, and a fresh {@code <output>/<run-id>/} directory, once the endpoint says
 * it is ready where the protocol can ask (Triton; {@link ReadinessCheck}, failing with an {@link
 * dev.harness.protocol.EndpointNotReadyException}).
 */
record RunInputs(
    Map<String, String> headers,
    PayloadSet payloads,
    Protocol protocol,
    Transport transport,
    List<String> warnings,
    Path directory) {
  private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(10);
  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  /**
   * @param expectedRequests how many requests the run will send (for the prompt-cache warning)
   */
  static RunInputs open(
      Plan plan,
      List<String> planWarnings,
      Map<String, String> env,
      NanoClock clock,
      double expectedRequests)
      throws IOException, PayloadException, PlanException {
    return open(plan, planWarnings, env, clock, expectedRequests, null);
  }

  /**
   * As {@link #open(Plan, List, Map, NanoClock, double)}, in {@code directory} (created if
   * missing) instead of a fresh {@code <output>/<run-id>/}; null for the latter.
   */
  static RunInputs open(
      Plan plan,
      List<String> planWarnings,
      Map<String, String> env,
      NanoClock clock,
      double expectedRequests,
      Path directory)
      throws IOException, PayloadException, PlanException {
    Map<String, String> headers = HeaderResolver.resolve(plan.target(), env);
    PayloadSet set = PayloadSet.open(plan.payloads().file(), plan.payloads().skipBadLines());
    boolean ok = false;
    try {
      Protocol protocol = Protocols.create(plan.target());
      try { // build one request now: a payload the protocol cannot send fails before the run
        protocol.build(set.get(0), 0);
      } catch (IllegalArgumentException e) {
        throw new PayloadException(set.file(), set.get(0).lineNumber(), e.getMessage());
      }
      if (protocol instanceof SageMakerProtocol) {
        ((SageMakerProtocol) protocol).checkBodySizes(set);
      }
      Transport transport;
      try {
        transport = Transport.forTarget(plan.target(), env);
      } catch (CredentialsException e) {
        throw new PlanException(plan.source(), 0, 0, "target.sagemaker", e.getMessage());
      }
      List<String> warnings = new ArrayList<>(planWarnings);
      if (set.skippedLines() > 0) {
        warnings.add(
            "payloads: skipped " + set.skippedLines() + " malformed line(s) of " + set.file());
      }
      if (plan.target().protocol().isLlm()
          && !plan.payloads().saltPrompts()
          && expectedRequests > 3.0 * set.size()) {
        warnings.add(
            String.format(
                "payloads: the run sends about %.0f requests from a set of %d (%.1f× each): "
                    + "servers' prompt caches may inflate capacity; use a larger set or "
                    + "payloads.salt-prompts: true",
                expectedRequests, set.size(), expectedRequests / set.size()));
      }
      ReadinessCheck.check(plan.target(), protocol, headers, readinessTimeout(plan.limits()));
      Path dir = directory != null ? Files.createDirectories(directory)
          : createRunDirectory(plan, clock);
      ok = true;
      return new RunInputs(headers, set, protocol, transport, warnings, dir);
    } finally {
      if (!ok) {
        set.close();
      }
    }
  }

  /** Each readiness GET may take the connect timeout, but at least {@link #READINESS_TIMEOUT}. */
  private static Duration readinessTimeout(Limits limits) {
    Duration connect = limits.connectTimeout();
    return connect.compareTo(READINESS_TIMEOUT) > 0 ? connect : READINESS_TIMEOUT;
  }

  /** A fresh {@code <output>/<run-id>/}: the UTC time and the plan name, suffixed if taken. */
  static Path createRunDirectory(Plan plan, NanoClock clock) throws IOException {
    String base =
        RUN_ID.format(Instant.ofEpochMilli(clock.wallClockMillis()))
            + "-"
            + plan.name().replaceAll("[^A-Za-z0-9._-]", "_");
    Files.createDirectories(plan.outputDir());
    for (int i = 0; ; i++) {
      Path dir = plan.outputDir().resolve(i == 0 ? base : base + "-" + i);
      try {
        return Files.createDirectory(dir);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // next suffix
      }
    }
  }
}
