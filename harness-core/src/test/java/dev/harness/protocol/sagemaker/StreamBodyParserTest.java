package dev.harness.protocol.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harness.protocol.ResponseResult;
import dev.harness.record.Outcome;
import dev.harness.record.TokenCountSource;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StreamBodyParserTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void jsonLinesSplitAcrossPartsAreReassembledAtTheTimeOfTheCompletingPart() {
    StreamBodyParser p = new StreamBodyParser(-1);
    byte[] first = utf8("{\"token\":{\"text\":\"Hel\"}}\n{\"token\":{\"te");
    byte[] second = utf8("xt\":\"lo\"}}\n");
    p.onPart(first, 100);
    p.onPart(second, 200);
    ResponseResult r = p.finish(200);
    assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(r.chunkNanos()).containsExactly(100, 200);
    assertThat(r.tokenSource()).isEqualTo(TokenCountSource.ESTIMATED);
  }

  @Test
  void aMultiByteCharacterSplitAcrossPartsInsideAJsonLineIsDecodedWhole() {
    StreamBodyParser p = new StreamBodyParser(-1);
    byte[] line =
        utf8("{\"token\":{\"text\":\"caf\u00e9\"},\"details\":{\"generated_tokens\":1}}\n");
    int split = indexOf(line, (byte) 0xc3) + 1; // between the two bytes of é
    p.onPart(Arrays.copyOfRange(line, 0, split), 10);
    p.onPart(Arrays.copyOfRange(line, split, line.length), 20);
    ResponseResult r = p.finish(200);
    assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(r.outputTokens()).isEqualTo(1);
    assertThat(r.tokenSource()).isEqualTo(TokenCountSource.USAGE);
    assertThat(r.chunkNanos()).containsExactly(20);
  }

  @Test
  void rawTextPartsCountACharacterInThePartThatCompletesIt() {
    StreamBodyParser p = new StreamBodyParser(3);
    byte[] euro = utf8("\u20ac"); // 3 bytes
    p.onPart(utf8("Price "), 1);
    p.onPart(new byte[] {euro[0], euro[1]}, 2); // no complete character yet
    p.onPart(new byte[] {euro[2], '5'}, 3);
    p.onPart(utf8(" only"), 4);
    ResponseResult r = p.finish(200);
    assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(r.chunkNanos()).containsExactly(1, 3, 4);
    assertThat(r.outputTokens()).isEqualTo(3);
    assertThat(r.tokenSource()).isEqualTo(TokenCountSource.KNOWN);
    assertThat(r.chunkTokens()).containsExactly(1, 1, 1);
  }

  @Test
  void emptyAndBlankPartsBeforeTheFirstContentDoNotSetTheFirstToken() {
    StreamBodyParser p = new StreamBodyParser(-1);
    p.onPart(new byte[0], 5);
    p.onPart(utf8("data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\n"), 7);
    p.onPart(utf8("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":1}}\n"
        + "\ndata: [DONE]\n\n"), 8);
    ResponseResult r = p.finish(200);
    assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(r.firstTokenNanos()).isEqualTo(7);
    assertThat(r.outputTokens()).isEqualTo(1);
    assertThat(r.promptTokens()).isEqualTo(9);
    assertThat(r.tokenSource()).isEqualTo(TokenCountSource.USAGE);
  }

  @Test
  void vllmCompletionTextAndWholeOutputsAreContent() {
    StreamBodyParser completions = new StreamBodyParser(-1);
    completions.onPart(utf8("{\"choices\":[{\"text\":\"abcd\"}]}\n"), 1);
    assertThat(completions.finish(200).outputTokens()).isEqualTo(1);

    StreamBodyParser outputs = new StreamBodyParser(-1);
    outputs.onPart(utf8("{\"outputs\":[\"abcdefgh\"]}\n"), 1);
    assertThat(outputs.finish(200).outputTokens()).isEqualTo(2);

    StreamBodyParser generated = new StreamBodyParser(-1);
    generated.onPart(utf8("{\"generated_text\":\"abcd\"}"), 1); // last line without \n
    assertThat(generated.finish(200).outcome()).isEqualTo(Outcome.SUCCESS);
  }

  @Test
  void specialTokensAndTheRepeatedWholeTextOfTheLastLineAreNotCountedAgain() {
    StreamBodyParser p = new StreamBodyParser(-1);
    p.onPart(utf8("{\"token\":{\"text\":\"abcd\",\"special\":false}}\n"), 1);
    p.onPart(utf8("{\"token\":{\"text\":\"</s>\",\"special\":true},"
        + "\"generated_text\":\"abcd plus a long repeated text\"}\n"), 2);
    ResponseResult r = p.finish(200);
    assertThat(r.chunkNanos()).containsExactly(1);
    assertThat(r.outputTokens()).isEqualTo(1);
  }

  @Test
  void anErrorLineEndsTheStreamAsAStreamError() {
    StreamBodyParser p = new StreamBodyParser(-1);
    p.onPart(utf8("{\"token\":{\"text\":\"a\"}}\n{\"error\":\"Request failed during generation\","
        + "\"error_type\":\"generation\"}\n"), 1);
    ResponseResult r = p.finish(200);
    assertThat(r.outcome()).isEqualTo(Outcome.STREAM_ERROR);
    assertThat(r.detail()).isEqualTo("Request failed during generation");
  }

  @Test
  void aLineThatIsNotJsonIsAProtocolError() {
    StreamBodyParser p = new StreamBodyParser(-1);
    p.onPart(utf8("{\"token\":{\"text\":\"a\"}}\n{oops\n"), 1);
    ResponseResult r = p.finish(200);
    assertThat(r.outcome()).isEqualTo(Outcome.PROTOCOL_ERROR);
    assertThat(r.detail()).contains("{oops");
  }

  @Test
  void aStreamWithoutPartsOrWithoutContentIsIncomplete() {
    assertThat(new StreamBodyParser(-1).finish(200).outcome())
        .isEqualTo(Outcome.STREAM_INCOMPLETE);
    assertThat(new StreamBodyParser(-1).finish(200).detail()).contains("without any PayloadPart");
    StreamBodyParser blank = new StreamBodyParser(-1);
    blank.onPart(utf8("\n\n"), 1);
    blank.onPart(new byte[0], 2);
    ResponseResult r = blank.finish(200);
    assertThat(r.outcome()).isEqualTo(Outcome.STREAM_INCOMPLETE);
    assertThat(r.detail()).contains("2 PayloadParts");
  }

  @Test
  void aServerCountDifferentFromTheEventsIsSpreadOverTheChunks() {
    StreamBodyParser p = new StreamBodyParser(-1);
    p.onPart(utf8("{\"outputs\":\"aaaa\"}\n"), 1);
    p.onPart(utf8("{\"outputs\":\"aaaaaaaaaaaa\",\"usage\":{\"completion_tokens\":8}}\n"), 2);
    ResponseResult r = p.finish(200);
    assertThat(r.outputTokens()).isEqualTo(8);
    assertThat(r.chunkTokens()).containsExactly(2, 6);
  }

  @Test
  void completeUtf8PrefixStopsBeforeAnUnfinishedSequence() {
    byte[] four = utf8("a\uD83D\uDE00"); // a + 4-byte emoji
    for (int cut = 1; cut < four.length; cut++) {
      assertThat(StreamBodyParser.completeUtf8Prefix(four, cut)).as("cut at %d", cut).isEqualTo(1);
    }
    assertThat(StreamBodyParser.completeUtf8Prefix(four, four.length)).isEqualTo(5);
    assertThat(StreamBodyParser.completeUtf8Prefix(utf8("abc"), 3)).isEqualTo(3);
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    throw new AssertionError("byte not found");
  }
}
