package dev.harness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderResolverTest {
  private static Target target(
      Map<String, String> headers, Map<String, String> fromEnv, String bearerEnv) {
    return new Target(
        ProtocolKind.OPENAI_CHAT,
        URI.create("http://127.0.0.1:8000/v1/chat/completions"),
        null,
        true,
        "POST",
        "application/json",
        headers,
        fromEnv,
        bearerEnv,
        false,
        null, null);
  }

  @Test
  void staticEnvironmentAndBearerHeadersAreCombined() throws PlanException {
    Target t = target(Map.of("X-Team", "search"), Map.of("X-Api-Key", "MY_KEY"), "OPENAI_API_KEY");
    Map<String, String> env = Map.of("MY_KEY", "k-123", "OPENAI_API_KEY", "sk-abc", "OTHER", "x");

    Map<String, String> headers = HeaderResolver.resolve(t, env);

    assertThat(headers).containsExactly(
        Map.entry("X-Team", "search"),
        Map.entry("X-Api-Key", "k-123"),
        Map.entry("Authorization", "Bearer sk-abc"));
  }

  @Test
  void noSecretsMeansOnlyTheStaticHeaders() throws PlanException {
    Target t = target(Map.of("X-Team", "search"), Map.of(), null);

    assertThat(HeaderResolver.resolve(t, Map.of())).containsExactly(Map.entry("X-Team", "search"));
  }

  @Test
  void missingVariableNamesTheVariableAndFieldButNoValue() {
    Target t = target(Map.of("X-Team", "search"), Map.of("X-Api-Key", "MY_KEY"), "TOKEN");
    Map<String, String> env = Map.of("TOKEN", "sk-very-secret", "MY_KEYS", "k-almost");

    PlanException e = catchThrowableOfType(() -> HeaderResolver.resolve(t, env),
        PlanException.class);

    assertThat(e.getMessage())
        .isEqualTo("target.headers-from-env.X-Api-Key: environment variable MY_KEY is not set")
        .doesNotContain("sk-very-secret", "k-almost", "search");
    assertThat(e.field()).isEqualTo("target.headers-from-env.X-Api-Key");
  }

  @Test
  void emptyBearerVariableIsAnError() {
    Target t = target(Map.of(), Map.of(), "TOKEN");

    PlanException e = catchThrowableOfType(() -> HeaderResolver.resolve(t, Map.of("TOKEN", "")),
        PlanException.class);

    assertThat(e.getMessage())
        .isEqualTo("target.auth.bearer-token-env: environment variable TOKEN is empty");
  }

  @Test
  void valueWithALineBreakIsRejectedWithoutEchoingIt() {
    Target t = target(Map.of(), Map.of("X-Key", "KEY"), null);

    PlanException e = catchThrowableOfType(
        () -> HeaderResolver.resolve(t, Map.of("KEY", "abc\r\nX-Evil: 1")), PlanException.class);

    assertThat(e.getMessage()).contains("KEY", "line break").doesNotContain("abc", "X-Evil");
  }

  @Test
  void bearerTokenClashingWithAStaticAuthorizationHeaderIsAnError() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("authorization", "Basic xyz");
    Target t = target(headers, Map.of(), "TOKEN");

    PlanException e = catchThrowableOfType(
        () -> HeaderResolver.resolve(t, Map.of("TOKEN", "sk-1")), PlanException.class);

    assertThat(e.getMessage())
        .startsWith(
            "target.auth.bearer-token-env: header Authorization is also set by target.headers")
        .doesNotContain("sk-1", "xyz");
  }
}
