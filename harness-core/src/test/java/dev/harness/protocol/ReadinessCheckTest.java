package dev.harness.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harness.config.ProtocolKind;
import dev.harness.config.Target;
import dev.harness.config.TlsOptions;
import dev.harness.testing.HttpsTestServer;
import dev.harness.testing.RefusedPort;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The readiness check's transport: TLS options as the engine applies them, and unreachable
 * servers. Answers of a Triton server (ready, unknown model, failed load) are checked against the
 * simulator in {@code dev.harness.sim.SimTritonRoutesTest}.
 */
class ReadinessCheckTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @TempDir Path dir;

  private Path copy(String resource) throws Exception {
    Path file = dir.resolve(resource);
    try (InputStream in = getClass().getResourceAsStream("/tls/" + resource)) {
      Files.copy(in, file);
    }
    return file;
  }

  private static void check(String url, TlsOptions tls) throws Exception {
    Target target =
        new Target(ProtocolKind.TRITON_INFER, URI.create(url), "fraud", false, "POST",
            "application/json", Map.of(), Map.of(), null, false, tls, null);
    ReadinessCheck.check(target, Protocols.create(target), Map.of("X-Team", "search"), TIMEOUT);
  }

  @Test
  void theCaFileMakesASelfSignedServerTrustedAndBothPathsAreAsked() throws Exception {
    Path ca = copy("server-cert.pem");
    try (HttpsTestServer server = new HttpsTestServer("server")) {
      check(server.url(""), new TlsOptions(ca, false));

      assertThat(server.requests()).isEqualTo(2); // server ready, then model ready
    }
  }

  @Test
  void withoutTheCaFileTheCertificateIsRefusedWithAClearMessage() throws Exception {
    try (HttpsTestServer server = new HttpsTestServer("server")) {
      assertThatThrownBy(() -> check(server.url(""), TlsOptions.systemDefault()))
          .isInstanceOf(EndpointNotReadyException.class)
          .hasMessageStartingWith("the server is not ready: GET " + server.url("/v2/health/ready")
              + " failed: SSLHandshakeException");
      assertThat(server.requests()).isZero();
    }
  }

  @Test
  void hostNamesAreCheckedUnlessInsecure() throws Exception {
    Path ca = copy("other-host-cert.pem");
    try (HttpsTestServer server = new HttpsTestServer("other-host")) {
      assertThatThrownBy(() -> check(server.url(""), new TlsOptions(ca, false)))
          .isInstanceOf(EndpointNotReadyException.class)
          .hasMessageContaining("SSLHandshakeException");

      check(server.url(""), new TlsOptions(null, true));

      assertThat(server.requests()).isEqualTo(2);
    }
  }

  @Test
  void aServerThatIsNotListeningIsReportedWithItsUrl() throws Exception {
    try (RefusedPort refused = new RefusedPort()) {
      String url = refused.url("");

      assertThatThrownBy(() -> check(url, null))
          .isInstanceOf(EndpointNotReadyException.class)
          .hasMessageStartingWith(
              "the server is not ready: GET " + url + "/v2/health/ready failed: ")
          .hasMessageContaining("ConnectException");
    }
  }

  @Test
  void protocolsWithoutReadinessPathsAskNothing() throws Exception {
    Target target =
        new Target(ProtocolKind.HTTP, URI.create("http://127.0.0.1:1/score"), null, false,
            "POST", "application/json", Map.of(), Map.of(), null, false, null, null);

    ReadinessCheck.check(target, Protocols.create(target), Map.of(), TIMEOUT); // port 1: unused
  }
}
