package io.github.crossarb.cli.config;

import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Quantity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The parsers behind {@link Settings}. Messages say what is expected; those for secrets never
 * quote the text they were given.
 */
final class ValueParsers {
  private static final Pattern UUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern HEX_64 = Pattern.compile("(0[xX])?[0-9a-fA-F]{64}");
  private static final Pattern ADDRESS = Pattern.compile("0[xX][0-9a-fA-F]{40}");
  private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,18}");
  private static final Pattern PEM_PRIVATE_KEY = Pattern.compile(
      "-----BEGIN ([A-Z]+ )?PRIVATE KEY-----.+-----END ([A-Z]+ )?PRIVATE KEY-----", Pattern.DOTALL);
  /** Order of secp256k1: a Polygon private key is an integer in [1, n-1]. */
  private static final BigInteger SECP256K1_N =
      new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);

  private ValueParsers() {}

  static Path path(String text) {
    return Path.of(text);
  }

  static String uuid(String text) {
    if (!UUID.matcher(text).matches()) {
      throw new IllegalArgumentException("not a UUID (8-4-4-4-12 hex digits): \"" + text + "\"");
    }
    return text;
  }

  /** Base64 of a PEM private key; the value is the PEM text. Line breaks from `base64` are fine. */
  static Secret base64Pem(String text) {
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(text.replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      // The decoder's message quotes the offending character; that would be part of the secret.
      throw new IllegalArgumentException("not valid base64");
    }
    String pem = new String(decoded, StandardCharsets.ISO_8859_1);
    requirePrivateKeyPem(pem, "does not decode to a PEM private key (-----BEGIN ... PRIVATE KEY-----)");
    return Secret.of(pem);
  }

  /** Path to a PEM private key file; read once now so a wrong path fails at startup. */
  static Path pemFile(String text) {
    Path file = Path.of(text);
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("file " + file + " does not exist");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + " is not a regular file");
    }
    String pem;
    try {
      pem = Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getClass().getSimpleName(), e);
    }
    requirePrivateKeyPem(pem, "file " + file + " is not a PEM private key (-----BEGIN ... PRIVATE KEY-----)");
    return file;
  }

  private static void requirePrivateKeyPem(String pem, String problem) {
    if (!PEM_PRIVATE_KEY.matcher(pem).find()) {
      throw new IllegalArgumentException(problem);
    }
    if (pem.contains("ENCRYPTED PRIVATE KEY")) {
      throw new IllegalArgumentException("encrypted private keys are not supported; export the key without a passphrase");
    }
  }

  /** A Polygon (secp256k1) private key: 64 hex digits, optionally 0x-prefixed; kept as 0x + lower case. */
  static Secret polygonPrivateKey(String text) {
    if (!HEX_64.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "must be 64 hex digits, optionally prefixed with 0x (got " + text.length() + " characters)");
    }
    String hex = text.length() == 66 ? text.substring(2) : text;
    BigInteger key = new BigInteger(hex, 16);
    if (key.signum() == 0 || key.compareTo(SECP256K1_N) >= 0) {
      throw new IllegalArgumentException("out of range for a secp256k1 private key");
    }
    return Secret.of("0x" + hex.toLowerCase(Locale.ROOT));
  }

  static String address(String text) {
    if (!ADDRESS.matcher(text).matches()) {
      throw new IllegalArgumentException("not an address (0x and 40 hex digits): \"" + text + "\"");
    }
    return text;
  }

  static Money positiveMoney(String text) {
    Money money = Money.parse(text);
    if (!money.isPositive()) {
      throw new IllegalArgumentException("must be positive dollars, was \"" + text + "\"");
    }
    return money;
  }

  static Money nonNegativeMoney(String text) {
    Money money = Money.parse(text);
    if (money.isNegative()) {
      throw new IllegalArgumentException("must be zero or more dollars, was \"" + text + "\"");
    }
    return money;
  }

  static Quantity positiveQuantity(String text) {
    Quantity quantity = Quantity.parse(text);
    if (quantity.isZero()) {
      throw new IllegalArgumentException("must be more than zero contracts, was \"" + text + "\"");
    }
    return quantity;
  }

  /** A fraction in [0, 1) such as {@code 0.005} (0.5%), exact to 6 decimals like all amounts. */
  static BigDecimal fraction(String text) {
    long micros = Fixed.parse(text);
    if (micros < 0 || micros >= Fixed.SCALE) {
      throw new IllegalArgumentException("must be a fraction from 0 up to (not including) 1, was \"" + text + "\"");
    }
    return Fixed.toBigDecimal(micros);
  }

  static Integer positiveInt(String text) {
    long value = wholeNumber(text);
    if (value < 1 || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("must be a whole number from 1 to " + Integer.MAX_VALUE + ", was \"" + text + "\"");
    }
    return (int) value;
  }

  static Duration positiveMillis(String text) {
    long millis = wholeNumber(text);
    if (millis < 1) {
      throw new IllegalArgumentException("must be at least 1 millisecond, was \"" + text + "\"");
    }
    return Duration.ofMillis(millis);
  }

  /** One of {@code allowed}, case-insensitive, as written there. */
  static String oneOf(String text, String... allowed) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String option : allowed) {
      if (option.equals(lower)) {
        return option;
      }
    }
    throw new IllegalArgumentException("must be one of " + String.join(", ", allowed) + ", was \"" + text + "\"");
  }

  static String httpUrl(String text) {
    return url(text, "http", "https");
  }

  static String webSocketUrl(String text) {
    return url(text, "ws", "wss");
  }

  private static String url(String text, String plain, String secure) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: \"" + text + "\"");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals(plain) || scheme.equals(secure)) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "must be a " + plain + ":// or " + secure + ":// URL with a host, was \"" + text + "\"");
    }
    return text;
  }

  /** An http(s) URL that is a credential (a webhook's): checked like {@link #httpUrl}, never quoted. */
  static Secret secretHttpUrl(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException("must be an http:// or https:// URL with a host");
    }
    return Secret.of(text);
  }

  private static final Pattern TELEGRAM_TOKEN = Pattern.compile("[0-9]{1,20}:[A-Za-z0-9_-]{20,100}");
  private static final Pattern TELEGRAM_CHAT = Pattern.compile("-?[0-9]{1,20}|@[A-Za-z][A-Za-z0-9_]{3,64}");
  private static final Pattern BEARER_TOKEN = Pattern.compile("[A-Za-z0-9._~+/=-]{1,512}");

  /** A Telegram bot token, {@code DIGITS:KEY}; never quoted. */
  static Secret telegramToken(String text) {
    if (!TELEGRAM_TOKEN.matcher(text).matches()) {
      throw new IllegalArgumentException("not a Telegram bot token (digits, ':', then the key @BotFather gave)");
    }
    return Secret.of(text);
  }

  static String telegramChatId(String text) {
    if (!TELEGRAM_CHAT.matcher(text).matches()) {
      throw new IllegalArgumentException("expected a numeric chat id or @channelname, was \"" + text + "\"");
    }
    return text;
  }

  /** A token sent as {@code Authorization: Bearer ...}: header-safe characters only; never quoted. */
  static Secret bearerToken(String text) {
    if (!BEARER_TOKEN.matcher(text).matches()) {
      throw new IllegalArgumentException("not a token (letters, digits and . _ ~ + / = - only)");
    }
    return Secret.of(text);
  }

  /** Polymarket's signature type: 0 (EOA), 1 (proxy) or 2 (Safe). */
  static Integer polymarketSignatureType(String text) {
    return switch (text) {
      case "0", "1", "2" -> Integer.valueOf(text);
      default -> throw new IllegalArgumentException("expected 0 (EOA), 1 (proxy) or 2 (Safe)");
    };
  }

  static Boolean bool(String text) {
    return Boolean.valueOf(oneOf(text, "true", "false"));
  }

  /** {@code pair=parallel|sequential} entries, comma-separated; kept as written once valid. */
  static String pairPolicies(String text) {
    for (String entry : text.split(",", -1)) {
      int eq = entry.indexOf('=');
      if (eq <= 0 || entry.substring(0, eq).isBlank()) {
        throw new IllegalArgumentException("expected PAIR_ID=parallel|sequential, was \"" + entry.strip() + "\"");
      }
      oneOf(entry.substring(eq + 1).strip(), "parallel", "sequential");
    }
    return text;
  }

  /** {@code HOST:PORT}, the port 0..65535 (0: any free port, for tests). */
  static String hostPort(String text) {
    int colon = text.lastIndexOf(':');
    String host = colon <= 0 ? "" : text.substring(0, colon);
    if (host.isBlank() || host.contains(" ")) {
      throw new IllegalArgumentException("expected HOST:PORT, was \"" + text + "\"");
    }
    long port = wholeNumber(text.substring(colon + 1));
    if (port > 65535) {
      throw new IllegalArgumentException("port out of range in \"" + text + "\"");
    }
    return text;
  }

  /** {@code HOST:PORT} for the web server, or {@code off} (kept as {@code off}). */
  static String webListen(String text) {
    return text.strip().equalsIgnoreCase("off") ? "off" : hostPort(text);
  }

  /** The web token; the message never quotes it. */
  static Secret webToken(String text) {
    if (text.length() < 32) {
      throw new IllegalArgumentException("must be at least 32 characters (e.g. openssl rand -hex 32), was "
          + text.length());
    }
    return Secret.of(text);
  }

  /** The link secret; the message never quotes it. */
  static Secret linkSecret(String text) {
    if (text.length() < 32) {
      throw new IllegalArgumentException("must be at least 32 characters (e.g. openssl rand -base64 32), was "
          + text.length());
    }
    return Secret.of(text);
  }

  /** A file that exists and can be read (a certificate). */
  static Path readableFile(String text) {
    Path file = Path.of(text);
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IllegalArgumentException("file " + file + " does not exist or cannot be read");
    }
    return file;
  }

  /** Venue names, comma-separated, each once; kept normalised (lower case, no blanks). */
  static String venueList(String text) {
    List<String> venues = new ArrayList<>();
    for (String entry : text.split(",", -1)) {
      String venue = oneOf(entry.strip(), "kalshi", "polymarket");
      if (venues.contains(venue)) {
        throw new IllegalArgumentException(venue + " is listed twice");
      }
      venues.add(venue);
    }
    return String.join(",", venues);
  }

  /** Instrument ids, prefixes ending in {@code *}, or {@code *}; comma-separated; kept normalised. */
  static String marketPatterns(String text) {
    List<String> patterns = new ArrayList<>();
    for (String entry : text.split(",", -1)) {
      String pattern = entry.strip();
      boolean wellFormed = pattern.equals("*") || pattern.matches("(KALSHI|POLYMARKET):[A-Za-z0-9._-]*\\*?");
      if (!wellFormed || pattern.equals("KALSHI:") || pattern.equals("POLYMARKET:")) {
        throw new IllegalArgumentException("expected KALSHI:TICKER, POLYMARKET:TOKEN_ID, a prefix ending in * or *, "
            + "was \"" + pattern + "\"");
      }
      patterns.add(pattern);
    }
    return String.join(",", patterns);
  }

  /** A trader's name on the link. */
  static String traderId(String text) {
    if (!text.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException("expected 1 to 64 letters, digits, '.', '_' or '-', was \"" + text + "\"");
    }
    return text;
  }

  private static long wholeNumber(String text) {
    if (!WHOLE_NUMBER.matcher(text).matches()) {
      throw new IllegalArgumentException("not a whole number: \"" + text + "\"");
    }
    return Long.parseLong(text);
  }
}
