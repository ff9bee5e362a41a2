package dev.harness.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseDecoderTest {

  private final List<String> events = new ArrayList<>();
  private final SseDecoder decoder =
      new SseDecoder(
          (type, data, length) ->
              events.add(type + "|" + new String(data, 0, length, StandardCharsets.UTF_8)),
          64);

  private boolean feed(String text) {
    return decoder.feed(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
  }

  @Test
  void commentsIdsAndEmptyEventsAreSkipped() {
    feed(": ping\n\nid: 7\nretry: 10\n\ndata: a\n\n");

    assertThat(events).containsExactly("null|a");
  }

  @Test
  void dataLinesAreJoinedAndTheEventTypeIsKeptUntilDispatch() {
    feed("event: error\ndata: one\ndata:two\n\ndata: three\n\n");

    assertThat(events).containsExactly("error|one\ntwo", "null|three");
  }

  @Test
  void carriageReturnsBeforeNewlinesAreStripped() {
    feed("data: a\r\n\r\ndata: b\r\n");
    feed("\r\n");

    assertThat(events).containsExactly("null|a", "null|b");
  }

  @Test
  void partialLastLineIsDroppedAtTheEnd() {
    feed("data: whole\ndata: cut");
    decoder.endOfInput();

    assertThat(events).containsExactly("null|whole");
  }

  @Test
  void lineLongerThanTheLimitStopsDecoding() {
    assertThat(feed("data: " + "z".repeat(40))).isTrue();
    assertThat(feed("z".repeat(40) + "\n\n")).isFalse();

    assertThat(decoder.overflowed()).isTrue();
    assertThat(events).isEmpty();
  }
}
