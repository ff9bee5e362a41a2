package dev.harness.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Helpers for plan tests: sample plans on the classpath and plans written into a temp dir. */
final class TestPlans {
  private TestPlans() {}

  static final String PAYLOAD_FILE = "payloads.jsonl";

  /** A target, payloads and one phase; tests append or replace sections. */
  static final String TARGET =
      "target:\n  protocol: openai-chat\n  url: http://127.0.0.1:8000\n";

  static final String PAYLOADS = "payloads:\n  file: " + PAYLOAD_FILE + "\n";

  static final String ONE_PHASE = "phases:\n  - {type: constant, rate: 10, duration: 1m}\n";

  /** A sample plan under src/test/resources/plans. */
  static Path resource(String name) {
    try {
      return Path.of(TestPlans.class.getResource("/plans/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Creates {@value #PAYLOAD_FILE} in {@code dir} and returns the plan path to pretend. */
  static Path planIn(Path dir) {
    try {
      Files.writeString(dir.resolve(PAYLOAD_FILE), "{\"prompt\": \"hi\"}\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir.resolve("plan.yaml");
  }

  static LoadedPlan parse(Path dir, String yaml) throws PlanException {
    return new PlanLoader(Map.of()).parse(yaml, planIn(dir), PlanOverrides.none());
  }

  static LoadedPlan parse(Path dir, String yaml, PlanOverrides overrides) throws PlanException {
    return new PlanLoader(Map.of()).parse(yaml, planIn(dir), overrides);
  }
}
