package io.github.crossarb.cli.tui;

/**
 * One key press, as the terminal loop decodes it: a printable character, or a named key.
 *
 * @param ch the character for {@link Kind#CHAR}, else 0
 */
public record Key(Kind kind, char ch) {
  /** The keys the dashboard tells apart. */
  public enum Kind { CHAR, ENTER, ESCAPE, BACKSPACE, TAB, UP, DOWN, PAGE_UP, PAGE_DOWN, HOME, END }

  public static final Key ENTER = new Key(Kind.ENTER, '\0');
  public static final Key ESCAPE = new Key(Kind.ESCAPE, '\0');
  public static final Key BACKSPACE = new Key(Kind.BACKSPACE, '\0');
  public static final Key TAB = new Key(Kind.TAB, '\0');
  public static final Key UP = new Key(Kind.UP, '\0');
  public static final Key DOWN = new Key(Kind.DOWN, '\0');
  public static final Key PAGE_UP = new Key(Kind.PAGE_UP, '\0');
  public static final Key PAGE_DOWN = new Key(Kind.PAGE_DOWN, '\0');
  public static final Key HOME = new Key(Kind.HOME, '\0');
  public static final Key END = new Key(Kind.END, '\0');

  public Key {
    if ((kind == Kind.CHAR) == (ch == '\0')) {
      throw new IllegalArgumentException("a CHAR key has a character, and only it has one");
    }
  }

  /** A printable character key. */
  public static Key of(char ch) {
    return new Key(Kind.CHAR, ch);
  }

  /** Whether this is the character {@code c}. */
  public boolean is(char c) {
    return kind == Kind.CHAR && ch == c;
  }
}
