package io.github.crossarb.cli.tui;

import java.util.ArrayList;
import java.util.List;

/**
 * One screen line under construction: text segments, each with a style. Only printable ASCII is
 * kept (anything else becomes {@code ?}, tabs and line breaks a space), so a character is one
 * column on every terminal and the width is the length. Rendered with ANSI SGR codes, or plain.
 */
final class Styled {
  /** Styles, as SGR parameters. */
  enum Style {
    PLAIN(""),
    BOLD("1"),
    DIM("2"),
    REVERSE("7"),
    RED("31"),
    GREEN("32"),
    YELLOW("33"),
    CYAN("36"),
    TITLE("1;36"),
    ALERT("1;37;41");

    final String sgr;

    Style(String sgr) {
      this.sgr = sgr;
    }
  }

  private final List<String> texts = new ArrayList<>();
  private final List<Style> styles = new ArrayList<>();
  private int length;

  static Styled of(String text) {
    return new Styled().add(text);
  }

  static Styled of(String text, Style style) {
    return new Styled().add(text, style);
  }

  Styled add(String text) {
    return add(text, Style.PLAIN);
  }

  Styled add(String text, Style style) {
    String clean = sanitize(text);
    if (!clean.isEmpty()) {
      texts.add(clean);
      styles.add(style);
      length += clean.length();
    }
    return this;
  }

  /** Appends {@code other}'s segments. */
  Styled add(Styled other) {
    for (int i = 0; i < other.texts.size(); i++) {
      texts.add(other.texts.get(i));
      styles.add(other.styles.get(i));
    }
    length += other.length;
    return this;
  }

  /** {@code text} cut or padded to exactly {@code width} columns, right-aligned if asked. */
  Styled cell(String text, int width, boolean right, Style style) {
    return add(fit(sanitize(text), width, right), style);
  }

  /** Pads with spaces to {@code column}. */
  Styled padTo(int column) {
    if (column > length) {
      add(" ".repeat(column - length));
    }
    return this;
  }

  int length() {
    return length;
  }

  /** A copy cut or padded to exactly {@code width} columns. */
  Styled fitTo(int width) {
    Styled out = new Styled();
    int room = width;
    for (int i = 0; i < texts.size() && room > 0; i++) {
      String t = texts.get(i);
      String part = t.length() <= room ? t : t.substring(0, room);
      out.add(part, styles.get(i));
      room -= part.length();
    }
    return out.padTo(width);
  }

  /** At most {@code width} columns; plain text without {@code colour}, trailing spaces dropped. */
  String render(int width, boolean colour) {
    StringBuilder sb = new StringBuilder();
    int room = Math.max(0, width);
    int last = lastVisible();
    for (int i = 0; i <= last && room > 0; i++) {
      String t = texts.get(i);
      String part = t.length() <= room ? t : t.substring(0, room);
      room -= part.length();
      if (i == last && (styles.get(i) == Style.PLAIN || !colour)) {
        part = stripEnd(part);
      }
      Style s = styles.get(i);
      if (colour && s != Style.PLAIN && !part.isEmpty()) {
        sb.append("\u001b[").append(s.sgr).append('m').append(part).append("\u001b[0m");
      } else {
        sb.append(part);
      }
    }
    return colour ? sb.toString() : stripEnd(sb.toString());
  }

  /** The last segment that is not only plain spaces (styled spaces, e.g. a bar, count in colour). */
  private int lastVisible() {
    for (int i = texts.size() - 1; i >= 0; i--) {
      if (styles.get(i) != Style.PLAIN || !texts.get(i).isBlank()) {
        return i;
      }
    }
    return -1;
  }

  static String fit(String text, int width, boolean right) {
    if (width <= 0) {
      return "";
    }
    if (text.length() >= width) {
      return text.substring(0, width);
    }
    String pad = " ".repeat(width - text.length());
    return right ? pad + text : text + pad;
  }

  static String sanitize(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char r = c >= 0x20 && c < 0x7f ? c : c == '\t' || c == '\n' || c == '\r' ? ' ' : '?';
      if (r != c && sb == null) {
        sb = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (sb != null) {
        sb.append(r);
      }
    }
    return sb == null ? text : sb.toString();
  }

  private static String stripEnd(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(0, end);
  }
}
