package dev.harness.cli;

import dev.harness.sim.SimProfile;
import dev.harness.sim.SimProfileException;
import dev.harness.sim.SimProfiles;
import dev.harness.sim.SimServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code harness sim --profile NAME}: a simulated GPU endpoint to point any tool at. */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a simulated inference endpoint: an LLM with continuous batching behind",
      "OpenAI-compatible /v1/chat/completions and /v1/completions (SSE streaming, usage), or a",
      "classic c-server model behind /v1/score; /health and Prometheus /metrics. Answers are",
      "computed in virtual time from the profile (profiles/sim/). Runs until Ctrl-C."
    },
    footer = ExitCodes.HELP)
final class SimCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--profile",
      required = true,
      paramLabel = "NAME|PATH",
      description = "Simulator profile: a name in profiles/sim/ (e.g. sim-g5.2xlarge) or a file.")
  String profile;

  @Option(names = "--port", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
  int port = 8000;

  @Option(names = "--host", description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(names = "--seed", description = "Seed of service times (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(
      names = "--truth",
      paramLabel = "FILE",
      description = "Write each request's ground truth (JSONL) to FILE.")
  Path truth;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SimProfile p;
    try {
      p = SimProfiles.resolve(profile, InstallDirs.bases());
    } catch (SimProfileException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return ExitCodes.INVALID_INPUT;
    }
    SimServer server =
        SimServer.start(
            p,
            SimServer.Options.loopback()
                .withHost(host)
                .withPort(port)
                .withSeed(seed)
                .withTruthFile(truth)
                .withKeepTruths(false));
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              server.close();
              stopped.countDown();
            },
            "harness-sim-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    if (p.loadFailure() != null) {
      err.println("warning: " + p.loadFailure() + " (/health answers 503)");
    }
    out.println("harness sim: " + p.name() + " listening on " + server.url() + " ("
        + (p.isLlm()
            ? "OpenAI-compatible: /v1/chat/completions, /v1/completions"
            : "classic: POST /v1/score, /invocations")
        + "; /health, /metrics)");
    out.flush();
    stopped.await();
    return ExitCodes.OK;
  }
}
