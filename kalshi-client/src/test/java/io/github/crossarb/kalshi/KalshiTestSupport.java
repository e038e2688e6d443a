package io.github.crossarb.kalshi;

import io.github.crossarb.kalshi.auth.KalshiCredentials;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Test-only keys (src/test/resources/keys/test-only-*) and small helpers. */
public final class KalshiTestSupport {
  public static final String KEY_ID = "a952bcbe-ec3b-4b5b-b8f9-11dae589608c";

  private KalshiTestSupport() {}

  public static String resource(String path) {
    try (InputStream in = KalshiTestSupport.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String pkcs1Pem() {
    return resource("keys/test-only-kalshi-pkcs1.pem");
  }

  public static String pkcs8Pem() {
    return resource("keys/test-only-kalshi-pkcs8.pem");
  }

  public static KalshiCredentials credentials() {
    return KalshiCredentials.fromPem(KEY_ID, pkcs1Pem());
  }

  public static PublicKey publicKey() {
    String pem = resource("keys/test-only-kalshi-public.pem");
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits for {@code future} at most 10 s; a failure is rethrown as its cause. */
  public static <T> T await(Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** The failure of {@code future} (which must fail within 10 s). */
  public static Throwable failure(Future<?> future) throws Exception {
    try {
      Object value = future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, got " + value);
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }
}
