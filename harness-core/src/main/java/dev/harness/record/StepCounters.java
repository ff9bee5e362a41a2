package dev.harness.record;

import dev.harness.record.TokenCountSource;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counters of one step: outcomes, tokens and where token counts came from. */
public final class StepCounters {
  private final LongAdder[] outcomes = newAdders(Outcome.values().length);
  private final LongAdder[] tokenSources = newAdders(TokenCountSource.values().length);
  private final LongAdder outputTokens = new LongAdder();
  private final LongAdder promptTokens = new LongAdder();
  private final LongAdder promptTokensKnown = new LongAdder();
  private final LongAdder staleResends = new LongAdder();

  private static LongAdder[] newAdders(int n) {
    LongAdder[] a = new LongAdder[n];
    for (int i = 0; i < n; i++) {
      a[i] = new LongAdder();
    }
    return a;
  }

  public void increment(Outcome outcome) {
    outcomes[outcome.ordinal()].increment();
  }

  public void tokens(int output, int prompt, TokenCountSource source) {
    if (output > 0) {
      outputTokens.add(output);
    }
    if (prompt >= 0) {
      promptTokens.add(prompt);
      promptTokensKnown.increment();
    }
    tokenSources[source.ordinal()].increment();
  }

  public void staleResend() {
    staleResends.increment();
  }

  public long count(Outcome outcome) {
    return outcomes[outcome.ordinal()].sum();
  }

  /** Requests with any outcome (scheduled ones, dropped included). */
  public long total() {
    long t = 0;
    for (LongAdder a : outcomes) {
      t += a.sum();
    }
    return t;
  }

  public long errors() {
    return total() - count(Outcome.SUCCESS);
  }

  public long outputTokens() {
    return outputTokens.sum();
  }

  public long promptTokens() {
    return promptTokens.sum();
  }

  public long staleResends() {
    return staleResends.sum();
  }

  public long tokenSourceCount(TokenCountSource s) {
    return tokenSources[s.ordinal()].sum();
  }

  /** Non-zero outcome counts, by outcome. */
  public Map<Outcome, Long> outcomeCounts() {
    Map<Outcome, Long> m = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      long c = count(o);
      if (c > 0) {
        m.put(o, c);
      }
    }
    return m;
  }
}
