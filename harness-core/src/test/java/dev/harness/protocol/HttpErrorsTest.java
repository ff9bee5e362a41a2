package dev.harness.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harness.record.Outcome;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpErrorsTest {

  private static BoundedBody body(String text) {
    BoundedBody body = new BoundedBody(HttpErrors.ERROR_BODY_CAP_BYTES);
    body.append(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    return body;
  }

  @Test
  void statusesAreClassifiedByFamily() {
    assertThat(HttpErrors.classify(200)).isEqualTo(Outcome.SUCCESS);
    assertThat(HttpErrors.classify(299)).isEqualTo(Outcome.SUCCESS);
    assertThat(HttpErrors.classify(429)).isEqualTo(Outcome.HTTP_429);
    assertThat(HttpErrors.classify(400)).isEqualTo(Outcome.HTTP_4XX);
    assertThat(HttpErrors.classify(499)).isEqualTo(Outcome.HTTP_4XX);
    assertThat(HttpErrors.classify(500)).isEqualTo(Outcome.HTTP_5XX);
    assertThat(HttpErrors.classify(503)).isEqualTo(Outcome.HTTP_5XX);
    assertThat(HttpErrors.classify(101)).isEqualTo(Outcome.PROTOCOL_ERROR);
    assertThat(HttpErrors.classify(304)).isEqualTo(Outcome.PROTOCOL_ERROR);
    assertThat(HttpErrors.classify(600)).isEqualTo(Outcome.PROTOCOL_ERROR);
  }

  @Test
  void messageComesFromTheOpenAiErrorObject() {
    assertThat(HttpErrors.message(body("{\"error\":{\"message\":\"bad model\",\"code\":404}}")))
        .isEqualTo("bad model");
  }

  @Test
  void messageComesFromTopLevelMessageOrDetail() {
    assertThat(HttpErrors.message(body("{\"object\":\"error\",\"message\":\"too long\"}")))
        .isEqualTo("too long");
    assertThat(HttpErrors.message(body("{\"detail\":\"Not Found\"}"))).isEqualTo("Not Found");
    assertThat(HttpErrors.message(body("{\"detail\":[{\"loc\":[\"body\"]}]}")))
        .isEqualTo("[{\"loc\":[\"body\"]}]");
    assertThat(HttpErrors.message(body("{\"error\":\"overloaded\"}"))).isEqualTo("overloaded");
  }

  @Test
  void textBodyGivesItsFirstTwoHundredCharactersOnOneLine() {
    String page = "<html>\n<body>502   Bad Gateway</body>\n</html>" + "x".repeat(500);

    String message = HttpErrors.message(body(page));

    assertThat(message).startsWith("<html> <body>502 Bad Gateway</body> </html>xxx");
    assertThat(message).hasSize(HttpErrors.MESSAGE_CAP_CHARS);
  }

  @Test
  void failureDetailNamesTheStatus() {
    ResponseResult result = HttpErrors.failure(503, body("{\"message\":\"warming up\"}"));

    assertThat(result.outcome()).isEqualTo(Outcome.HTTP_5XX);
    assertThat(result.httpStatus()).isEqualTo(503);
    assertThat(result.detail()).isEqualTo("HTTP 503: warming up");
    assertThat(HttpErrors.failure(500, body("")).detail()).isEqualTo("HTTP 500");
  }

  @Test
  void errorBodyIsCappedAtEightKilobytes() {
    BoundedBody body = new BoundedBody(HttpErrors.ERROR_BODY_CAP_BYTES);
    byte[] kilobyte = "y".repeat(1024).getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < 100; i++) {
      body.append(Unpooled.wrappedBuffer(kilobyte));
    }

    assertThat(body.length()).isEqualTo(8 * 1024);
    assertThat(body.array().length).isLessThanOrEqualTo(8 * 1024);
    assertThat(body.truncated()).isTrue();
    assertThat(HttpErrors.message(body)).hasSize(HttpErrors.MESSAGE_CAP_CHARS);
  }
}
