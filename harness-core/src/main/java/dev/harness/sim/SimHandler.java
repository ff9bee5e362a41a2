package dev.harness.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.harness.time.NanoClock;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Routes one connection's requests: health, metrics and models at once; model requests to the
 * profile's backend, which answers at the computed time; {@code /v2/...} to {@link TritonRoutes}.
 * One request at a time per connection (HTTP/1.1 without pipelining, as load generators and OpenAI
 * clients send).
 */
final class SimHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  /** State shared by every connection of one server. */
  record Shared(
      SimProfile profile,
      Backend backend,
      String loadFailure,
      NanoClock clock,
      long origin,
      TruthLog truths,
      SimMetrics metrics,
      AtomicLong ids) {}

  private static final String SEQ_HEADER = "X-Harness-Seq";

  private final Shared shared;
  private final AtomicLong ids;
  private final TritonRoutes triton;
  private final SageMakerRoutes sageMaker;

  SimHandler(Shared shared) {
    this.shared = shared;
    this.ids = shared.ids();
    this.triton = new TritonRoutes(shared);
    this.sageMaker = new SageMakerRoutes(shared);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
    boolean keepAlive = HttpUtil.isKeepAlive(req);
    String path = req.uri();
    int q = path.indexOf('?');
    if (q >= 0) {
      path = path.substring(0, q);
    }
    HttpMethod method = req.method();
    boolean get = method.equals(HttpMethod.GET);
    boolean post = method.equals(HttpMethod.POST);
    if (get && (path.equals("/health") || path.equals("/ping"))) {
      health(ctx, keepAlive);
    } else if (get && path.equals("/metrics")) {
      metrics(ctx, keepAlive);
    } else if (get && path.equals("/v1/models")) {
      Replies.json(ctx, 200, "{\"object\":\"list\",\"data\":[{\"id\":"
          + OpenAiFormat.quote(shared.profile().modelName())
          + ",\"object\":\"model\",\"owned_by\":\"harness-sim\"}]}", keepAlive);
    } else if (post && shared.profile().isLlm()
        && (path.equals("/v1/chat/completions") || path.equals("/v1/completions"))) {
      openAi(ctx, req, path.equals("/v1/chat/completions"), keepAlive);
    } else if (post && !shared.profile().isLlm()
        && (path.equals("/v1/score") || path.equals("/invocations"))) {
      ((ClassicBackend) shared.backend()).submit(ids.getAndIncrement(), seq(req), ctx, keepAlive);
    } else if (path.startsWith("/v2/")) {
      triton.route(ctx, req, seq(req), path, keepAlive);
    } else if (post && SageMakerRoutes.isRuntimePath(path)) {
      sageMaker.handle(ctx, req, path, keepAlive);
    } else {
      Replies.json(ctx, 404, OpenAiFormat.error(
          "no route " + method + " " + path + " on this " + (shared.profile().isLlm()
              ? "LLM simulator (POST /v1/chat/completions, /v1/completions, "
                  + "/v2/models/<model>/generate[_stream], "
                  + "/endpoints/NAME/invocations[-response-stream])"
              : "classic simulator (POST /v1/score, /invocations, /v2/models/<model>/infer, "
                  + "/endpoints/NAME/invocations)"),
          "NotFoundError", 404),
          keepAlive);
    }
  }

  private void health(ChannelHandlerContext ctx, boolean keepAlive) {
    if (shared.loadFailure() != null) {
      Replies.json(ctx, 503, OpenAiFormat.error(shared.loadFailure(), "ServiceUnavailable", 503),
          keepAlive);
    } else {
      Replies.json(ctx, 200, "{\"status\":\"ok\"}", keepAlive);
    }
  }

  private void metrics(ChannelHandlerContext ctx, boolean keepAlive) {
    long now = shared.clock().nanoTime() - shared.origin();
    String text =
        shared.metrics().render(shared.profile().modelName(), shared.backend().snapshot(now), now,
            shared.truths().succeeded(), shared.truths().failed(),
            shared.truths().queueNanosSucceeded());
    Replies.send(ctx, 200, "text/plain; version=0.0.4; charset=utf-8", text, keepAlive);
  }

  private void openAi(
      ChannelHandlerContext ctx, FullHttpRequest req, boolean chat, boolean keepAlive) {
    long id = ids.getAndIncrement();
    long seq = seq(req);
    LlmBackend backend = (LlmBackend) shared.backend();
    LlmRequests.Read read =
        LlmRequests.read(shared.profile(), backend, shared.loadFailure(), req.content());
    if (read instanceof LlmRequests.Refused r) {
      reject(ctx, id, seq, r.status(), r.message(), r.type(), keepAlive);
      return;
    }
    LlmRequests.Admitted a = (LlmRequests.Admitted) read;
    JsonNode body = a.body();
    boolean stream = body.path("stream").asBoolean(false);
    boolean usage = stream && body.path("stream_options").path("include_usage").asBoolean(false);
    String model = body.path("model").asText(shared.profile().modelName());
    long created = shared.clock().wallClockMillis() / 1000;
    backend.submit(
        new LlmCall(id, seq, ctx, keepAlive, chat, stream, usage,
            new OpenAiFormat(chat, id, created, model), a.promptTokens(), a.outputTokens(),
            a.finishReason()));
  }

  private void reject(ChannelHandlerContext ctx, long id, long seq, int status, String message,
      String type, boolean keepAlive) {
    long now = shared.clock().nanoTime() - shared.origin();
    shared.truths().record(new RequestTruth(id, seq, now, now, now, now, 0, 0, status));
    Replies.json(ctx, status, OpenAiFormat.error(message, type, status), keepAlive);
  }

  static long seq(FullHttpRequest req) {
    String v = req.headers().get(SEQ_HEADER);
    if (v == null) {
      return -1;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close(); // a broken connection ends; the model is unaffected
  }
}
