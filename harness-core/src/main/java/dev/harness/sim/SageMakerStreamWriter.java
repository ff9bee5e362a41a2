package dev.harness.sim;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

/**
 * Writes an LLM call as SageMaker's InvokeEndpointWithResponseStream answer: a chunked {@code
 * application/vnd.amazon.eventstream} body of PayloadPart events, each an event-stream message with
 * headers {@code :event-type PayloadPart}, {@code :message-type event}, {@code :content-type
 * application/octet-stream} and the raw bytes of the container's output as payload.
 *
 * <p>The output is what TGI and LMI containers write: one JSON line per token, {@code
 * {"token":{"id":n,"text":"...","logprob":0.0,"special":false},"generated_text":null,
 * "details":null}}; the last line carries the whole text and {@code details.generated_tokens}. As
 * real containers' parts do not follow line breaks, every third line is split across two
 * PayloadParts.
 */
final class SageMakerStreamWriter implements LlmCall.TokenWriter {
  /** Every this-many-th token's line is sent in two PayloadParts. */
  static final int SPLIT_EVERY = 3;

  @Override
  public void write(LlmCall call, int count, boolean last) {
    ChannelHandlerContext ctx = call.ctx;
    if (count == 1) {
      HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
      head.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/vnd.amazon.eventstream");
      head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
      head.headers().set("x-Amzn-Invoked-Production-Variant", "AllTraffic");
      head.headers().set("X-Amzn-SageMaker-Content-Type", "application/json");
      head.headers().set(HttpHeaderNames.CONNECTION,
          call.keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
      ctx.write(head);
    }
    byte[] line = line(call, count, last).getBytes(StandardCharsets.UTF_8);
    if (count % SPLIT_EVERY == 0 && line.length > 1) {
      int half = line.length / 2;
      ctx.write(part(line, 0, half));
      ctx.write(part(line, half, line.length));
    } else {
      ctx.write(part(line, 0, line.length));
    }
    if (last) {
      Replies.end(ctx, call.keepAlive);
    } else {
      ctx.flush();
    }
  }

  private static String line(LlmCall call, int count, boolean last) {
    String token = "{\"token\":{\"id\":" + count + ",\"text\":"
        + OpenAiFormat.quote(OpenAiFormat.token(call.id, count))
        + ",\"logprob\":0.0,\"special\":false}";
    if (!last) {
      return token + ",\"generated_text\":null,\"details\":null}\n";
    }
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= call.outputTokens; i++) {
      text.append(OpenAiFormat.token(call.id, i));
    }
    String finish = call.finishReason.equals("stop") ? "eos_token" : call.finishReason;
    return token + ",\"generated_text\":" + OpenAiFormat.quote(text.toString())
        + ",\"details\":{\"finish_reason\":\"" + finish + "\",\"generated_tokens\":"
        + call.outputTokens + ",\"seed\":null}}\n";
  }

  /** One PayloadPart event carrying {@code bytes[from, to)}. */
  static DefaultHttpContent part(byte[] bytes, int from, int to) {
    Map<String, HeaderValue> headers = new LinkedHashMap<>();
    headers.put(":event-type", HeaderValue.fromString("PayloadPart"));
    headers.put(":content-type", HeaderValue.fromString("application/octet-stream"));
    headers.put(":message-type", HeaderValue.fromString("event"));
    byte[] payload = Arrays.copyOfRange(bytes, from, to);
    return new DefaultHttpContent(
        Unpooled.wrappedBuffer(new Message(headers, payload).toByteBuffer()));
  }
}
