package dev.harness.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Collects the per-payload numbers of one scan (three ints each) and builds the stats. */
final class StatsCollector {
  private final ObjectMapper mapper;
  private int[] bodyBytes = new int[256];
  private int[] promptTokens = new int[256];
  private int[] maxTokens = new int[256];
  private int count;
  private int promptCount;
  private int maxCount;
  private boolean estimated;

  StatsCollector(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  void add(Payload payload) throws IOException {
    int bytes = bodyBytes(payload.body());
    bodyBytes = grow(bodyBytes, count);
    bodyBytes[count++] = bytes;
    int prompt = payload.promptTokens();
    if (prompt < 0) {
      prompt = TokenEstimator.estimatePrompt(payload.body());
      estimated |= prompt >= 0;
    }
    if (prompt >= 0) {
      promptTokens = grow(promptTokens, promptCount);
      promptTokens[promptCount++] = prompt;
    }
    if (payload.maxTokens() >= 0) {
      maxTokens = grow(maxTokens, maxCount);
      maxTokens[maxCount++] = payload.maxTokens();
    }
  }

  PayloadStats build() {
    int longest = 0;
    for (int i = 0; i < promptCount; i++) {
      longest = Math.max(longest, promptTokens[i]);
    }
    long[] bounds = new long[0];
    if (promptCount > 0) {
      int buckets = 1;
      while ((128L << (buckets - 1)) < longest) {
        buckets++;
      }
      bounds = new long[buckets];
      for (int i = 0; i < buckets; i++) {
        bounds[i] = 128L << i;
      }
    }
    long[] histogram = new long[bounds.length];
    for (int i = 0; i < promptCount; i++) {
      int bucket = Arrays.binarySearch(bounds, promptTokens[i]);
      histogram[bucket >= 0 ? bucket : -bucket - 1]++;
    }
    return new PayloadStats(
        count,
        PayloadStats.Summary.of(bodyBytes, count),
        PayloadStats.Summary.of(promptTokens, promptCount),
        PayloadStats.Summary.of(maxTokens, maxCount),
        estimated,
        histogram,
        bounds);
  }

  private static int[] grow(int[] values, int size) {
    return size == values.length ? Arrays.copyOf(values, size * 2) : values;
  }

  private int bodyBytes(JsonNode body) throws IOException {
    if (body.isTextual()) {
      return body.asText().getBytes(StandardCharsets.UTF_8).length;
    }
    CountingStream out = new CountingStream();
    mapper.writeValue(out, body);
    return (int) Math.min(Integer.MAX_VALUE, out.count);
  }

  /** Counts bytes written and keeps none. */
  private static final class CountingStream extends OutputStream {
    private long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
