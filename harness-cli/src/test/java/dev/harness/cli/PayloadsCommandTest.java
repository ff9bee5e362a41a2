package dev.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayloadsCommandTest {

  @TempDir Path dir;

  private Path jsonl(String... lines) throws IOException {
    return Files.writeString(dir.resolve("set.jsonl"), String.join("\n", lines) + "\n");
  }

  @Test
  void inspectPrintsTheCountAndPercentilesOfASmallSet() throws IOException {
    Path file =
        jsonl(
            "{\"id\": \"a\", \"prompt_tokens\": 10, \"max_tokens\": 100, \"prompt\": \"x\"}",
            "{\"id\": \"b\", \"prompt_tokens\": 20, \"max_tokens\": 200, \"prompt\": \"y\"}",
            "{\"id\": \"c\", \"prompt_tokens\": 30, \"max_tokens\": 300, \"prompt\": \"z\"}");

    Cli r = Cli.execute("payloads", "inspect", file.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("3 payloads");
    assertThat(r.out()).contains("p50").contains("p90").contains("p99").contains("max");
    assertThat(row(r.out(), "prompt tokens")).containsSubsequence("3", "10", "20", "30");
    assertThat(row(r.out(), "max tokens")).containsSubsequence("3", "100", "200", "300");
    assertThat(r.out()).doesNotContain("(est.)");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void inspectFlagsEstimatedPromptLengths() throws IOException {
    Path file = jsonl("{\"prompt\": \"four score and seven years ago\"}");

    Cli r = Cli.execute("payloads", "inspect", file.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("1 payloads").contains("prompt tokens (est.)");
  }

  @Test
  void inspectReadsTheShippedChatSupportSet() {
    Cli r = Cli.execute("payloads", "inspect", "../payloads/chat-support.jsonl");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("360 payloads");
    assertThat(row(r.out(), "body bytes")).contains("360");
    assertThat(row(r.out(), "max tokens")).contains("360");
  }

  @Test
  void aBrokenLineIsAnInputErrorNamingTheLine() throws IOException {
    Path file = jsonl("{\"prompt\": \"fine\"}", "{\"prompt\": ", "{\"prompt\": \"fine\"}");

    Cli r = Cli.execute("payloads", "inspect", file.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.errLines()).singleElement().asString().startsWith("error: " + file + ":2: ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void skipBadLinesCountsTheBrokenLineInstead() throws IOException {
    Path file = jsonl("{\"prompt\": \"fine\"}", "not json", "{\"prompt\": \"fine too\"}");

    Cli r = Cli.execute("payloads", "inspect", "--skip-bad-lines", file.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("2 payloads, 1 malformed line(s) skipped");
  }

  @Test
  void aMissingFileIsAnInputError() {
    Path missing = dir.resolve("nope.jsonl");

    Cli r = Cli.execute("payloads", "inspect", missing.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.errLines()).singleElement().asString().startsWith("error: ").contains("nope.jsonl");
  }

  /** The line of the statistics table that starts with {@code name}. */
  private static String row(String out, String name) {
    return out.lines()
        .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "  "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row '" + name + "' in:\n" + out));
  }
}
