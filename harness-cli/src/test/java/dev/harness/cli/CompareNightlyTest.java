package dev.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The nightly CI recipe end to end (issue 7's acceptance): {@code harness capacity} against a
 * simulated classic endpoint five times with different seeds (a short search, then four runs
 * replaying its ladder with {@code --ladder-from}), and {@code harness compare} of each run
 * against the other four passes; then one run against the same endpoint slowed by 10 % (mean
 * service time × 1.1) and {@code compare} with the five fails, with a junit.xml naming the failed
 * check and its numbers.
 *
 * <p>The endpoint, in its own JVM ({@code harness sim}), is a queue of 50 servers with log-normal
 * service times (mean 100 ms, σ 0.1 of the log: a batch-free model on an accelerator, whose
 * service time varies little), 500 req/s at full load. The SLO (p99 ≤ 200 ms) holds at every
 * rate, so the search grows from 150 req/s by doubling to its max-rate, 400 req/s, and the ladder
 * is 150, 300 and 400 req/s: 30, 60 and 80 % load. There p99 is about 125 ms, and a 5 s window's
 * p99 varies by a few per cent from run to run (about 500–2,000 requests; at 80 % load some
 * queueing adds to it), so the tolerances from the spread stay near the 5 % floor; the slowed
 * endpoint's p99 is 10 % higher at the low rates and more at 80 % load (88 % after the
 * slowdown).
 *
 * <p>Why not a queue near saturation, where a slowdown moves p99 most: there a 5 s window's p99
 * is heavy-tailed (an M/M/2 queue at 90 % load gave 56 to 95 ms over five runs), so the spread,
 * and the tolerance twice as wide, swallows the slowdown, or one run in five trips the gate.
 */
@Tag("load")
class CompareNightlyTest {
  private static final Pattern URL = Pattern.compile("listening on (http://[0-9.:]+)");

  @TempDir Path dir;

  @Test
  void fiveRunsOfOneEndpointCompareCleanAndASlowerEndpointFailsWithTheNumbers()
      throws Exception {
    Path payloads = dir.resolve("scores.jsonl");
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      lines.append("{\"features\":[").append(i).append(",").append(i * 7 % 13).append("]}\n");
    }
    Files.writeString(payloads, lines);
    List<Path> runs = new ArrayList<>();
    try (Sim sim = Sim.start(profile("scorer", "100ms"))) {
      Path plan = plan(sim.url);
      Cli first = capacity(plan, 1, dir.resolve("run1"));
      assumeGeneratorKeptUp(first);
      assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.OK);
      runs.add(runDir(dir.resolve("run1")));
      for (int seed = 2; seed <= 5; seed++) {
        Cli r = capacity(plan, seed, dir.resolve("run" + seed), "--ladder-from",
            runs.get(0).toString());
        assumeGeneratorKeptUp(r);
        assertThat(r.exitCode()).as(r.err()).isIn(ExitCodes.OK, ExitCodes.NO_SUSTAINABLE_RATE);
        runs.add(runDir(dir.resolve("run" + seed)));
      }
    }
    List<String> unexpected = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      List<String> args = new ArrayList<>(List.of("compare"));
      for (int j = 0; j < runs.size(); j++) {
        if (j != i) {
          args.add(runs.get(j).toString());
        }
      }
      args.add(runs.get(i).toString());
      Cli c = Cli.execute(args.toArray(String[]::new));
      System.out.println("compare run " + (i + 1) + " against the other four: exit "
          + c.exitCode() + "\n" + c.out());
      if (c.exitCode() != ExitCodes.OK) {
        unexpected.add("run " + (i + 1) + " against the others: exit " + c.exitCode() + "\n"
            + c.out() + c.err());
      }
    }

    Path slowed;
    try (Sim sim = Sim.start(profile("scorer-slowed", "110ms"))) {
      Cli r = capacity(plan(sim.url), 6, dir.resolve("slowed"), "--ladder-from",
          runs.get(0).toString());
      assumeGeneratorKeptUp(r);
      slowed = runDir(dir.resolve("slowed"));
    }
    Path junit = dir.resolve("junit.xml");
    List<String> args = new ArrayList<>(List.of("compare"));
    runs.forEach(p -> args.add(p.toString()));
    args.addAll(List.of(slowed.toString(), "--junit", junit.toString()));
    Cli c = Cli.execute(args.toArray(String[]::new));
    System.out.println("compare the slowed endpoint against the five:\n" + c.out());

    assertThat(unexpected).as("every run compares clean against the other four").isEmpty();
    assertThat(c.exitCode()).as(c.out() + c.err()).isEqualTo(ExitCodes.REGRESSION);
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(junit.toFile());
    assertThat(doc.getDocumentElement().getAttribute("name")).isEqualTo("harness compare");
    NodeList failures = doc.getElementsByTagName("failure");
    assertThat(failures.getLength()).isPositive();
    for (int i = 0; i < failures.getLength(); i++) {
      Element f = (Element) failures.item(i);
      String check = ((Element) f.getParentNode()).getAttribute("name");
      assertThat(f.getAttribute("message")).startsWith(check)
          .matches(".* (rose|fell) [0-9.]+ (%|pp) > allowed [0-9.]+ (%|pp) "
              + "\\(baseline [^,]+, current [^)]+\\)|.*: no value in the current run .*");
      assertThat(c.err()).contains(f.getAttribute("message"));
    }
  }

  private Cli capacity(Path plan, long seed, Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("capacity", plan.toString(), "--seed",
        String.valueOf(seed), "--out", out.toString(), "--quiet", "--event-loops", "1"));
    args.addAll(List.of(more));
    long start = System.nanoTime();
    Cli r = Cli.execute(args.toArray(String[]::new));
    System.out.printf("capacity seed %d: exit %d in %.0f s%n%s%n", seed, r.exitCode(),
        (System.nanoTime() - start) / 1e9, r.out());
    return r;
  }

  /** A busy machine can hold the load generator back; then the run says nothing: skip. */
  private static void assumeGeneratorKeptUp(Cli r) {
    assumeThat(r.exitCode()).as("the load generator fell behind (a busy machine): %s", r.err())
        .isNotEqualTo(ExitCodes.GENERATOR_LIMITED);
  }

  private Path plan(String url) throws Exception {
    return Files.writeString(dir.resolve("plan.yaml"), String.join("\n",
        "name: nightly-scoring",
        "target: {protocol: http, url: '" + url + "/v1/score'}",
        "payloads: {file: scores.jsonl}",
        "slo:",
        "  objectives: [{metric: e2e, percentile: p99, threshold: 200ms}]",
        "limits: {request-timeout: 1s}",
        "capacity:",
        "  start-rate: 150",
        "  min-rate: 50",
        "  max-rate: 400",
        "  precision: 0.45",
        "  trial-duration: 3s",
        "  final-duration: 5s",
        "  max-step-duration: 5s",
        "  warmup: 1s",
        "  max-duration: 2m",
        ""));
  }

  private Path profile(String name, String mean) throws Exception {
    return Files.writeString(dir.resolve(name + ".yaml"), String.join("\n",
        "name: " + name,
        "kind: classic",
        "description: 50 servers, log-normal service of mean " + mean,
        "instance: {type: g5.xlarge, vcpus: 4, memory-gib: 16}",
        "model:",
        "  name: scorer",
        "  servers: 50",
        "  service-time: lognormal",
        "  mean: " + mean,
        "  sigma: 0.1",
        ""));
  }

  private static Path runDir(Path out) throws Exception {
    try (Stream<Path> s = Files.list(out)) {
      List<Path> all = s.filter(Files::isDirectory).collect(Collectors.toList());
      assertThat(all).hasSize(1);
      return all.get(0);
    }
  }

  /** {@code harness sim} in a JVM of its own, so it shares no CPU time slices with the harness. */
  private static final class Sim implements AutoCloseable {
    final Process process;
    final String url;

    private Sim(Process process, String url) {
      this.process = process;
      this.url = url;
    }

    static Sim start(Path profile) throws Exception {
      String cp = System.getProperty("surefire.test.class.path");
      List<String> command = List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:TieredStopAtLevel=1", "-Xms256m", "-Xmx256m", "-XX:+UseParallelGC",
          "-cp", cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path"),
          Main.class.getName(), "sim", "--profile", profile.toString(), "--port", "0");
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      BufferedReader out = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      Matcher m = line == null ? null : URL.matcher(line);
      if (m == null || !m.find()) {
        p.destroyForcibly();
        throw new IllegalStateException("harness sim did not start: " + line);
      }
      return new Sim(p, m.group(1));
    }

    @Override
    public void close() throws Exception {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
