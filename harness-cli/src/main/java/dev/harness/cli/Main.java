package dev.harness.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code harness <command>}. */
@Command(
    name = "harness",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Load-testing harness for GPU inference endpoints.")
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
