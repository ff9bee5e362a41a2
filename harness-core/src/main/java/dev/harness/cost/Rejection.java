package dev.harness.cost;

import dev.harness.result.CheckResult;
import java.util.Locale;

/**
 * A candidate left out of the ranking, with the evidence a reader needs to believe it.
 *
 * <p>The factories write the evidence from figures, e.g. {@code p99 e2e ≤ 2000 ms missed at 0.50
 * requests/s: observed 3200 ms > 2000 ms (n = 412)}.
 *
 * @param candidate the candidate's name
 * @param reason why
 * @param evidence one line of text with the numbers or the error text
 */
public record Rejection(String candidate, RejectionReason reason, String evidence) {
  public Rejection {
    if (candidate == null || candidate.isBlank()) {
      throw new IllegalArgumentException("a rejection needs the candidate's name");
    }
    if (reason == null) {
      throw new IllegalArgumentException("rejection of " + candidate + " needs a reason");
    }
    evidence = evidence == null || evidence.isBlank() ? "(no evidence recorded)" : oneLine(evidence);
  }

  /** The model did not load or the endpoint never became healthy; {@code errorText} as given. */
  public static Rejection doesNotFit(String candidate, String errorText) {
    return new Rejection(candidate, RejectionReason.DOES_NOT_FIT, errorText);
  }

  /** The first objective missed at the lowest rate tried, with its numbers. */
  public static Rejection sloMissed(String candidate, String objective, double observedMillis,
      double thresholdMillis, long n, double atRps) {
    return new Rejection(candidate, RejectionReason.SLO_MISSED_AT_LOWEST_RATE,
        String.format(Locale.ROOT, "%s missed at %.2f requests/s: observed %.0f ms > %.0f ms "
            + "(n = %d)", objective, atRps, observedMillis, thresholdMillis, n));
  }

  /** The first breach of a capacity search at its lowest rate. */
  public static Rejection sloMissed(String candidate, CheckResult firstBreach, double atRps) {
    if (firstBreach.thresholdMillis() == null) {
      return errorRate(candidate, firstBreach.share(), firstBreach.allowedShare(),
          firstBreach.n(), atRps);
    }
    if (firstBreach.observedMillis() == null || firstBreach.observedMillis().isNaN()) {
      // the percentile falls on requests that failed or timed out: it has no value to show
      return new Rejection(candidate, RejectionReason.SLO_MISSED_AT_LOWEST_RATE,
          String.format(Locale.ROOT, "%s missed at %.2f requests/s: %.0f %% of requests over "
              + "%.0f ms or failed, allowed %.0f %% (n = %d)", firstBreach.name(), atRps,
              firstBreach.share() * 100, firstBreach.thresholdMillis(),
              firstBreach.allowedShare() * 100, firstBreach.n()));
    }
    return sloMissed(candidate, firstBreach.name(), firstBreach.observedMillis(),
        firstBreach.thresholdMillis(), firstBreach.n(), atRps);
  }

  /** Errors above the allowed share at the lowest rate tried. */
  public static Rejection errorRate(
      String candidate, double share, double allowedShare, long n, double atRps) {
    return new Rejection(candidate, RejectionReason.ERROR_RATE,
        String.format(Locale.ROOT, "%.1f %% of requests failed at %.2f requests/s, allowed %.1f %%"
            + " (n = %d)", share * 100, atRps, allowedShare * 100, n));
  }

  /** Requests throttled by the endpoint or its account limits. */
  public static Rejection throttled(String candidate, long throttled, long n, double atRps) {
    return new Rejection(candidate, RejectionReason.THROTTLED,
        String.format(Locale.ROOT, "%d of %d requests throttled at %.2f requests/s",
            throttled, n, atRps));
  }

  /** Declared incompatible by the user; {@code userText} as written in the plan. */
  public static Rejection incompatible(String candidate, String userText) {
    return new Rejection(candidate, RejectionReason.DECLARED_INCOMPATIBLE,
        "declared incompatible: " + userText);
  }

  /** The generator could not go beyond {@code atRps}; the endpoint's capacity is unknown. */
  public static Rejection generatorLimited(String candidate, double atRps) {
    return new Rejection(candidate, RejectionReason.GENERATOR_LIMITED,
        String.format(Locale.ROOT, "the load generator was the limit at %.2f requests/s; "
            + "the endpoint's capacity is not known", atRps));
  }

  /** No request of {@code n} succeeded; {@code lastError} is the last error seen, if any. */
  public static Rejection noSuccess(String candidate, long n, String lastError) {
    return new Rejection(candidate, RejectionReason.NO_SUCCESSFUL_REQUEST,
        "no successful request of " + n
            + (lastError == null || lastError.isBlank() ? "" : "; last error: " + lastError));
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
