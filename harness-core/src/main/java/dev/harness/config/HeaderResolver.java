package dev.harness.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The headers a run sends on every request, with secrets read from the environment when the run
 * starts; they are never stored in a {@link Plan} or written to results.
 *
 * <p>Result, in order: {@code target.headers}; each {@code target.headers-from-env} header with
 * its variable's value; {@code Authorization: Bearer <token>} when {@code
 * target.auth.bearer-token-env} is set. A variable that is unset or empty, or whose value holds a
 * line break, is a {@link PlanException} naming the variable and the plan field; messages never
 * contain a value.
 */
public final class HeaderResolver {
  private HeaderResolver() {}

  /** The resolved headers, unmodifiable, in the order above. */
  public static Map<String, String> resolve(Target target, Map<String, String> env)
      throws PlanException {
    Map<String, String> headers = new LinkedHashMap<>(target.headers());
    Map<String, String> seen = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    target.headers().keySet().forEach(h -> seen.put(h, "target.headers"));
    for (Map.Entry<String, String> e : target.headersFromEnv().entrySet()) {
      String field = "target.headers-from-env." + e.getKey();
      add(headers, seen, e.getKey(), secret(env, e.getValue(), field), field);
    }
    if (target.bearerTokenEnv() != null) {
      String field = "target.auth.bearer-token-env";
      String token = secret(env, target.bearerTokenEnv(), field);
      add(headers, seen, "Authorization", "Bearer " + token, field);
    }
    return Collections.unmodifiableMap(headers);
  }

  private static void add(
      Map<String, String> headers, Map<String, String> seen, String name, String value,
      String field) throws PlanException {
    String other = seen.putIfAbsent(name, field);
    if (other != null) {
      throw new PlanException(null, 0, 0, field, "header " + name + " is also set by " + other);
    }
    headers.put(name, value);
  }

  private static String secret(Map<String, String> env, String variable, String field)
      throws PlanException {
    String value = env.get(variable);
    if (value == null) {
      throw new PlanException(null, 0, 0, field, "environment variable " + variable
          + " is not set");
    }
    if (value.isEmpty()) {
      throw new PlanException(null, 0, 0, field, "environment variable " + variable
          + " is empty");
    }
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new PlanException(null, 0, 0, field, "environment variable " + variable
          + " contains a line break, which a header value cannot hold");
    }
    return value;
  }
}
