package dev.harness.protocol;

import dev.harness.config.TlsOptions;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The trust manager for a target's {@link TlsOptions}, shared by the load engine (Netty) and the
 * readiness check (JDK HTTP client) so both judge a certificate the same way.
 *
 * <ul>
 *   <li>default: the JDK's default trust manager (its {@code cacerts}, or {@code
 *       javax.net.ssl.trustStore} when set);
 *   <li>with a CA file: one trust store holding the default trust manager's accepted issuers and
 *       the file's certificates, so either may anchor the chain;
 *   <li>insecure: a trust manager that accepts any chain. Being an {@link
 *       X509ExtendedTrustManager}, it also skips the host name check the JDK would otherwise add
 *       around a plain {@link X509TrustManager}.
 * </ul>
 *
 * Host name verification itself is switched on by the caller (endpoint identification algorithm
 * {@code HTTPS}) unless the options are insecure.
 */
public final class TlsTrust {

  private TlsTrust() {}

  /**
   * The trust manager for {@code tls}.
   *
   * @throws IOException when the CA file cannot be read, or the trust store cannot be built
   */
  public static X509TrustManager trustManager(TlsOptions tls) throws IOException {
    if (tls.insecure()) {
      return new TrustAll();
    }
    try {
      X509TrustManager system = fromKeyStore(null);
      List<X509Certificate> extra = tls.readCaCertificates();
      if (extra.isEmpty()) {
        return system;
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int n = 0;
      for (X509Certificate c : system.getAcceptedIssuers()) {
        store.setCertificateEntry("system-" + n++, c);
      }
      for (X509Certificate c : extra) {
        store.setCertificateEntry("ca-file-" + n++, c);
      }
      return fromKeyStore(store);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot build the TLS trust store: " + e.getMessage(), e);
    }
  }

  /** A client {@link SSLContext} (for the JDK HTTP client) trusting what {@code tls} trusts. */
  public static SSLContext sslContext(TlsOptions tls) throws IOException {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustManager(tls)}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static X509TrustManager fromKeyStore(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager tm : factory.getTrustManagers()) {
      if (tm instanceof X509TrustManager) {
        return (X509TrustManager) tm;
      }
    }
    throw new GeneralSecurityException("no X.509 trust manager in " + factory.getAlgorithm());
  }

  /** Accepts every certificate chain, for every host: {@code tls.insecure: true}. */
  private static final class TrustAll extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
