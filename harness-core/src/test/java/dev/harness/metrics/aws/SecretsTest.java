package dev.harness.metrics.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/** The secret access key never reaches a message, a toString or a stack trace. */
class SecretsTest {
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYMETRICSTEST";

  @TempDir Path dir;

  private ProfileCredentialsProvider fromFile(String content, String profile) throws Exception {
    Path file = dir.resolve("credentials");
    Files.writeString(file, content);
    return ProfileCredentialsProvider.builder()
        .profileFile(ProfileFile.builder().content(file).type(ProfileFile.Type.CREDENTIALS)
            .build())
        .profileName(profile)
        .build();
  }

  private static String everything(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out + " " + t;
  }

  @Test
  void aProfileWithASecretButNoKeyIdFailsWithoutShowingTheSecret() throws Exception {
    ProfileCredentialsProvider p =
        fromFile("[perf]\naws_secret_access_key = " + SECRET + "\n", "perf");
    AwsAccessException e = catchThrowableOfType(
        () -> AwsClients.open(AwsAccess.of("us-east-1"), p).close(), AwsAccessException.class);
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).startsWith("no AWS credentials from the given credentials provider");
    assertThat(everything(e)).doesNotContain(SECRET);
  }

  @Test
  void workingClientsAndTheirAccessDoNotShowTheSecret() throws Exception {
    ProfileCredentialsProvider p = fromFile("[perf]\naws_access_key_id = AKIDPERF\n"
        + "aws_secret_access_key = " + SECRET + "\n", "perf");
    AwsAccess access = AwsAccess.of("us-east-1").withProfile("perf");
    try (AwsClients clients = AwsClients.open(access, p)) {
      clients.cloudWatch();
      clients.ec2();
      assertThat(clients.toString()).contains("us-east-1", "profile 'perf'")
          .doesNotContain(SECRET, "AKIDPERF");
    }
    assertThat(access.toString()).doesNotContain(SECRET);
  }

  @Test
  void closedClientsRefuseNewWork() {
    AwsClients clients = AwsClients.open(AwsAccess.of("us-east-1"), AwsWireMock.credentials());
    clients.close();
    clients.close();
    assertThat(catchThrowableOfType(clients::cloudWatch, IllegalStateException.class))
        .hasMessageContaining("closed");
  }

  @Test
  void aRegionThatIsNotOneIsRejected() {
    assertThat(catchThrowableOfType(() -> AwsAccess.of("virginia"),
        IllegalArgumentException.class)).hasMessageContaining("'virginia'");
  }
}
