package dev.harness.protocol;

import dev.harness.record.TokenCountSource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harness.config.ProtocolKind;
import dev.harness.config.Target;
import dev.harness.payload.Payload;
import dev.harness.record.Outcome;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpProtocolTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Protocol protocol(String method, String contentType) {
    return Protocols.create(
        new Target(
            ProtocolKind.HTTP,
            URI.create("http://127.0.0.1:8080/invocations?v=2"),
            null,
            false,
            method,
            contentType,
            Map.of(),
            Map.of(),
            null,
            false,
            null, null));
  }

  private static Payload payload(String json) throws Exception {
    return new Payload(0, 1, "row-1", MAPPER.readTree(json), 1.0, -1, -1);
  }

  @Test
  void stringBodyIsSentVerbatim() throws Exception {
    RequestSpec spec = protocol("POST", "text/csv").build(payload("\"1.5,2,caf\u00e9\\n\""), 0);

    assertThat(new String(spec.body(), StandardCharsets.UTF_8)).isEqualTo("1.5,2,caf\u00e9\n");
    assertThat(spec.headers()).containsExactly(Map.entry("Content-Type", "text/csv"));
    assertThat(spec.method()).isEqualTo("POST");
    assertThat(spec.pathAndQuery()).isEqualTo("/invocations?v=2");
    assertThat(spec.expectedOutputTokens()).isEqualTo(-1);
  }

  @Test
  void jsonBodyIsSerialized() throws Exception {
    RequestSpec spec =
        protocol("PUT", "application/json").build(payload("{\"inputs\":[1,2,3]}"), 0);

    assertThat(MAPPER.readTree(spec.body())).isEqualTo(MAPPER.readTree("{\"inputs\":[1,2,3]}"));
    assertThat(spec.method()).isEqualTo("PUT");
  }

  @Test
  void twoHundredsSucceedWithoutTokens() {
    ResponseParser parser = protocol("POST", null).newParser(null);
    parser.onHeaders(204, Streams.headers("application/json"), 0);
    Streams.feed(parser, "{\"anything\": true}", 1);

    ResponseResult result = parser.finish(2);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(result.httpStatus()).isEqualTo(204);
    assertThat(result.tokenSource()).isEqualTo(TokenCountSource.NONE);
  }

  @Test
  void throttlingIsItsOwnClassWithTheServerMessage() {
    ResponseParser parser = protocol("POST", null).newParser(null);
    parser.onHeaders(429, Streams.headers("application/json"), 0);
    Streams.feed(parser, "{\"message\":\"Rate exceeded\"}", 1);

    ResponseResult result = parser.finish(2);

    assertThat(result.outcome()).isEqualTo(Outcome.HTTP_429);
    assertThat(result.detail()).isEqualTo("HTTP 429: Rate exceeded");
  }

  @Test
  void redirectIsAProtocolError() {
    ResponseParser parser = protocol("GET", null).newParser(null);
    parser.onHeaders(302, Streams.headers("text/html"), 0);

    ResponseResult result = parser.finish(1);

    assertThat(result.outcome()).isEqualTo(Outcome.PROTOCOL_ERROR);
    assertThat(result.detail()).isEqualTo("HTTP 302");
  }
}
