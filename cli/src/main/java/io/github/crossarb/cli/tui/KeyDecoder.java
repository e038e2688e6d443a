package io.github.crossarb.cli.tui;

/** Terminal input to {@link Key}s: single characters, and the rest of an escape sequence after ESC. */
final class KeyDecoder {
  private KeyDecoder() {}

  /** A key from one character (not ESC); null for a control character the dashboard ignores. */
  static Key single(int c) {
    switch (c) {
      case '\r':
      case '\n':
        return Key.ENTER;
      case '\t':
        return Key.TAB;
      case 127:
      case 8:
        return Key.BACKSPACE;
      default:
        return c >= 0x20 && c < 0x7f ? Key.of((char) c) : null;
    }
  }

  /**
   * The key for an escape sequence without its ESC ({@code [A}, {@code OA}, {@code [5~} ...); null
   * for one the dashboard does not use.
   */
  static Key sequence(String seq) {
    switch (seq) {
      case "[A":
      case "OA":
        return Key.UP;
      case "[B":
      case "OB":
        return Key.DOWN;
      case "[5~":
        return Key.PAGE_UP;
      case "[6~":
        return Key.PAGE_DOWN;
      case "[H":
      case "OH":
      case "[1~":
      case "[7~":
        return Key.HOME;
      case "[F":
      case "OF":
      case "[4~":
      case "[8~":
        return Key.END;
      case "[Z":
        return Key.TAB; // Shift-Tab: cycling either way is fine with three panes
      default:
        return null;
    }
  }
}
