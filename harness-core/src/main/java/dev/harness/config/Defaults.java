package dev.harness.config;

import dev.harness.payload.Sampling;
import dev.harness.traffic.Arrival;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Every default a plan gets when a field is left out, in one place. docs/plan-reference.md lists
 * the same values; keep the two in step.
 */
public final class Defaults {
  private Defaults() {}

  /** {@code target.method}: OpenAI APIs only accept POST, and most inference servers do too. */
  public static final String METHOD = "POST";

  /** {@code target.content-type}. */
  public static final String CONTENT_TYPE = "application/json";

  /**
   * {@code target.sagemaker.use-instance-metadata}: the default credentials chain never asks the
   * EC2 instance metadata service unless told to (a laptop or CI runner would wait on it).
   */
  public static final boolean SAGEMAKER_USE_INSTANCE_METADATA = false;

  /** {@code target.connection-per-request}: reuse keep-alive connections. */
  public static final boolean CONNECTION_PER_REQUEST = false;

  /** {@code payloads.sampling}: a seeded shuffle, so that every payload is used once per pass. */
  public static final Sampling SAMPLING = Sampling.SHUFFLE;

  /** {@code payloads.salt-prompts}. */
  public static final boolean SALT_PROMPTS = false;

  /** {@code payloads.skip-bad-lines}: a malformed payload line fails the load. */
  public static final boolean SKIP_BAD_LINES = false;

  /** {@code phases[n].name} is this prefix and the 1-based position, e.g. {@code phase-1}. */
  public static final String PHASE_NAME_PREFIX = "phase-";

  /** {@code phases[n].arrival}: Poisson arrivals, the usual model of independent users. */
  public static final Arrival ARRIVAL = Arrival.poisson();

  /** Name of the single phase that {@code --rate} / {@code --duration} put in place. */
  public static final String OVERRIDE_PHASE_NAME = "cli";

  /** {@code slo.max-error-rate}: at most 1% of requests may fail, time out or be dropped. */
  public static final double MAX_ERROR_RATE = 0.01;

  /** {@code limits.request-timeout}. */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  /** {@code limits.connect-timeout}. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** {@code limits.drain-timeout}: how long an interrupted run waits for in-flight requests. */
  public static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

  /** Floor of the computed {@code limits.max-in-flight}. */
  public static final int MIN_MAX_IN_FLIGHT = 16;

  /** Headroom over Little's law in the recommended in-flight cap (20%). */
  public static final BigDecimal IN_FLIGHT_HEADROOM = new BigDecimal("1.2");

  /** Added to the phases and the request timeout to get the default {@code limits.max-duration}. */
  public static final Duration MAX_DURATION_MARGIN = Duration.ofSeconds(30);

  /** {@code seed}: runs are reproducible unless asked otherwise. */
  public static final long SEED = 1;

  /** {@code output}, relative to the current working directory. */
  public static final Path OUTPUT_DIR = Path.of("results");

  /** {@code target.stream}: streamed for the LLM protocols (TTFT needs it), not for http. */
  public static boolean stream(ProtocolKind protocol) {
    return protocol.isLlm();
  }

  /**
   * Requests in flight needed to sustain {@code peakRatePerSec} when each may take up to {@code
   * requestTimeout}: {@code ceil(1.2 × λ × W)}. By Little's law (J. D. C. Little, "A Proof for the
   * Queuing Formula L = λW", Operations Research 9(3), 1961) an endpoint that has slowed to the
   * timeout holds {@code λ × W} requests; 20% headroom covers Poisson bunching. Computed in
   * decimal so that e.g. 10 req/s × 30 s gives exactly 360; capped at {@link Integer#MAX_VALUE}.
   */
  public static int recommendedInFlight(double peakRatePerSec, Duration requestTimeout) {
    BigDecimal seconds = new BigDecimal(requestTimeout.toNanos()).movePointLeft(9);
    BigDecimal needed =
        IN_FLIGHT_HEADROOM
            .multiply(BigDecimal.valueOf(peakRatePerSec))
            .multiply(seconds)
            .setScale(0, RoundingMode.CEILING);
    return needed.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) >= 0
        ? Integer.MAX_VALUE
        : needed.intValue();
  }

  /** {@code limits.max-in-flight}: {@code max(16, recommendedInFlight(peak, timeout))}. */
  public static int maxInFlight(double peakRatePerSec, Duration requestTimeout) {
    return Math.max(MIN_MAX_IN_FLIGHT, recommendedInFlight(peakRatePerSec, requestTimeout));
  }

  /**
   * {@code limits.max-duration}: the phases, then one request timeout for the last requests to
   * finish, then {@link #MAX_DURATION_MARGIN}.
   */
  public static Duration maxDuration(Duration totalPhases, Duration requestTimeout) {
    return totalPhases.plus(requestTimeout).plus(MAX_DURATION_MARGIN);
  }
}
