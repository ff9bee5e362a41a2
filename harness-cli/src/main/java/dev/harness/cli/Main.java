package dev.harness.cli;

import dev.harness.config.PlanException;
import dev.harness.payload.PayloadException;
import dev.harness.protocol.EndpointNotReadyException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code harness <command>}. The only class that exits the JVM. */
@Command(
    name = "harness",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Load-testing harness for GPU inference endpoints.",
    footer = ExitCodes.HELP,
    subcommands = {RunCommand.class, CapacityCommand.class, RecommendCommand.class,
        ReportCommand.class, CompareCommand.class, PayloadsCommand.class, SimCommand.class,
        DemoCommand.class, MetricsCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** The configured command line (for tests: call {@code execute} and read the streams). */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(Main::handle);
    cl.setParameterExceptionHandler(Main::usageError);
    // Parse errors (unknown command or option, a value of the wrong type) are invalid input.
    cl.setExitCodeExceptionMapper(
        e ->
            e instanceof CommandLine.ParameterException
                ? ExitCodes.INVALID_INPUT
                : ExitCodes.INTERNAL);
    return cl;
  }

  /** A bad command line: one error line, suggestions if any, and where to find the usage. */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println("error: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return ExitCodes.INVALID_INPUT;
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (e instanceof PlanException || e instanceof PayloadException) {
      err.println("error: " + e.getMessage());
      err.flush();
      return ExitCodes.INVALID_INPUT;
    }
    if (e instanceof EndpointNotReadyException) { // checked before the run: nothing was sent
      err.println("error: " + e.getMessage());
      err.flush();
      return ExitCodes.NO_SUCCESS;
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      err.println("error: no such file: " + e.getMessage());
      err.flush();
      return ExitCodes.INVALID_INPUT;
    }
    err.println("internal error: " + e);
    e.printStackTrace(err);
    err.flush();
    return ExitCodes.INTERNAL;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
