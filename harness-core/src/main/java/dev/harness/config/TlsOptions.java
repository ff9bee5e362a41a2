package dev.harness.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * How an {@code https://} target's certificate is checked ({@code target.tls}). By default the
 * JDK's trust store (the system's CA certificates) decides and the host name must match the
 * certificate. An extra CA file adds its certificates to that trust store; {@code insecure} turns
 * every check off, certificate and host name alike.
 *
 * @param caFile PEM file of extra trusted CA certificates, or null
 * @param insecure trust any certificate for any host name (loudly warned about at load time)
 */
public record TlsOptions(Path caFile, boolean insecure) {

  private static final String PEM_BEGIN = "-----BEGIN CERTIFICATE-----";

  public TlsOptions {
    if (caFile != null && insecure) {
      throw new IllegalArgumentException(
          "insecure already trusts every certificate; drop either ca-file or insecure");
    }
  }

  /** The JDK's trust store, host names verified. */
  public static TlsOptions systemDefault() {
    return new TlsOptions(null, false);
  }

  /** Whether certificates and host names are checked. */
  public boolean verifies() {
    return !insecure;
  }

  /**
   * The certificates of {@link #caFile()}; empty when there is none.
   *
   * @throws IOException when the file cannot be read or holds no PEM certificate
   */
  public List<X509Certificate> readCaCertificates() throws IOException {
    return caFile == null ? List.of() : readPem(caFile);
  }

  /**
   * Every {@code BEGIN CERTIFICATE} block of a PEM file, parsed as X.509.
   *
   * @throws IOException naming the file when it cannot be read or holds no certificate
   */
  public static List<X509Certificate> readPem(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (!new String(bytes, StandardCharsets.US_ASCII).contains(PEM_BEGIN)) {
      throw new IOException(file + " holds no PEM certificate (no '" + PEM_BEGIN + "' line)");
    }
    List<X509Certificate> certificates = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (Certificate c : factory.generateCertificates(new ByteArrayInputStream(bytes))) {
        certificates.add((X509Certificate) c);
      }
    } catch (CertificateException e) {
      throw new IOException(file + " is not a readable PEM certificate file: " + e.getMessage(), e);
    }
    if (certificates.isEmpty()) {
      throw new IOException(file + " holds no PEM certificate");
    }
    return List.copyOf(certificates);
  }
}
