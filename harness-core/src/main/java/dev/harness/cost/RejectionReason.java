package dev.harness.cost;

/** Why a candidate deployment was left out of the ranking. */
public enum RejectionReason {
  /** The model does not fit: the health check or model load failed. */
  DOES_NOT_FIT("does-not-fit"),
  /** The SLO was missed even at the lowest rate tried. */
  SLO_MISSED_AT_LOWEST_RATE("slo-missed-at-lowest-rate"),
  /** Too many errors even at the lowest rate tried. */
  ERROR_RATE("error-rate"),
  /** The endpoint throttled (HTTP 429, ThrottlingException) the requests. */
  THROTTLED("throttled"),
  /** The user declared it incompatible (e.g. needs a Neuron-compiled model). */
  DECLARED_INCOMPATIBLE("declared-incompatible"),
  /** The load generator, not the endpoint, was the limit; the capacity is unknown. */
  GENERATOR_LIMITED("generator-limited"),
  /** No request succeeded at all. */
  NO_SUCCESSFUL_REQUEST("no-successful-request");

  private final String key;

  RejectionReason(String key) {
    this.key = key;
  }

  /** The name in results and tables, e.g. {@code does-not-fit}. */
  public String key() {
    return key;
  }
}
