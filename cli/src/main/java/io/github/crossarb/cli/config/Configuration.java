package io.github.crossarb.cli.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The effective value of every {@link Settings setting} and where it came from. Each setting is
 * taken from the first layer that gives it a non-blank value: command-line flags, then the
 * environment, then {@code $ARB_DATA_DIR/config.properties} (Java properties, UTF-8, keys are the
 * environment variable names), then the setting's default. Values are trimmed. Everything is
 * parsed and checked up front, so a command that got a {@code Configuration} can trust it.
 */
public final class Configuration {
  /** The optional file inside the data directory. */
  public static final String FILE_NAME = "config.properties";

  /**
   * One line of {@code config} output, safe to print.
   *
   * @param key the setting's key
   * @param value the text as given, {@code ***} for a secret, or null when unset
   * @param source where the value came from ({@link Source#NONE} when unset)
   */
  public record Entry(String key, String value, Source source) {}

  private record Raw(String text, Source source) {}

  private final Path file;
  private final Map<Setting<?>, Object> values;
  private final Map<Setting<?>, Raw> raws;

  private Configuration(Path file, Map<Setting<?>, Object> values, Map<Setting<?>, Raw> raws) {
    this.file = file;
    this.values = values;
    this.raws = raws;
  }

  /**
   * Resolves every setting.
   *
   * @param flags values given on the command line, by key
   * @param environment the process environment (injected so tests never read the real one)
   * @throws ConfigException for an unknown key, an unreadable config file or an invalid value
   */
  public static Configuration resolve(Map<String, String> flags, Map<String, String> environment) {
    Objects.requireNonNull(flags, "flags");
    Objects.requireNonNull(environment, "environment");
    for (String key : flags.keySet()) {
      if (Settings.find(key).isEmpty()) {
        throw new ConfigException("unknown setting '" + key + "' given as a flag");
      }
    }
    // The data directory locates the file, so only flags, the environment and the default count.
    Raw dataDirRaw = firstPresent(Settings.ARB_DATA_DIR, flags, environment, Map.of(), null)
        .orElseThrow();
    Path dataDir = parse(Settings.ARB_DATA_DIR, dataDirRaw);
    Path file = dataDir.resolve(FILE_NAME);
    Map<String, String> fileValues = readFile(file);

    Map<Setting<?>, Object> values = new HashMap<>();
    Map<Setting<?>, Raw> raws = new HashMap<>();
    values.put(Settings.ARB_DATA_DIR, dataDir);
    raws.put(Settings.ARB_DATA_DIR, dataDirRaw);
    for (Setting<?> setting : Settings.all()) {
      if (setting != Settings.ARB_DATA_DIR) {
        firstPresent(setting, flags, environment, fileValues, Source.file(file)).ifPresent(raw -> {
          values.put(setting, parse(setting, raw));
          raws.put(setting, raw);
        });
      }
    }
    Configuration config = new Configuration(file, values, raws);
    Settings.checkCombinations(config);
    return config;
  }

  /** The value of {@code setting}, empty when no layer sets it and it has no default. */
  public <T> Optional<T> get(Setting<T> setting) {
    requireRegistered(setting);
    return Optional.ofNullable(setting.type().cast(values.get(setting)));
  }

  /**
   * The value of {@code setting}, for commands that cannot run without it.
   *
   * @throws ConfigException saying how to set it
   */
  public <T> T require(Setting<T> setting) {
    return get(setting).orElseThrow(() -> new ConfigException(setting.key()
        + " is not set; set it in the environment, with --set " + setting.key() + "=..., or in " + file));
  }

  /** Where the value of {@code setting} came from; {@link Source#NONE} when it is unset. */
  public Source sourceOf(Setting<?> setting) {
    requireRegistered(setting);
    Raw raw = raws.get(setting);
    return raw == null ? Source.NONE : raw.source();
  }

  /** Every setting in registry order, with secrets masked. */
  public List<Entry> entries() {
    List<Entry> entries = new ArrayList<>();
    for (Setting<?> setting : Settings.all()) {
      Raw raw = raws.get(setting);
      if (raw == null) {
        entries.add(new Entry(setting.key(), null, Source.NONE));
      } else {
        entries.add(new Entry(setting.key(), setting.isSecret() ? values.get(setting).toString() : raw.text(),
            raw.source()));
      }
    }
    return List.copyOf(entries);
  }

  private static void requireRegistered(Setting<?> setting) {
    if (Settings.find(setting.key()).orElse(null) != setting) {
      throw new IllegalArgumentException("not a registered setting: " + setting);
    }
  }

  private static Optional<Raw> firstPresent(Setting<?> setting, Map<String, String> flags,
      Map<String, String> environment, Map<String, String> fileValues, Source fileSource) {
    String key = setting.key();
    if (isGiven(flags.get(key))) {
      return Optional.of(new Raw(flags.get(key).trim(), Source.FLAG));
    }
    if (isGiven(environment.get(key))) {
      return Optional.of(new Raw(environment.get(key).trim(), Source.ENV));
    }
    if (isGiven(fileValues.get(key))) {
      return Optional.of(new Raw(fileValues.get(key).trim(), fileSource));
    }
    return setting.defaultText().map(text -> new Raw(text, Source.DEFAULT));
  }

  // A blank value (e.g. `export KALSHI_KEY_FILE=`) counts as not given, so the next layer applies.
  private static boolean isGiven(String text) {
    return text != null && !text.isBlank();
  }

  private static <T> T parse(Setting<T> setting, Raw raw) {
    try {
      return setting.parse(raw.text());
    } catch (RuntimeException e) {
      String where = "invalid " + setting.key() + " (from " + raw.source() + "): ";
      if (setting.isSecret()) {
        // No cause either: a stack trace printed with --debug must not carry the value.
        throw new ConfigException(where + secretSafeProblem(e, raw.text()));
      }
      throw new ConfigException(where + problem(e), e);
    }
  }

  private static String problem(RuntimeException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  // Parsers for secrets are written not to quote their input; this is the net under that rule.
  private static String secretSafeProblem(RuntimeException e, String secretText) {
    String message = e.getMessage();
    if (message == null || message.contains(secretText)) {
      return "not a valid value (not shown)";
    }
    return message;
  }

  private static Map<String, String> readFile(Path file) {
    // NOFOLLOW: a dangling symlink is a file we were meant to read, not an absent one.
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return Map.of();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (CharacterCodingException e) {
      throw new ConfigException("cannot read config file " + file + ": not valid UTF-8", e);
    } catch (AccessDeniedException e) {
      throw new ConfigException("cannot read config file " + file + ": permission denied", e);
    } catch (NoSuchFileException e) {
      throw new ConfigException("cannot read config file " + file + ": it is a dangling link", e);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) { // Properties.load on a malformed unicode escape
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> values = new HashMap<>();
    for (String key : new TreeSet<>(properties.stringPropertyNames())) {
      if (key.equals(Settings.ARB_DATA_DIR.key())) {
        throw new ConfigException("config file " + file + ": " + key
            + " cannot be set in the file it locates; use --data-dir or the environment");
      }
      if (Settings.find(key).isEmpty()) {
        throw new ConfigException("config file " + file + ": unknown setting '" + key + "'");
      }
      values.put(key, properties.getProperty(key));
    }
    return values;
  }
}
