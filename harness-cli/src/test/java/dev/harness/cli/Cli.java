package dev.harness.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * One {@code harness} invocation in-process, as a test sees it: the exit code and everything
 * written to stdout and stderr.
 */
record Cli(int exitCode, String out, String err) {

  /** Runs {@link Main#commandLine()} with {@code args}, capturing both streams. */
  static Cli execute(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Cli(code, out.toString(), err.toString());
  }

  /** Non-empty lines of stderr. */
  List<String> errLines() {
    return err.lines().filter(l -> !l.isBlank()).toList();
  }
}
