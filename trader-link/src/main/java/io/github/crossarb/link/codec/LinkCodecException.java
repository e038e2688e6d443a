package io.github.crossarb.link.codec;

/**
 * A link frame or message that could not be read (or written). The message is one line and quotes
 * at most a short prefix of the input, so a hostile frame cannot flood a log.
 */
public final class LinkCodecException extends Exception {
  private static final long serialVersionUID = 1L;
  /** The most characters of foreign input a message may quote. */
  static final int MAX_QUOTE = 40;

  public LinkCodecException(String message) {
    super(oneLine(message, 300));
  }

  public LinkCodecException(String message, Throwable cause) {
    super(oneLine(message, 300), cause);
  }

  /** {@code text} cut to {@link #MAX_QUOTE} characters, control characters replaced: safe to quote. */
  static String quote(String text) {
    if (text == null) {
      return "null";
    }
    return "\"" + oneLine(text, MAX_QUOTE) + "\"";
  }

  static String oneLine(String text, int max) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 3);
    for (int i = 0; i < text.length() && out.length() < max; i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '?' : c);
    }
    if (text.length() > max) {
      out.append("...");
    }
    return out.toString();
  }
}
