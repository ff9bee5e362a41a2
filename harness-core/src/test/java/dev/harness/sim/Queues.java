package dev.harness.sim;

/**
 * Exact answers of the queues the simulator's classic model implements, for accuracy tests.
 *
 * <p>M/M/c FCFS with arrival rate λ and service rate μ per server (offered load a = λ/μ < c): an
 * arrival waits with probability C(c, a) (Erlang C), and a waiting time, given that it waits, is
 * exponential with rate θ = cμ − λ. The response time is service S ~ Exp(μ) plus that wait, so
 *
 * <pre>
 *   P(T > t) = (1 − C) e^(−μt) + C (θ e^(−μt) − μ e^(−θt)) / (θ − μ)      (θ ≠ μ)
 *   P(T > t) = (1 − C) e^(−μt) + C (1 + μt) e^(−μt)                        (θ = μ)
 * </pre>
 *
 * (Kleinrock, Queueing Systems Vol. 1, 1975, §3.5; Gross and Harris, Fundamentals of Queueing
 * Theory, §2.3). For c = 1, C = ρ and θ = μ − λ, and the tail reduces to e^(−(μ−λ)t).
 */
public final class Queues {
  private Queues() {}

  /** Erlang C: the probability an arrival waits in M/M/c with offered load a = λ/μ. */
  public static double erlangC(int c, double a) {
    if (!(a < c)) {
      return 1;
    }
    double sum = 0;
    double term = 1;
    for (int k = 0; k < c; k++) {
      sum += term;
      term *= a / (k + 1);
    }
    double last = term * c / (c - a); // a^c / c! × c / (c − a)
    return last / (sum + last);
  }

  /** P(response time > t) in M/M/c; 1 when the queue is unstable. */
  public static double responseTail(int c, double mu, double lambda, double t) {
    if (!(lambda < c * mu)) {
      return 1;
    }
    double wait = erlangC(c, lambda / mu);
    double theta = c * mu - lambda;
    double service = Math.exp(-mu * t);
    double waited = Math.abs(theta - mu) < 1e-9 * mu
        ? (1 + mu * t) * service
        : (theta * service - mu * Math.exp(-theta * t)) / (theta - mu);
    return (1 - wait) * service + wait * waited;
  }

  /**
   * The highest arrival rate at which P(response time > t) ≤ share: the exact sustainable rate
   * for the objective "p(1 − share) ≤ t". The tail grows with λ, so bisection finds it.
   */
  public static double sustainableRate(int c, double mu, double t, double share) {
    double lo = 0;
    double hi = c * mu;
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      if (responseTail(c, mu, mid, t) <= share) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The threshold t at which P(response time > t) = share at arrival rate λ. */
  public static double responseQuantile(int c, double mu, double lambda, double share) {
    double lo = 0;
    double hi = 1;
    while (responseTail(c, mu, lambda, hi) > share) {
      hi *= 2;
    }
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      if (responseTail(c, mu, lambda, mid) > share) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }
}
