package dev.harness.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Triton / KServe v2 routes of the simulator (KServe "Open Inference Protocol" REST, Triton's
 * generate extension), served by the same model as the other routes:
 *
 * <ul>
 *   <li>{@code GET /v2/health/live}: 200; {@code GET /v2/health/ready}: 200, or 400 with the load
 *       error of a model that did not load;
 *   <li>{@code GET /v2/models/<m>[/versions/1]/ready}: 200, 400 for another model or version, or
 *       400 with the load error; {@code GET /v2/models/<m>[/versions/1]}: the model's metadata;
 *   <li>classic profiles: {@code POST .../infer}, queued like {@code /v1/score}, answering one FP32
 *       output {@code OUTPUT0} of shape {@code [rows, 1]} (a score per row of the first input);
 *   <li>LLM profiles: {@code POST .../generate} and {@code .../generate_stream} ({@link
 *       TritonCall}).
 * </ul>
 *
 * Errors are Triton's {@code {"error": "..."}} bodies.
 */
final class TritonRoutes {
  /** The one version every simulated model has. */
  static final String VERSION = "1";

  /** Largest batch an infer request may ask for (rows of the first input). */
  static final int MAX_ROWS = 65_536;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern MODEL_PATH =
      Pattern.compile(
          "/v2/models/([^/]+)(?:/versions/([^/]+))?(?:/(ready|infer|generate|generate_stream))?");

  private final SimHandler.Shared shared;

  TritonRoutes(SimHandler.Shared shared) {
    this.shared = shared;
  }

  /** Answers a request whose path starts with {@code /v2/}. */
  void route(ChannelHandlerContext ctx, FullHttpRequest req, long seq, String path,
      boolean keepAlive) {
    boolean get = req.method().equals(HttpMethod.GET);
    boolean post = req.method().equals(HttpMethod.POST);
    String loadFailure = shared.loadFailure();
    if (get && path.equals("/v2/health/live")) {
      Replies.send(ctx, 200, "text/plain", "", keepAlive);
      return;
    }
    if (get && path.equals("/v2/health/ready")) {
      if (loadFailure != null) {
        Replies.json(ctx, 400, error(loadFailure), keepAlive);
      } else {
        Replies.send(ctx, 200, "text/plain", "", keepAlive);
      }
      return;
    }
    Matcher m = MODEL_PATH.matcher(path);
    String action = m.matches() ? m.group(3) : null;
    boolean allowed = m.matches() && (action == null || action.equals("ready") ? get : post);
    if (!allowed) {
      Replies.json(ctx, 404, error("no route " + req.method() + " " + path), keepAlive);
      return;
    }
    String model = shared.profile().modelName();
    String unknown = unknownModel(m.group(1), m.group(2));
    if (unknown != null) {
      answerError(ctx, action, seq, 400, unknown, keepAlive);
    } else if (loadFailure != null) {
      answerError(ctx, action, seq, 400,
          "failed to load '" + model + "' version " + VERSION + ": " + loadFailure, keepAlive);
    } else if (action == null) {
      Replies.json(ctx, 200, metadata(), keepAlive);
    } else if (action.equals("ready")) {
      Replies.send(ctx, 200, "text/plain", "", keepAlive);
    } else if (action.equals("infer") != !shared.profile().isLlm()) {
      answerError(ctx, action, seq, 400, "model '" + model + "' does not support " + action
          + (shared.profile().isLlm() ? "; use generate or generate_stream" : "; use infer"),
          keepAlive);
    } else {
      JsonNode body = body(req);
      if (body == null) {
        answerError(ctx, action, seq, 400, "the request body must be a JSON object", keepAlive);
      } else if (action.equals("infer")) {
        infer(ctx, seq, body, keepAlive);
      } else {
        generate(ctx, seq, body, action.equals("generate_stream"), keepAlive);
      }
    }
  }

  /** Triton's message for a model or version this server does not have, or null. */
  private String unknownModel(String name, String version) {
    if (!name.equals(shared.profile().modelName())) {
      return "Request for unknown model: '" + name + "' is not found";
    }
    if (version != null && !version.equals(VERSION)) {
      return "Request for unknown model: '" + name + "' version " + version + " is not found";
    }
    return null;
  }

  private void infer(ChannelHandlerContext ctx, long seq, JsonNode body, boolean keepAlive) {
    JsonNode inputs = body.get("inputs");
    if (inputs == null || !inputs.isArray() || inputs.isEmpty() || !inputs.get(0).isObject()) {
      answerError(ctx, "infer", seq, 400, "the request needs a non-empty \"inputs\" list",
          keepAlive);
      return;
    }
    JsonNode shape = inputs.get(0).get("shape");
    long rows =
        shape != null && shape.isArray() && !shape.isEmpty() && shape.get(0).canConvertToLong()
            ? shape.get(0).asLong()
            : 1;
    if (rows < 1 || rows > MAX_ROWS) {
      answerError(ctx, "infer", seq, 400, "batch size " + rows + " is outside 1.." + MAX_ROWS,
          keepAlive);
      return;
    }
    long id = shared.ids().getAndIncrement();
    StringBuilder data = new StringBuilder();
    for (long r = 0; r < rows; r++) {
      data.append(r == 0 ? "" : ",").append(ClassicBackend.score(id * 31 + r));
    }
    String answer = "{\"model_name\":" + OpenAiFormat.quote(shared.profile().modelName())
        + ",\"model_version\":\"" + VERSION + "\",\"outputs\":[{\"name\":\"OUTPUT0\","
        + "\"datatype\":\"FP32\",\"shape\":[" + rows + ",1],\"data\":[" + data + "]}]}";
    ((ClassicBackend) shared.backend()).submit(id, seq, ctx, keepAlive, answer);
  }

  private void generate(
      ChannelHandlerContext ctx, long seq, JsonNode body, boolean stream, boolean keepAlive) {
    JsonNode text = body.get("text_input");
    if (text == null || !text.isTextual()) {
      answerError(ctx, "generate", seq, 400, "input 'text_input' is required (a string)",
          keepAlive);
      return;
    }
    SimProfile.Llm llm = shared.profile().llm();
    int prompt = PromptTokens.ofText(text.textValue());
    int asked = maxTokens(body);
    int output;
    String finish;
    if (llm.fixedOutputTokens() > 0) {
      output = asked > 0 ? Math.min(asked, llm.fixedOutputTokens()) : llm.fixedOutputTokens();
      finish = asked > 0 && asked <= llm.fixedOutputTokens() ? "length" : "stop";
    } else {
      output = asked > 0 ? asked : llm.defaultOutputTokens();
      finish = "length";
    }
    LlmBackend backend = (LlmBackend) shared.backend();
    if (!backend.fits(prompt, output)) {
      answerError(ctx, "generate", seq, 400, "the KV cache holds " + backend.kvCapacityTokens()
          + " tokens; the request needs " + (prompt + output) + " (" + prompt + " prompt, "
          + output + " output)", keepAlive);
      return;
    }
    long id = shared.ids().getAndIncrement();
    backend.submit(
        new TritonCall(id, seq, ctx, keepAlive, stream, shared.profile().modelName(), VERSION,
            body.path("return_num_input_tokens").asBoolean(false),
            body.path("return_num_output_tokens").asBoolean(false), prompt, output, finish));
  }

  /** {@code parameters.max_tokens} (vLLM backend), else a top-level {@code max_tokens}. */
  private static int maxTokens(JsonNode body) {
    for (JsonNode n : new JsonNode[] {body.path("parameters").get("max_tokens"),
        body.get("max_tokens")}) {
      if (n != null && n.canConvertToInt() && n.asInt() > 0) {
        return n.asInt();
      }
    }
    return -1;
  }

  private String metadata() {
    String name = OpenAiFormat.quote(shared.profile().modelName());
    String tensors =
        shared.profile().isLlm()
            ? "\"inputs\":[{\"name\":\"text_input\",\"datatype\":\"BYTES\",\"shape\":[1]}],"
                + "\"outputs\":[{\"name\":\"text_output\",\"datatype\":\"BYTES\",\"shape\":[-1]}]"
            : "\"inputs\":[{\"name\":\"INPUT0\",\"datatype\":\"FP32\",\"shape\":[-1,-1]}],"
                + "\"outputs\":[{\"name\":\"OUTPUT0\",\"datatype\":\"FP32\",\"shape\":[-1,1]}]";
    return "{\"name\":" + name + ",\"versions\":[\"" + VERSION + "\"],\"platform\":"
        + "\"harness-sim\"," + tensors + "}";
  }

  /**
   * An error answer; for a model request ({@code infer}, {@code generate}...) its truth is
   * recorded too, as the OpenAI routes do.
   */
  private void answerError(ChannelHandlerContext ctx, String action, long seq, int status,
      String message, boolean keepAlive) {
    if (action != null && !action.equals("ready")) {
      long now = shared.clock().nanoTime() - shared.origin();
      shared.truths().record(
          new RequestTruth(shared.ids().getAndIncrement(), seq, now, now, now, now, 0, 0,
              status));
    }
    Replies.json(ctx, status, error(message), keepAlive);
  }

  private static JsonNode body(FullHttpRequest req) {
    try {
      JsonNode node = JSON.readTree(req.content().toString(StandardCharsets.UTF_8));
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  static String error(String message) {
    return "{\"error\":" + OpenAiFormat.quote(message) + "}";
  }
}
