package io.github.crossarb.cli.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The samples of a Prometheus text exposition (version 0.0.4), parsed: {@code name{k="v",...} value}
 * per line, comments skipped. Enough to assert on series and values rather than on substrings.
 */
public record PrometheusText(List<Sample> samples) {
  public record Sample(String name, Map<String, String> labels, double value) {}

  public static PrometheusText parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int space;
      String name;
      Map<String, String> labels = new LinkedHashMap<>();
      if (brace >= 0 && brace < line.indexOf(' ')) {
        name = line.substring(0, brace);
        int i = brace + 1;
        while (line.charAt(i) != '}') {
          int eq = line.indexOf('=', i);
          String key = line.substring(i, eq);
          if (line.charAt(eq + 1) != '"') {
            throw new IllegalArgumentException("label value not quoted: " + line);
          }
          StringBuilder value = new StringBuilder();
          int j = eq + 2;
          while (line.charAt(j) != '"') {
            if (line.charAt(j) == '\\') {
              j++;
              value.append(line.charAt(j) == 'n' ? '\n' : line.charAt(j));
            } else {
              value.append(line.charAt(j));
            }
            j++;
          }
          labels.put(key, value.toString());
          i = j + 1;
          if (line.charAt(i) == ',') {
            i++;
          }
        }
        space = i + 1;
      } else {
        space = line.indexOf(' ');
        name = line.substring(0, space);
      }
      String[] rest = line.substring(space).trim().split(" ");
      samples.add(new Sample(name, Map.copyOf(labels), parseValue(rest[0])));
    }
    return new PrometheusText(List.copyOf(samples));
  }

  private static double parseValue(String text) {
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }

  /** The one sample of {@code name} whose labels include {@code labels} (alternating keys and values). */
  public Optional<Double> value(String name, String... labels) {
    List<Sample> found = find(name, labels);
    if (found.size() > 1) {
      throw new AssertionError("more than one " + name + " with " + List.of(labels) + ": " + found);
    }
    return found.stream().findFirst().map(Sample::value);
  }

  public List<Sample> find(String name, String... labels) {
    List<Sample> found = new ArrayList<>();
    outer:
    for (Sample s : samples) {
      if (!s.name().equals(name)) {
        continue;
      }
      for (int i = 0; i < labels.length; i += 2) {
        if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
          continue outer;
        }
      }
      found.add(s);
    }
    return found;
  }
}
