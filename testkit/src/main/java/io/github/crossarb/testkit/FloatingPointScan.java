package io.github.crossarb.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds binary floating point in Java sources: the two primitive types and their boxes (as words,
 * and inside identifiers in code, e.g. Jackson's {@code asX()}), their conversions, and floating
 * literals in code. Shared by the tests of every module whose money must stay exact. The
 * forbidden words are spelled in pieces here so that this file would pass its own scan.
 */
public final class FloatingPointScan {
  public static final String D = "d" + "ouble";
  public static final String F = "f" + "loat";
  /** The primitive and boxed type names as whole words, and the usual conversions. */
  private static final Pattern FORBIDDEN_WORD = Pattern.compile(
      "(?i)\\b(?:" + D + "|" + F + ")\\b|" + D + "Value|" + F + "Value|parse" + cap(D) + "|parse" + cap(F));
  /** The boxed names inside identifiers in code, which the whole-word check misses: asX(), XStream, isXingPoint(). */
  private static final Pattern EMBEDDED_NAME = Pattern.compile(cap(D) + "|" + cap(F));
  /** A floating literal in code (after comments and strings are removed): 1.5, 2e3, 3f, 4d. */
  private static final Pattern FLOATING_LITERAL = Pattern.compile(
      "(?<![\\w.])(?:\\d[\\d_]*\\.\\d|\\.\\d|\\d[\\d_]*[eE][+-]?\\d|\\d[\\d_]*[fFdD]\\b)");

  /** What a scan looked at (file names) and what it found (path relative to the module, finding). */
  public record Result(List<String> scanned, List<String> problems) {}

  private FloatingPointScan() {}

  public static String cap(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** The module the tests run in (Maven's {@code basedir}). */
  public static Path module() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
  }

  /** Scans every {@code .java} file under {@code roots}; a missing root is an error, not an empty scan. */
  public static Result scan(List<Path> roots) {
    List<String> scanned = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        throw new IllegalArgumentException("sources must be where the scan looks: " + root);
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
          scanned.add(file.getFileName().toString());
          for (String finding : findings(Files.readString(file, StandardCharsets.UTF_8))) {
            problems.add(module().relativize(file) + " " + finding);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Result(scanned, problems);
  }

  public static List<String> findings(String source) {
    List<String> out = new ArrayList<>();
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = FORBIDDEN_WORD.matcher(lines[i]);
      if (m.find()) {
        out.add("line " + (i + 1) + ": \"" + m.group() + "\" in: " + lines[i].trim());
      }
    }
    String code = stripCommentsAndLiterals(source);
    String[] codeLines = code.split("\n", -1);
    for (int i = 0; i < codeLines.length; i++) {
      Matcher e = EMBEDDED_NAME.matcher(codeLines[i]);
      if (e.find() && !FORBIDDEN_WORD.matcher(lines[i]).find()) {
        out.add("line " + (i + 1) + ": \"" + e.group() + "\" in: " + codeLines[i].trim());
      }
    }
    Matcher m = FLOATING_LITERAL.matcher(code);
    while (m.find()) {
      out.add("floating literal \"" + m.group() + "\"");
    }
    return out;
  }

  /** Blanks out comments and string/char literals, keeping line breaks. */
  static String stripCommentsAndLiterals(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
        while (i < n && s.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        int end = s.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        for (int k = i; k < end; k++) {
          if (s.charAt(k) == '\n') {
            out.append('\n');
          }
        }
        i = end;
      } else if (s.startsWith("\"\"\"", i)) {
        int end = s.indexOf("\"\"\"", i + 3);
        end = end < 0 ? n : end + 3;
        for (int k = i; k < end; k++) {
          if (s.charAt(k) == '\n') {
            out.append('\n');
          }
        }
        out.append("\"\"");
        i = end;
      } else if (c == '"' || c == '\'') {
        int k = i + 1;
        while (k < n && s.charAt(k) != c && s.charAt(k) != '\n') {
          k += s.charAt(k) == '\\' ? 2 : 1;
        }
        out.append(c).append(c);
        i = Math.min(n, k + 1);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
