package dev.harness.sim;

import java.util.SplittableRandom;

/** The {@link ServiceTime} implementations; validated on construction. */
final class ServiceTimes {
  private ServiceTimes() {}

  private static long positive(String what, long nanos) {
    if (nanos <= 0) {
      throw new IllegalArgumentException(what + " must be > 0 ns, got " + nanos);
    }
    return nanos;
  }

  record Deterministic(long nanos) implements ServiceTime {
    Deterministic {
      positive("deterministic service time", nanos);
    }

    @Override
    public long sampleNanos(SplittableRandom random) {
      return nanos;
    }

    @Override
    public double meanNanos() {
      return nanos;
    }
  }

  record Exponential(long mean) implements ServiceTime {
    Exponential {
      positive("exponential mean service time", mean);
    }

    @Override
    public long sampleNanos(SplittableRandom random) {
      double u = random.nextDouble(); // [0, 1): 1 − u is in (0, 1], so the log is finite
      return Math.max(1L, Math.round(-mean * Math.log(1.0 - u)));
    }

    @Override
    public double meanNanos() {
      return mean;
    }
  }

  record LogNormal(long mean, double sigma) implements ServiceTime {
    LogNormal {
      positive("log-normal mean service time", mean);
      if (!(sigma > 0) || Double.isInfinite(sigma)) {
        throw new IllegalArgumentException("log-normal sigma must be > 0, got " + sigma);
      }
    }

    @Override
    public long sampleNanos(SplittableRandom random) {
      double m = Math.log(mean) - sigma * sigma / 2;
      return Math.max(1L, Math.round(Math.exp(m + sigma * gaussian(random))));
    }

    @Override
    public double meanNanos() {
      return mean;
    }

    /** Box–Muller (Box and Muller, Ann. Math. Statist. 29(2), 1958): one standard normal. */
    private static double gaussian(SplittableRandom random) {
      double u1 = 1.0 - random.nextDouble(); // (0, 1]
      double u2 = random.nextDouble();
      return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
  }
}
