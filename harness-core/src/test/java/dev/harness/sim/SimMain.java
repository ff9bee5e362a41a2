package dev.harness.sim;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs a classic simulator as its own process for the accuracy tests: {@code SimMain SERVERS
 * DISTRIBUTION MEAN_MICROS SEED TRUTH_FILE}. Prints the port on the first line of stdout and
 * serves until stdin closes, then writes out the ground-truth file and exits.
 */
public final class SimMain {
  private SimMain() {}

  public static void main(String[] args) throws Exception {
    SimProfile profile =
        TestProfiles.classic(
            Integer.parseInt(args[0]), args[1], Duration.ofNanos(Long.parseLong(args[2]) * 1000));
    SimServer.Options options =
        SimServer.Options.loopback()
            .withSeed(Long.parseLong(args[3]))
            .withTruthFile(Path.of(args[4]))
            .withKeepTruths(false);
    try (SimServer server = SimServer.start(profile, options)) {
      System.out.println(server.port());
      System.out.flush();
      while (System.in.read() >= 0) {
        // serve until stdin closes
      }
    }
  }
}
