package dev.harness.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs a simulator as its own process for the accuracy tests. Two forms:
 *
 * <pre>
 * SimMain SERVERS DISTRIBUTION MEAN_MICROS SEED TRUTH_FILE|-    a classic queue built in code
 * SimMain --profile NAME_OR_FILE SPEEDUP SEED                   a profile from profiles/sim/
 * </pre>
 *
 * Prints the port on the first line of stdout and serves until stdin closes, then writes out the
 * ground-truth file (if any) and exits.
 */
public final class SimMain {
  private SimMain() {}

  public static void main(String[] args) throws Exception {
    SimProfile profile;
    SimServer.Options options = SimServer.Options.loopback().withKeepTruths(false);
    if ("--profile".equals(args[0])) {
      profile = SimProfiles.resolve(args[1], List.of(Path.of("..").toAbsolutePath()))
          .faster(Double.parseDouble(args[2]));
      options = options.withSeed(Long.parseLong(args[3]));
    } else {
      profile = TestProfiles.classic(Integer.parseInt(args[0]), args[1],
          Duration.ofNanos(Long.parseLong(args[2]) * 1000));
      options = options.withSeed(Long.parseLong(args[3]));
      if (!"-".equals(args[4])) {
        options = options.withTruthFile(Path.of(args[4]));
      }
    }
    try (SimServer server = SimServer.start(profile, options)) {
      System.out.println(server.port());
      System.out.flush();
      while (System.in.read() >= 0) {
        // serve until stdin closes
      }
    }
  }
}
