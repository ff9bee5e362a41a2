package dev.harness.sim;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The simulator in a JVM of its own ({@link SimMain}), so that accuracy tests measure it over real
 * sockets without sharing a heap, a JIT or a garbage collector with the harness. Closing stdin
 * stops it.
 */
public final class SimProcess implements AutoCloseable {
  private final Process process;
  private final int port;

  private SimProcess(List<String> args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-Xms256m", "-Xmx256m", "-XX:+UseParallelGC",
        "-cp", System.getProperty("java.class.path"), SimMain.class.getName()));
    command.addAll(args);
    process = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null) {
      throw new IllegalStateException("simulator process ended before printing its port");
    }
    port = Integer.parseInt(line.trim());
  }

  /**
   * A classic queue: {@code servers} servers with the given service-time distribution.
   *
   * @param truth the ground-truth JSONL file, or null for none
   */
  public static SimProcess classic(int servers, String distribution, long meanMicros, long seed,
      Path truth) throws Exception {
    return new SimProcess(List.of(String.valueOf(servers), distribution,
        String.valueOf(meanMicros), String.valueOf(seed), truth == null ? "-" : truth.toString()));
  }

  /** A profile of {@code profiles/sim/}, run {@code speedup} times faster than written. */
  public static SimProcess profile(String name, double speedup, long seed) throws Exception {
    return new SimProcess(List.of("--profile", name, String.valueOf(speedup),
        String.valueOf(seed)));
  }

  public int port() {
    return port;
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      process.getOutputStream().close();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
