package dev.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harness.config.TlsOptions;
import dev.harness.record.Outcome;
import dev.harness.testing.EngineFixture;
import dev.harness.testing.HttpsTestServer;
import dev.harness.traffic.Arrival;
import dev.harness.traffic.ConstantPhase;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine over HTTPS to a server on 127.0.0.1 with a self-signed certificate: refused by the
 * system trust store, accepted with that certificate as {@code ca-file} or with {@code insecure},
 * and refused for a certificate that is trusted but names another host.
 */
class TlsTest {
  @TempDir Path dir;

  private Path copy(String resource) throws Exception {
    Path file = dir.resolve(resource);
    try (InputStream in = getClass().getResourceAsStream("/tls/" + resource)) {
      Files.copy(in, file);
    }
    return file;
  }

  private EngineFixture.Result run(HttpsTestServer server, TlsOptions tls, String name)
      throws Exception {
    Path out = Files.createDirectories(dir.resolve(name));
    return new EngineFixture(out)
        .url(server.url("/score"))
        .tls(tls)
        .timeout(Duration.ofSeconds(3))
        .phases(new ConstantPhase("tls", 10, Duration.ofSeconds(1), Arrival.uniform()))
        .run();
  }

  @Test
  void aSelfSignedCertificateIsRefusedAsAConnectErrorForEveryRequest() throws Exception {
    try (HttpsTestServer server = new HttpsTestServer("server")) {
      EngineFixture.Result r = run(server, TlsOptions.systemDefault(), "untrusted");

      assertThat(r.totalOutcomes()).isEqualTo(10);
      assertThat(r.count(Outcome.CONNECT_ERROR)).isEqualTo(10);
      assertThat(server.requests()).isZero();
    }
  }

  @Test
  void theCertificateAsCaFileIsTrusted() throws Exception {
    Path ca = copy("server-cert.pem");
    try (HttpsTestServer server = new HttpsTestServer("server")) {
      EngineFixture.Result r = run(server, new TlsOptions(ca, false), "ca-file");

      assertThat(r.count(Outcome.SUCCESS)).isEqualTo(10);
      assertThat(server.requests()).isEqualTo(10);
    }
  }

  @Test
  void insecureTrustsAnyCertificateForAnyHost() throws Exception {
    try (HttpsTestServer server = new HttpsTestServer("other-host")) {
      EngineFixture.Result r = run(server, new TlsOptions(null, true), "insecure");

      assertThat(r.count(Outcome.SUCCESS)).isEqualTo(10);
      assertThat(server.requests()).isEqualTo(10);
    }
  }

  @Test
  void aTrustedCertificateForAnotherHostIsRefused() throws Exception {
    Path ca = copy("other-host-cert.pem");
    try (HttpsTestServer server = new HttpsTestServer("other-host")) {
      EngineFixture.Result r = run(server, new TlsOptions(ca, false), "wrong-host");

      assertThat(r.count(Outcome.CONNECT_ERROR)).isEqualTo(10);
      assertThat(server.requests()).isZero();
    }
  }
}
