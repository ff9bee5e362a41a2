package dev.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harness.sim.SimProfile;
import dev.harness.sim.SimServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets given the way users give them, through the process environment, reach the endpoint (or
 * sign its requests) but no output file and no console line of {@code harness run}. The CLI reads
 * the real environment, so each run is a separate JVM with the variables set.
 */
class EnvironmentSecretsTest {
  private static final String ACCESS_KEY = "AKIDENVSECRETTEST01";
  private static final String SECRET_KEY = "sEcReT/aws+key/from-the-environment-7731";
  private static final String SESSION_TOKEN = "SeSsIoN-token-from-the-environment-5502";
  private static final String BEARER = "bearer-from-the-environment-9f3e1c";

  @TempDir Path dir;

  /** A harness run in its own JVM, with {@code env} added to this process's environment. */
  private record Process(int exitCode, String console) {}

  private Process harness(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-Daws.disableEc2Metadata=true", "-cp", classPath(), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
    pb.environment().putAll(env);
    Path console = dir.resolve("console-" + System.nanoTime() + ".txt");
    pb.redirectOutput(console.toFile());
    java.lang.Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("harness finished").isTrue();
    return new Process(p.exitValue(), Files.readString(console));
  }

  /** Surefire's test class path (its booter jar hides it from java.class.path). */
  private static String classPath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
  }

  private Path plan(String name, String target) throws IOException {
    Files.writeString(dir.resolve("chat.jsonl"),
        "{\"messages\":[{\"role\":\"user\",\"content\":\"Where is my parcel?\"}],\"max_tokens\":4}\n");
    return Files.writeString(dir.resolve(name + ".yaml"),
        "name: " + name + "\n"
            + "target:\n" + target
            + "payloads: {file: chat.jsonl}\n"
            + "phases:\n  - {type: constant, rate: 10, duration: 1s, arrival: uniform}\n"
            + "limits: {request-timeout: 5s, drain-timeout: 2s}\n");
  }

  private static Path runDirectory(Path out) throws IOException {
    try (Stream<Path> runs = Files.list(out)) {
      List<Path> all = runs.collect(Collectors.toList());
      assertThat(all).hasSize(1);
      return all.get(0);
    }
  }

  private static void assertNowhere(Path runDir, String console, String... secrets)
      throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(runDir)) { // every file, the reports and charts included
      files = s.filter(Files::isRegularFile).collect(Collectors.toList());
    }
    assertThat(files).extracting(f -> f.getFileName().toString())
        .contains("results.json", "latency.hlog", "requests.bin", "report.html", "summary.md");
    for (Path f : files) {
      String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
      for (String secret : secrets) {
        assertThat(bytes.contains(secret)).as("%s in %s", secret, f.getFileName()).isFalse();
      }
    }
    for (String secret : secrets) {
      assertThat(console).as("console").doesNotContain(secret);
    }
  }

  @Test
  void awsKeysFromTheEnvironmentSignSageMakerRequestsButAreWrittenNowhere() throws Exception {
    SimProfile llm = new SimProfile("secrets-llm", "test",
        new SimProfile.Instance("g5.2xlarge", "NVIDIA A10G", 1, 24, 8, 32), 1.0, 1, null,
        new SimProfile.Llm("llama-3b", 6, 0.9, 524_288, 4, Duration.ofMillis(2),
            Duration.ofNanos(100_000), Duration.ofNanos(10_000), 256, 16, 0),
        null);
    try (SimServer sim = SimServer.start(llm, SimServer.Options.loopback())) {
      Path plan = plan("sm-secrets", "  protocol: sagemaker-stream\n"
          + "  sagemaker: {endpoint: " + sim.sageMakerEndpointName() + ", region: us-east-1, "
          + "endpoint-url: \"" + sim.url() + "\"}\n");
      Path out = dir.resolve("out-sm");

      Process r = harness(
          Map.of("AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY,
              "AWS_SESSION_TOKEN", SESSION_TOKEN),
          "run", plan.toString(), "--out", out.toString());

      assertThat(r.exitCode()).as(r.console()).isZero();
      assertThat(sim.truths()).hasSize(10).allMatch(t -> t.status() == 200);
      assertNowhere(runDirectory(out), r.console(), SECRET_KEY, SESSION_TOKEN, ACCESS_KEY);
    }
  }

  @Test
  void aBearerTokenFromTheEnvironmentReachesTheEndpointButIsWrittenNowhere() throws Exception {
    try (LoopbackEndpoint endpoint = new LoopbackEndpoint()) {
      Path plan = plan("bearer-secrets", "  protocol: http\n"
          + "  url: " + endpoint.url("/score") + "\n"
          + "  auth: {bearer-token-env: HARNESS_SECRETS_TEST_TOKEN}\n");
      Path out = dir.resolve("out-bearer");

      Process r = harness(Map.of("HARNESS_SECRETS_TEST_TOKEN", BEARER),
          "run", plan.toString(), "--out", out.toString());

      assertThat(r.exitCode()).as(r.console()).isZero();
      assertThat(endpoint.authorizations()).hasSize(10).containsOnly("Bearer " + BEARER);
      assertNowhere(runDirectory(out), r.console(), BEARER);
    }
  }
}
