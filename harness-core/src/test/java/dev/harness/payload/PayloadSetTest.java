package dev.harness.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PayloadSetTest {

  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aBareLineIsTheBodyWithReservedKeysTakenOut() throws Exception {
    Path file =
        PayloadFiles.write(
            dir,
            "bare.jsonl",
            "{\"id\":\"q1\",\"weight\":2.5,\"prompt_tokens\":812,\"max_tokens\":300,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

    try (PayloadSet set = PayloadSet.open(file, false)) {
      Payload p = set.get(0);

      assertThat(p.id()).isEqualTo("q1");
      assertThat(p.weight()).isEqualTo(2.5);
      assertThat(set.weight(0)).isEqualTo(2.5);
      assertThat(p.promptTokens()).isEqualTo(812);
      assertThat(p.maxTokens()).isEqualTo(300);
      assertThat(p.lineNumber()).isEqualTo(1);
      assertThat(p.body())
          .isEqualTo(
              json.readTree(
                  "{\"max_tokens\":300,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
    }
  }

  @Test
  void maxCompletionTokensIsTheKnownOutputLengthWhenMaxTokensIsAbsent() throws Exception {
    Path file =
        PayloadFiles.write(dir, "mct.jsonl", "{\"max_completion_tokens\":90,\"prompt\":\"x\"}");

    try (PayloadSet set = PayloadSet.open(file, false)) {
      assertThat(set.get(0).maxTokens()).isEqualTo(90);
      assertThat(set.get(0).body().has("max_completion_tokens")).isTrue();
    }
  }

  @Test
  void aWrapperLineCarriesTheBodyAsAnObjectOrAVerbatimString() throws Exception {
    Path file =
        PayloadFiles.write(
            dir,
            "wrapped.jsonl",
            "{\"id\":7,\"weight\":3,\"prompt_tokens\":5,\"max_tokens\":40,"
                + "\"body\":{\"prompt\":\"a\"}}",
            "{\"body\":\"amount=12.5&country=NZ\"}",
            "{\"body\":{\"prompt\":\"b\",\"max_tokens\":64}}");

    try (PayloadSet set = PayloadSet.open(file, false)) {
      assertThat(set.size()).isEqualTo(3);
      Payload first = set.get(0);
      assertThat(first.id()).isEqualTo("7");
      assertThat(first.weight()).isEqualTo(3.0);
      assertThat(first.promptTokens()).isEqualTo(5);
      assertThat(first.maxTokens()).isEqualTo(40);
      assertThat(first.body()).isEqualTo(json.readTree("{\"prompt\":\"a\"}"));

      Payload text = set.get(1);
      assertThat(text.body().isTextual()).isTrue();
      assertThat(text.body().asText()).isEqualTo("amount=12.5&country=NZ");
      assertThat(text.weight()).isEqualTo(1.0);
      assertThat(text.promptTokens()).isEqualTo(-1);
      assertThat(text.maxTokens()).isEqualTo(-1);

      assertThat(set.get(2).maxTokens()).as("max_tokens read from the body").isEqualTo(64);
    }
  }

  @Test
  void anIdDefaultsToTheLineNumber() throws Exception {
    Path file =
        PayloadFiles.write(dir, "noid.jsonl", "", PayloadFiles.chat("a"), PayloadFiles.chat("b"));

    try (PayloadSet set = PayloadSet.open(file, false)) {
      assertThat(set.get(0).id()).isEqualTo("line-2");
      assertThat(set.get(1).id()).isEqualTo("line-3");
      assertThat(set.get(1).index()).isEqualTo(1);
    }
  }

  @Test
  void getReturnsWhatTheFileSaysLineByLine() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      lines.add(
          "{\"id\":\"p" + i + "\",\"prompt\":\"" + "w".repeat(i * 7) + "\",\"max_tokens\":" + i
              + "}");
    }
    Path file = PayloadFiles.write(dir, "many.jsonl", lines);

    try (PayloadSet set = PayloadSet.open(file, false)) {
      assertThat(set.size()).isEqualTo(300);
      for (int i = 0; i < lines.size(); i++) {
        JsonNode expected = json.readTree(lines.get(i));
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected).remove("id");
        Payload p = set.get(i);
        assertThat(p.body()).as("payload %d", i).isEqualTo(expected);
        assertThat(p.id()).isEqualTo("p" + i);
        assertThat(p.lineNumber()).isEqualTo(i + 1);
      }
    }
  }

  @Test
  void getIsSafeFromManyThreads() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      lines.add("{\"id\":\"p" + i + "\",\"prompt\":\"" + "z".repeat(i % 97) + "\"}");
    }
    Path file = PayloadFiles.write(dir, "threads.jsonl", lines);

    try (PayloadSet set = PayloadSet.open(file, false)) {
      List<String> ids =
          IntStream.range(0, set.size())
              .parallel()
              .mapToObj(i -> {
                try {
                  return set.get(i).id();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
              .toList();

      assertThat(ids)
          .containsExactlyElementsOf(IntStream.range(0, 2000).mapToObj(i -> "p" + i).toList());
    }
  }

  @Test
  void crlfEndingsAndAMissingFinalNewlineAreHandled() throws Exception {
    Path file =
        PayloadFiles.writeRaw(
            dir,
            "crlf.jsonl",
            "{\"prompt\":\"one\"}\r\n\r\n{\"prompt\":\"two\"}\r\n{\"prompt\":\"three\"}");

    try (PayloadSet set = PayloadSet.open(file, false)) {
      assertThat(set.size()).isEqualTo(3);
      assertThat(set.get(0).body().get("prompt").asText()).isEqualTo("one");
      assertThat(set.get(1).lineNumber()).isEqualTo(3);
      assertThat(set.get(2).body().get("prompt").asText()).isEqualTo("three");
      assertThat(set.get(2).lineNumber()).isEqualTo(4);
    }
  }

  @Test
  void aByteOrderMarkAtTheStartIsIgnored() throws Exception {
    Path file = PayloadFiles.writeRaw(dir, "bom.jsonl", "\uFEFF{\"prompt\":\"é\"}\n");

    try (PayloadSet set = PayloadSet.open(file, false)) {
      assertThat(set.get(0).body().get("prompt").asText()).isEqualTo("é");
    }
  }

  @Test
  void linesLongerThanTheReadBlockAreReadWhole() throws Exception {
    String longText = "0123456789".repeat(15_000);
    Path file =
        PayloadFiles.write(
            dir, "long.jsonl", PayloadFiles.chat("short"), "{\"prompt\":\"" + longText + "\"}",
            PayloadFiles.chat("after"));

    try (PayloadSet set = PayloadSet.open(file, false)) {
      assertThat(set.get(1).body().get("prompt").asText()).isEqualTo(longText);
      assertThat(set.get(2).body().at("/messages/0/content").asText()).isEqualTo("after");
      assertThat(set.stats().bodyBytes().max())
          .isEqualTo(longText.length() + "{\"prompt\":\"\"}".length());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          invalid JSON           | {"prompt": "x",}                           | not valid JSON
          truncated JSON         | {"prompt": "x"                             | not valid JSON
          trailing garbage       | {"prompt": "x"} extra                      | not valid JSON
          an array               | [1, 2]                                     | expected a JSON object, got an array
          a bare string          | "hello"                                    | expected a JSON object, got string
          body of a wrong type   | {"body": 42}                               | body must be a JSON object or a string, got number 42
          unknown wrapper key    | {"body": {}, "max_token": 3}               | unknown key 'max_token'
          zero weight            | {"prompt": "x", "weight": 0}               | weight must be > 0, got 0
          negative weight        | {"prompt": "x", "weight": -2}              | weight must be > 0, got -2
          weight not a number    | {"prompt": "x", "weight": "2"}             | weight must be a number > 0, got string "2"
          negative prompt_tokens | {"prompt": "x", "prompt_tokens": -3}       | prompt_tokens must be a non-negative integer, got number -3
          fractional prompt_tokens | {"prompt": "x", "prompt_tokens": 2.5}    | prompt_tokens must be a non-negative integer, got number 2.5
          negative max_tokens    | {"prompt": "x", "max_tokens": -1}          | max_tokens must be a non-negative integer
          max_tokens as text     | {"body": {}, "max_tokens": "300"}          | max_tokens must be a non-negative integer, got string "300"
          id of a wrong type     | {"prompt": "x", "id": {"a": 1}}            | id must be a string or a number, got an object
          """)
  void aMalformedLineIsReportedWithItsFileAndLineNumber(String name, String line, String problem) {
    Path file =
        PayloadFiles.write(
            dir,
            "bad.jsonl",
            PayloadFiles.chat("fine"),
            "",
            PayloadFiles.chat("fine"),
            line,
            PayloadFiles.chat("fine"));

    assertThatThrownBy(() -> PayloadSet.open(file, false))
        .isInstanceOf(PayloadException.class)
        .hasMessageStartingWith(file + ":4: ")
        .hasMessageContaining(problem)
        .satisfies(e -> assertThat(((PayloadException) e).lineNumber()).isEqualTo(4));
  }

  @Test
  void invalidJsonNamesTheColumn() {
    Path file = PayloadFiles.write(dir, "col.jsonl", "{\"prompt\": \"x\",}");

    assertThatThrownBy(() -> PayloadSet.open(file, false))
        .hasMessageStartingWith(file + ":1: not valid JSON: ")
        .hasMessageEndingWith("at column 16");
  }

  @Test
  void badLinesCanBeSkippedAndCounted() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      lines.add(PayloadFiles.chat("good " + i));
      lines.add("{\"prompt\":\"x\",\"weight\":0}");
    }
    Path file = PayloadFiles.write(dir, "skip.jsonl", lines);

    try (PayloadSet set = PayloadSet.open(file, true)) {
      assertThat(set.size()).isEqualTo(25);
      assertThat(set.skippedLines()).isEqualTo(25);
      assertThat(set.skippedLineErrors()).hasSize(PayloadSet.MAX_KEPT_ERRORS);
      assertThat(set.skippedLineErrors().get(0)).isEqualTo(file + ":2: weight must be > 0, got 0");
      assertThat(set.skippedLineErrors().get(19)).startsWith(file + ":40: ");
      assertThat(set.get(24).lineNumber()).isEqualTo(49);
    }
  }

  @Test
  void aFileWithNoPayloadsIsAnError() {
    Path empty = PayloadFiles.writeRaw(dir, "empty.jsonl", "");
    Path blank = PayloadFiles.writeRaw(dir, "blank.jsonl", "\n  \n\t\n");

    assertThatThrownBy(() -> PayloadSet.open(empty, false))
        .isInstanceOf(PayloadException.class)
        .hasMessage(empty + ": empty payload set (no payload lines)");
    assertThatThrownBy(() -> PayloadSet.open(blank, true))
        .isInstanceOf(PayloadException.class)
        .hasMessageContaining("empty payload set");
  }

  @Test
  void aFileWhoseLinesAreAllBadIsAnErrorEvenWhenSkipping() {
    Path file = PayloadFiles.write(dir, "allbad.jsonl", "[]", "nope");

    assertThatThrownBy(() -> PayloadSet.open(file, true))
        .isInstanceOf(PayloadException.class)
        .hasMessageContaining("all 2 payload lines are bad")
        .hasMessageContaining(file + ":1: expected a JSON object");
  }

  @Test
  void aMissingFileIsAnIoErrorNamingThePath() {
    Path missing = dir.resolve("nowhere.jsonl");

    assertThatThrownBy(() -> PayloadSet.open(missing, false))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void indexesOutsideTheSetAreRejected() throws Exception {
    Path file = PayloadFiles.write(dir, "one.jsonl", PayloadFiles.chat("a"));

    try (PayloadSet set = PayloadSet.open(file, false)) {
      assertThatThrownBy(() -> set.get(1)).isInstanceOf(IndexOutOfBoundsException.class)
          .hasMessageContaining("payload index 1");
      assertThatThrownBy(() -> set.weight(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
  }

  @Test
  void getAfterCloseFails() throws Exception {
    Path file = PayloadFiles.write(dir, "closed.jsonl", PayloadFiles.chat("a"));
    PayloadSet set = PayloadSet.open(file, false);
    set.close();

    assertThatThrownBy(() -> set.get(0)).isInstanceOf(IOException.class);
  }

  @Test
  void aFiftyThousandLineFileOpensAndReadsBack() throws Exception {
    Path file = dir.resolve("big.jsonl");
    try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < 50_000; i++) {
        out.write("{\"id\":\"r" + i + "\",\"prompt_tokens\":" + (100 + i % 900) + ",\"max_tokens\":"
            + (50 + i % 300) + ",\"messages\":[{\"role\":\"system\",\"content\":\"You help.\"},"
            + "{\"role\":\"user\",\"content\":\"" + "question text ".repeat(20 + i % 40) + i
            + "\"}]}\n");
      }
    }

    try (PayloadSet set = PayloadSet.open(file, false)) {
      assertThat(set.size()).isEqualTo(50_000);
      assertThat(set.stats().count()).isEqualTo(50_000);
      assertThat(set.stats().promptTokens().min()).isEqualTo(100);
      assertThat(set.stats().promptTokens().max()).isEqualTo(999);
      assertThat(set.stats().promptTokensEstimated()).isFalse();
      Payload last = set.get(49_999);
      assertThat(last.id()).isEqualTo("r49999");
      assertThat(last.body().at("/messages/1/content").asText()).endsWith(" 49999");
    }
  }
}
