package dev.harness.sim;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The SageMaker runtime API on the simulator: {@code POST /endpoints/{name}/invocations} and
 * {@code POST /endpoints/{name}/invocations-response-stream}, as the AWS SDK calls them (point its
 * endpoint URL here). Signatures are not checked.
 *
 * <ul>
 *   <li>The one endpoint served is {@link #endpointName}; any other name gets SageMaker's 400
 *       {@code ValidationError}.
 *   <li>InvokeEndpoint: a classic profile answers {@code {"score": x}}; an LLM profile answers the
 *       OpenAI JSON of {@code /v1/chat/completions} (body with {@code messages}) or {@code
 *       /v1/completions} (anything else, e.g. TGI's {@code {"inputs": ..., "parameters":
 *       {"max_new_tokens": n}}}), from the same model and with the same ground truth.
 *   <li>InvokeEndpointWithResponseStream (LLM only): an {@code application/vnd.amazon.eventstream}
 *       of PayloadPart events carrying TGI-style JSON lines, see {@link SageMakerStreamWriter}.
 *   <li>A request the model refuses gets SageMaker's 424 {@code ModelError}, with the container's
 *       status and message as {@code OriginalStatusCode} and {@code OriginalMessage}.
 * </ul>
 */
final class SageMakerRoutes {
  static final String PREFIX = "/endpoints/";
  private static final String INVOKE = "invocations";
  private static final String INVOKE_STREAM = "invocations-response-stream";
  /** The account the simulator pretends to be in, for error messages. */
  static final String ACCOUNT = "000000000000";

  private final SimHandler.Shared shared;
  private final String endpoint;

  SageMakerRoutes(SimHandler.Shared shared) {
    this.shared = shared;
    this.endpoint = endpointName(shared.profile());
  }

  /**
   * The endpoint name the simulator answers to: the profile name with every character other than
   * a letter, digit or hyphen replaced by a hyphen ({@code sim-g5.2xlarge} → {@code
   * sim-g5-2xlarge}), since SageMaker endpoint names allow only those.
   */
  static String endpointName(SimProfile profile) {
    return profile.name().replaceAll("[^A-Za-z0-9-]", "-");
  }

  static boolean isRuntimePath(String path) {
    return path.startsWith(PREFIX)
        && (path.endsWith("/" + INVOKE) || path.endsWith("/" + INVOKE_STREAM));
  }

  void handle(ChannelHandlerContext ctx, FullHttpRequest req, String path, boolean keepAlive) {
    String rest = path.substring(PREFIX.length());
    int slash = rest.indexOf('/');
    String name = URLDecoder.decode(rest.substring(0, Math.max(0, slash)), StandardCharsets.UTF_8);
    String operation = rest.substring(slash + 1);
    boolean stream = operation.equals(INVOKE_STREAM);
    if (!name.equals(endpoint) || !(stream || operation.equals(INVOKE))) {
      error(ctx, 400, "ValidationError",
          "{\"message\":" + OpenAiFormat.quote("Endpoint " + name + " of account " + ACCOUNT
              + " not found.") + "}", keepAlive);
      return;
    }
    long id = shared.ids().getAndIncrement();
    long seq = SimHandler.seq(req);
    if (!shared.profile().isLlm()) {
      if (stream) {
        error(ctx, 400, "ValidationError", "{\"message\":" + OpenAiFormat.quote("Endpoint "
            + name + " does not support response streaming: its model is not an LLM.") + "}",
            keepAlive);
      } else {
        ((ClassicBackend) shared.backend()).submit(id, seq, ctx, keepAlive);
      }
      return;
    }
    LlmBackend backend = (LlmBackend) shared.backend();
    LlmRequests.Read read =
        LlmRequests.read(shared.profile(), backend, shared.loadFailure(), req.content());
    if (read instanceof LlmRequests.Refused r) {
      long now = shared.clock().nanoTime() - shared.origin();
      shared.truths().record(new RequestTruth(id, seq, now, now, now, now, 0, 0, r.status()));
      modelError(ctx, r, keepAlive);
      return;
    }
    LlmRequests.Admitted a = (LlmRequests.Admitted) read;
    boolean chat = a.body().has("messages");
    long created = shared.clock().wallClockMillis() / 1000;
    OpenAiFormat format = new OpenAiFormat(chat, id, created, shared.profile().modelName());
    backend.submit(
        new LlmCall(id, seq, ctx, keepAlive, chat, stream, false, format, a.promptTokens(),
            a.outputTokens(), a.finishReason(), stream ? new SageMakerStreamWriter() : null));
  }

  private void modelError(ChannelHandlerContext ctx, LlmRequests.Refused r, boolean keepAlive) {
    String kind = r.status() >= 500 ? "server" : "client";
    String message = "Received " + kind + " error (" + r.status() + ") from primary with message \""
        + r.message() + "\". See the simulator's log in account " + ACCOUNT
        + " for more information.";
    error(ctx, 424, "ModelError",
        "{\"ErrorCode\":\"" + kind.toUpperCase(Locale.ROOT) + "_ERROR_FROM_MODEL\","
            + "\"LogStreamArn\":\"arn:aws:logs:sim:" + ACCOUNT + ":log-group:/aws/sagemaker/"
            + "Endpoints/" + endpoint + "\",\"Message\":" + OpenAiFormat.quote(message)
            + ",\"OriginalMessage\":" + OpenAiFormat.quote(r.message())
            + ",\"OriginalStatusCode\":" + r.status() + "}",
        keepAlive);
  }

  /** A SageMaker runtime error: the code in {@code x-amzn-ErrorType}, the message in the body. */
  private static void error(
      ChannelHandlerContext ctx, int status, String code, String body, boolean keepAlive) {
    ByteBuf bytes = Unpooled.copiedBuffer(body, StandardCharsets.UTF_8);
    FullHttpResponse resp =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), bytes);
    resp.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
    resp.headers().set("x-amzn-ErrorType", code);
    resp.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.readableBytes());
    resp.headers().set(HttpHeaderNames.CONNECTION,
        keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
    ChannelFuture written = ctx.writeAndFlush(resp);
    if (!keepAlive) {
      written.addListener(ChannelFutureListener.CLOSE);
    }
  }
}
