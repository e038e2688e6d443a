package io.github.crossarb.cli.command.pairs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.cli.Cli;
import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.RootCommand;
import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.cli.venue.VenueJson;
import io.github.crossarb.core.pair.PairEntry;
import io.github.crossarb.core.pair.PairFingerprint;
import io.github.crossarb.core.pair.PairRegistry;
import io.github.crossarb.core.store.DataFileException;
import io.github.crossarb.core.store.PairsFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Model.CommandSpec;

/** What the pairs commands share: the registry file, one-line errors, JSON and text layout. */
public final class PairsSupport {
  private PairsSupport() {}

  static Path dataDir(CommandSpec spec) {
    return RootCommand.of(spec).configuration().require(Settings.ARB_DATA_DIR);
  }

  /**
   * The registry in the data directory; a malformed file is a configuration error (exit 3) whose
   * one-line message names the file and the entry.
   */
  static PairRegistry read(Path dataDir) {
    try {
      return PairsFile.read(dataDir);
    } catch (DataFileException e) {
      throw new ConfigException(e.getMessage(), e);
    } catch (IOException e) {
      throw new ConfigException("cannot read " + PairsFile.path(dataDir) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Changes the registry under the file's lock (the engine may persist a suspension at the same
   * time). A rule {@code change} breaks comes back as an {@link IllegalArgumentException}, with
   * nothing written.
   */
  static PairRegistry update(Path dataDir, UnaryOperator<PairRegistry> change) {
    try {
      return PairsFile.update(dataDir, change);
    } catch (DataFileException e) {
      throw new ConfigException(e.getMessage(), e);
    } catch (IOException e) {
      throw new ConfigException("cannot update " + PairsFile.path(dataDir) + ": " + e.getMessage(), e);
    }
  }

  /** Prints a one-line error and returns the exit code for a failure that is not a crash. */
  static int fail(CommandSpec spec, String message) {
    Cli.printError(spec.commandLine(), message);
    return ExitCodes.FAILURE;
  }

  public static ObjectNode entry(PairEntry entry) {
    ObjectNode o = VenueJson.MAPPER.createObjectNode()
        .put("id", entry.id())
        .put("status", lower(entry.status()))
        .put("statusReason", entry.statusReason())
        .put("relation", lower(entry.relation()))
        .put("kalshiTicker", entry.kalshiTicker())
        .put("polymarketConditionId", entry.polymarket().conditionId())
        .put("polymarketYesToken", entry.polymarket().yesTokenId())
        .put("polymarketNoToken", entry.polymarket().noTokenId())
        .put("approvedBy", entry.approvedBy())
        .put("approvedAt", entry.approvedAt().toString());
    o.set("fingerprint", fingerprint(entry.fingerprint()));
    return o;
  }

  static ObjectNode fingerprint(PairFingerprint f) {
    return VenueJson.MAPPER.createObjectNode()
        .put("hash", f.hash())
        .put("kalshiRulesSha256", f.kalshiRulesSha256())
        .put("kalshiCloseTime", text(f.kalshiCloseTime()))
        .put("polymarketRulesSha256", f.polymarketRulesSha256())
        .put("polymarketCloseTime", text(f.polymarketCloseTime()));
  }

  static void printJson(PrintWriter out, JsonNode node) {
    try {
      out.println(VenueJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  static String text(Object value) {
    return value == null ? null : value.toString();
  }

  /** The first 12 hex digits of a fingerprint hash, enough to compare at a glance. */
  static String shortHash(PairFingerprint f) {
    return f.hash().substring(0, 12);
  }

  /** Two texts side by side in columns of {@code width}, each wrapped at word boundaries. */
  static List<String> sideBySide(String leftTitle, String left, String rightTitle, String right, int width) {
    List<String> a = wrap(left == null || left.isBlank() ? "(no rules text)" : left, width);
    List<String> b = wrap(right == null || right.isBlank() ? "(no rules text)" : right, width);
    List<String> lines = new ArrayList<>();
    lines.add(pad(leftTitle, width) + " | " + rightTitle);
    lines.add("-".repeat(width) + "-+-" + "-".repeat(width));
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      String l = i < a.size() ? a.get(i) : "";
      String r = i < b.size() ? b.get(i) : "";
      lines.add((pad(l, width) + " | " + r).stripTrailing());
    }
    return lines;
  }

  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.strip().split("\\R", -1)) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.strip().split("\\s+")) {
        if (word.isEmpty()) {
          continue;
        }
        while (word.length() > width) { // a long token (a URL, an id) is cut, not allowed to overflow
          if (line.length() > 0) {
            lines.add(line.toString());
            line.setLength(0);
          }
          lines.add(word.substring(0, width));
          word = word.substring(width);
        }
        if (line.length() > 0 && line.length() + 1 + word.length() > width) {
          lines.add(line.toString());
          line.setLength(0);
        }
        if (line.length() > 0) {
          line.append(' ');
        }
        line.append(word);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }
}
