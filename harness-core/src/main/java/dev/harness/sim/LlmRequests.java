package dev.harness.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads an LLM request body and sizes it the way the model will serve it, whatever route it came
 * by (OpenAI or SageMaker): prompt tokens from {@link PromptTokens}, output tokens from the
 * request's limit ({@code max_tokens}, {@code max_completion_tokens}, or TGI's {@code
 * parameters.max_new_tokens}) and the profile. Requests the model cannot take are refused with the
 * status and message a vLLM server gives.
 */
final class LlmRequests {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LlmRequests() {}

  /** The outcome of reading one request. */
  sealed interface Read permits Admitted, Refused {}

  /** A request the model takes: its body and lengths. */
  record Admitted(JsonNode body, int promptTokens, int outputTokens, String finishReason)
      implements Read {}

  /** A request the model refuses, before any work. */
  record Refused(int status, String message, String type) implements Read {}

  static Read read(SimProfile profile, LlmBackend backend, String loadFailure, ByteBuf content) {
    if (loadFailure != null) {
      return new Refused(503, loadFailure, "ServiceUnavailable");
    }
    JsonNode body;
    try {
      body = JSON.readTree(content.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Refused(400, "request body is not valid JSON", "BadRequestError");
    }
    if (body == null || !body.isObject()) {
      return new Refused(400, "request body must be a JSON object", "BadRequestError");
    }
    SimProfile.Llm llm = profile.llm();
    int prompt = PromptTokens.estimate(body);
    int asked = maxTokens(body);
    int output;
    String finish;
    if (llm.fixedOutputTokens() > 0) {
      output = llm.fixedOutputTokens();
      finish = asked > 0 && asked <= output ? "length" : "stop";
      output = asked > 0 ? Math.min(asked, output) : output;
    } else {
      output = asked > 0 ? asked : llm.defaultOutputTokens();
      finish = "length";
    }
    if (!backend.fits(prompt, output)) {
      return new Refused(400,
          "This model's KV cache holds " + backend.kvCapacityTokens() + " tokens. However, you "
              + "requested " + (prompt + output) + " tokens (" + prompt + " in the messages, "
              + output + " in the completion). Please reduce the length of the messages or "
              + "completion.", "BadRequestError");
    }
    return new Admitted(body, prompt, output, finish);
  }

  private static int maxTokens(JsonNode body) {
    for (String field : new String[] {"max_tokens", "max_completion_tokens"}) {
      JsonNode n = body.get(field);
      if (n != null && n.canConvertToInt() && n.asInt() > 0) {
        return n.asInt();
      }
    }
    JsonNode tgi = body.path("parameters").get("max_new_tokens");
    if (tgi != null && tgi.canConvertToInt() && tgi.asInt() > 0) {
      return tgi.asInt();
    }
    return -1;
  }
}
