package dev.harness.protocol.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.harness.config.SageMakerTarget;
import dev.harness.time.NanoClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/** The secret access key never reaches a message, a toString or a stack trace. */
class SecretsTest {
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYHARNESSTEST";

  @TempDir Path dir;

  private SageMakerTarget target(String profile) {
    return new SageMakerTarget("llm", "us-east-1", profile, false, null, null, null, null,
        URI.create("http://127.0.0.1:9"), "application/json", null); // never called
  }

  private ProfileCredentialsProvider fromFile(String content, String profile) throws Exception {
    Path file = dir.resolve("credentials");
    Files.writeString(file, content);
    return ProfileCredentialsProvider.builder()
        .profileFile(ProfileFile.builder().content(file).type(ProfileFile.Type.CREDENTIALS).build())
        .profileName(profile)
        .build();
  }

  private static String everything(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out + " " + t;
  }

  private CredentialsException failToOpen(SageMakerTarget t, ProfileCredentialsProvider p) {
    return catchThrowableOfType(
        () -> SageMakerInvoker.open(t, new SageMakerInvoker.Options(false, 4,
            Duration.ofSeconds(1), Duration.ofSeconds(1)), NanoClock.system(), p,
            SageMakerCredentials.source(t)).close(),
        CredentialsException.class);
  }

  @Test
  void anUnknownProfileIsNamedWithoutItsNeighboursSecrets() throws Exception {
    ProfileCredentialsProvider p = fromFile("[default]\naws_access_key_id = AKIDDEFAULT\n"
        + "aws_secret_access_key = " + SECRET + "\n", "perf");
    CredentialsException e = failToOpen(target("perf"), p);
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).startsWith("no AWS credentials for profile 'perf': ");
    assertThat(everything(e)).doesNotContain(SECRET);
  }

  @Test
  void aProfileWithASecretButNoKeyIdFailsWithoutShowingTheSecret() throws Exception {
    ProfileCredentialsProvider p =
        fromFile("[perf]\naws_secret_access_key = " + SECRET + "\n", "perf");
    CredentialsException e = failToOpen(target("perf"), p);
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("profile 'perf'");
    assertThat(everything(e)).doesNotContain(SECRET);
  }

  @Test
  void aWorkingInvokerAndItsTargetDoNotShowTheSecret() throws Exception {
    ProfileCredentialsProvider p = fromFile("[perf]\naws_access_key_id = AKIDPERF\n"
        + "aws_secret_access_key = " + SECRET + "\n", "perf");
    SageMakerTarget t = target("perf");
    try (SageMakerInvoker invoker = SageMakerInvoker.open(t, new SageMakerInvoker.Options(true, 4,
        Duration.ofSeconds(1), Duration.ofSeconds(1)), NanoClock.system(), p)) {
      assertThat(invoker.toString()).contains("llm").doesNotContain(SECRET, "AKIDPERF");
      assertThat(invoker.sdkMetrics().toString()).doesNotContain(SECRET);
    }
    assertThat(t.toString()).doesNotContain(SECRET);
  }
}
