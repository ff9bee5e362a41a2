package dev.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void helpListsTheCommandsAndTheExitCodes() {
    Cli r = Cli.execute("--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("Usage: harness")
        .contains("run")
        .contains("payloads")
        .contains("Exit codes")
        .contains("130");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void versionNamesTheHarnessAndJavaVersions() {
    Cli r = Cli.execute("--version");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out().lines().findFirst()).hasValueSatisfying(
        line -> assertThat(line).matches("harness \\d+\\.\\d+\\.\\d+\\S*"));
    assertThat(r.out()).contains("Java " + Runtime.version().feature());
  }

  @Test
  void noCommandPrintsUsageOnStderr() {
    Cli r = Cli.execute();

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).contains("Usage: harness").contains("run");
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    Cli r = Cli.execute("frobnicate");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.errLines().get(0)).startsWith("error: ").contains("frobnicate");
    assertThat(r.err()).contains("harness --help");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void subcommandHelpMentionsItsOptions() {
    Cli r = Cli.execute("run", "--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("PLAN").contains("--rate").contains("--duration").contains("--out");
  }
}
