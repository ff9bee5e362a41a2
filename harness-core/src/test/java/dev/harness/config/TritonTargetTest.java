package dev.harness.config;

import static dev.harness.config.TestPlans.ONE_PHASE;
import static dev.harness.config.TestPlans.PAYLOADS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Triton protocols' keys ({@code model}, {@code model-version}) and {@code target.tls}. */
class TritonTargetTest {
  @TempDir Path dir;

  private LoadedPlan load(String target) throws PlanException {
    return TestPlans.parse(dir, target + PAYLOADS + ONE_PHASE);
  }

  private PlanException error(String target) {
    PlanException e = catchThrowableOfType(() -> load(target), PlanException.class);
    assertThat(e).as("no error for %s", target).isNotNull();
    assertThat(e.getMessage()).startsWith(dir.resolve("plan.yaml") + ":").doesNotContain("\n");
    return e;
  }

  private Path caFile(String resource) throws Exception {
    Path file = dir.resolve("certs").resolve(resource);
    Files.createDirectories(file.getParent());
    try (var in = getClass().getResourceAsStream("/tls/" + resource)) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }

  @Test
  void tritonInferPathIsBuiltFromModelAndVersion() throws Exception {
    Target t =
        load("target:\n  protocol: triton-infer\n  url: http://10.0.0.5:8000\n"
                + "  model: fraud_xgb\n  model-version: 3\n")
            .plan()
            .target();

    assertThat(t.url())
        .isEqualTo(URI.create("http://10.0.0.5:8000/v2/models/fraud_xgb/versions/3/infer"));
    assertThat(t.stream()).isFalse();
    assertThat(t.protocol().isLlm()).isFalse();
  }

  @Test
  void tritonGenerateStreamsByDefaultAndUsesGenerateWhenNot() throws Exception {
    String base = "target:\n  protocol: triton-generate\n  url: http://h:8000/\n  model: llama\n";

    Target streamed = load(base).plan().target();
    Target whole = load(base + "  stream: false\n").plan().target();

    assertThat(streamed.url().getPath()).isEqualTo("/v2/models/llama/generate_stream");
    assertThat(streamed.protocol().isLlm()).isTrue();
    assertThat(whole.url().getPath()).isEqualTo("/v2/models/llama/generate");
  }

  @Test
  void anExplicitPathIsUsedAsWritten() throws Exception {
    Target t =
        load("target:\n  protocol: triton-infer\n  url: http://h/gw/v2/models/m/versions/2/infer\n"
                + "  model: m\n  model-version: \"2\"\n")
            .plan()
            .target();

    assertThat(t.url().getPath()).isEqualTo("/gw/v2/models/m/versions/2/infer");
  }

  @Test
  void urlOverrideGetsTheTritonPathToo() throws Exception {
    String yaml = "target:\n  protocol: triton-infer\n  model: m\n" + PAYLOADS + ONE_PHASE;
    PlanOverrides overrides =
        new PlanOverrides(URI.create("https://sim.example:9443"), null, null, null, null);

    Target t = TestPlans.parse(dir, yaml, overrides).plan().target();

    assertThat(t.url()).isEqualTo(URI.create("https://sim.example:9443/v2/models/m/infer"));
  }

  @Test
  void tritonWithoutModelIsAnError() {
    PlanException e = error("target:\n  protocol: triton-infer\n  url: http://h:8000\n");

    assertThat(e.field()).isEqualTo("target.model");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.problem()).contains("is required for the triton-infer protocol");
  }

  @Test
  void modelVersionMustBeANumberAndOnlyForTriton() {
    PlanException notNumber =
        error("target:\n  protocol: triton-infer\n  url: http://h\n  model: m\n"
            + "  model-version: latest\n");
    PlanException notTriton =
        error("target:\n  protocol: openai-chat\n  url: http://h\n  model-version: 1\n");

    assertThat(notNumber.field()).isEqualTo("target.model-version");
    assertThat(notNumber.line()).isEqualTo(5);
    assertThat(notNumber.column()).isEqualTo(18);
    assertThat(notNumber.problem()).contains("expected a version number", "'latest'");
    assertThat(notTriton.line()).isEqualTo(4);
    assertThat(notTriton.problem())
        .contains("applies only to the triton-infer and triton-generate");
  }

  @Test
  void modelVersionThatTheExplicitPathDoesNotNameIsAnError() {
    PlanException e =
        error("target:\n  protocol: triton-infer\n  url: http://h/v2/models/m/infer\n"
            + "  model: m\n  model-version: 2\n");

    assertThat(e.field()).isEqualTo("target.model-version");
    assertThat(e.problem()).contains("/versions/2");
  }

  @Test
  void modelNamesThatCannotStandInAPathAreRejected() {
    PlanException e = error("target:\n  protocol: triton-infer\n  url: http://h\n  model: a/b\n");

    assertThat(e.field()).isEqualTo("target.model");
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.problem()).contains("not a Triton model name", "'a/b'");
  }

  @Test
  void caFileIsResolvedAgainstThePlanDirectoryAndRead() throws Exception {
    Path ca = caFile("server-cert.pem");

    LoadedPlan loaded =
        load("target:\n  protocol: http\n  url: https://127.0.0.1:8443\n"
            + "  tls: {ca-file: certs/server-cert.pem}\n");

    assertThat(loaded.plan().target().tls()).isEqualTo(new TlsOptions(ca, false));
    assertThat(loaded.plan().target().tls().readCaCertificates()).hasSize(1);
    assertThat(loaded.warnings()).isEmpty();
  }

  @Test
  void missingOrUnreadableCaFileFailsAtItsLine() throws Exception {
    caFile("not-a-certificate.pem");
    Files.writeString(dir.resolve("empty.pem"), "just text\n");

    PlanException missing =
        error("target:\n  protocol: http\n  url: https://h\n  tls:\n    ca-file: nope.pem\n");
    PlanException garbage =
        error("target:\n  protocol: http\n  url: https://h\n  tls:\n"
            + "    ca-file: certs/not-a-certificate.pem\n");
    PlanException noPem =
        error("target:\n  protocol: http\n  url: https://h\n  tls:\n    ca-file: empty.pem\n");

    assertThat(missing.field()).isEqualTo("target.tls.ca-file");
    assertThat(missing.line()).isEqualTo(5);
    assertThat(missing.column()).isEqualTo(14);
    assertThat(missing.problem()).contains("nope.pem does not exist");
    assertThat(garbage.field()).isEqualTo("target.tls.ca-file");
    assertThat(garbage.problem()).contains("not a readable PEM certificate file");
    assertThat(noPem.problem()).contains("holds no PEM certificate");
  }

  @Test
  void insecureIsWarnedAboutLoudlyAndExcludesCaFile() throws Exception {
    caFile("server-cert.pem");
    LoadedPlan loaded =
        load("target:\n  protocol: http\n  url: https://10.1.2.3:8443/score\n"
            + "  tls: {insecure: true}\n");
    PlanException both =
        error("target:\n  protocol: http\n  url: https://h\n"
            + "  tls: {insecure: true, ca-file: certs/server-cert.pem}\n");

    assertThat(loaded.plan().target().tls().verifies()).isFalse();
    assertThat(loaded.warnings())
        .containsExactly("target.tls.insecure: TLS certificate verification is OFF for "
            + "https://10.1.2.3:8443: results are not evidence of a secure deployment");
    assertThat(both.field()).isEqualTo("target.tls.ca-file");
    assertThat(both.problem()).contains("keep only one of the two");
  }

  @Test
  void tlsOnAPlainHttpUrlIsWarnedAboutAndUnknownTlsKeysAreErrors() throws Exception {
    LoadedPlan plain =
        load("target:\n  protocol: http\n  url: http://h\n  tls: {insecure: true}\n");
    PlanException unknown =
        error("target:\n  protocol: http\n  url: https://h\n  tls: {verify: false}\n");

    assertThat(plain.warnings()).singleElement().asString()
        .startsWith("target.tls: has no effect on the http:// URL");
    assertThat(unknown.field()).isEqualTo("target.tls.verify");
    assertThat(unknown.problem()).contains("unknown key", "ca-file, insecure");
  }

  @Test
  void withoutTlsKeysTheSystemTrustStoreIsUsed() throws Exception {
    Target t = load("target:\n  protocol: http\n  url: https://h\n").plan().target();

    assertThat(t.tls()).isEqualTo(TlsOptions.systemDefault());
    assertThat(t.tls().verifies()).isTrue();
  }
}
