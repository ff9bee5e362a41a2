package dev.harness.result;

import java.util.List;
import java.util.Map;

/**
 * The plan as it ran. Header values and tokens are never recorded: only header names.
 *
 * @param file plan file path as given, or null
 * @param name plan name
 * @param protocol e.g. "openai-chat"
 * @param url target URL (user info removed)
 * @param model model name or null
 * @param stream streaming requested
 * @param headerNames names of headers sent (values withheld)
 * @param phases phases as run, one map per phase (type, name, rates, durations, arrival)
 * @param slo objectives, e.g. "ttft p99 <= 2000 ms", and the max error rate
 * @param limits timeouts and caps
 */
public record PlanSummary(
    String file,
    String name,
    String protocol,
    String url,
    String model,
    boolean stream,
    List<String> headerNames,
    List<Map<String, Object>> phases,
    Map<String, Object> slo,
    Map<String, Object> limits) {
  public PlanSummary {
    headerNames = List.copyOf(headerNames);
    phases = List.copyOf(phases);
  }
}
