package io.github.crossarb.cli.doctor;

import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.config.Settings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ARB_DATA_DIR}: it exists (or its parent lets it be created), a probe file can be created,
 * forced to disk and deleted, there is room (WARN below 1 GiB, FAIL below 100 MiB), and the secret
 * files in it are readable by their owner only.
 */
public final class DataDirCheck implements DoctorCheck {
  static final String NAME = "data dir";
  static final long WARN_BELOW = 1L << 30;
  static final long FAIL_BELOW = 100L << 20;
  static final String PROBE = ".doctor-probe";

  private final Path dir;
  private final SpaceProbe space;

  /** Free space of the file store holding a path (replaced in tests). */
  @FunctionalInterface
  interface SpaceProbe {
    long usableBytes(Path existing) throws IOException;
  }

  public DataDirCheck(Configuration config) {
    this(config.require(Settings.ARB_DATA_DIR), path -> Files.getFileStore(path).getUsableSpace());
  }

  DataDirCheck(Path dir, SpaceProbe space) {
    this.dir = dir;
    this.space = space;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckResult run() throws IOException {
    Path absolute = dir.toAbsolutePath().normalize();
    if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
      return CheckResult.fail(NAME, absolute + " exists but is not a directory",
          "point ARB_DATA_DIR (or --data-dir) at a directory");
    }
    boolean exists = Files.isDirectory(absolute);
    Path existing = exists ? absolute : nearestExisting(absolute);
    if (existing == null) {
      return CheckResult.fail(NAME, "no part of " + absolute + " exists", "set ARB_DATA_DIR to a writable directory");
    }
    // The probe goes where the engine would write: the directory, or the ancestor it would be created in.
    String writeProblem = probe(existing);
    if (writeProblem != null) {
      return CheckResult.fail(NAME, (exists ? absolute : absolute + " does not exist and " + existing)
          + " is not writable: " + writeProblem,
          "make it writable by this user (chown/chmod), or set ARB_DATA_DIR elsewhere");
    }
    long free = space.usableBytes(existing);
    String found = absolute + (exists ? "" : " (does not exist yet; will be created in " + existing + ")")
        + ", writable, " + mib(free) + " free";
    if (free < FAIL_BELOW) {
      return CheckResult.fail(NAME, found, "free space on that volume (below 100 MiB the journal and ledger may fail"
          + " to write), or extend it (fly volumes extend)");
    }
    List<String> exposed = exists ? exposedSecrets(absolute) : List.of();
    if (!exposed.isEmpty()) {
      return CheckResult.warn(NAME, found + "; readable by others: " + String.join(", ", exposed),
          "chmod 600 " + String.join(" ", exposed.stream().map(name -> absolute.resolve(name).toString()).toList()));
    }
    if (free < WARN_BELOW) {
      return CheckResult.warn(NAME, found, "less than 1 GiB left: free space on that volume or extend it");
    }
    return CheckResult.ok(NAME, found + (exists ? ", secret files owner-only" : ""));
  }

  private static Path nearestExisting(Path path) {
    Path current = path.getParent();
    while (current != null && !Files.isDirectory(current)) {
      current = current.getParent();
    }
    return current;
  }

  /** Creates, forces and deletes a probe file; the problem, or null when all went well. */
  private static String probe(Path directory) {
    Path probe = directory.resolve(PROBE + "-" + ProcessHandle.current().pid());
    try {
      try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap("doctor\n".getBytes(StandardCharsets.US_ASCII)));
        channel.force(true);
      } finally {
        Files.deleteIfExists(probe);
      }
      return null;
    } catch (IOException e) {
      return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }
  }

  /** Secret files (control token, derived API keys, the config file) that group or others may read. */
  private static List<String> exposedSecrets(Path directory) throws IOException {
    List<String> exposed = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        boolean secret = name.equals("control.token")
            || name.startsWith("polymarket-api-") && name.endsWith(".json")
            || name.equals(Configuration.FILE_NAME) && holdsSecret(file);
        if (secret && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Checks.exposed(file)) {
          exposed.add(name);
        }
      }
    } catch (UnsupportedOperationException e) {
      return List.of(); // no POSIX permissions here (Windows): the directory's ACLs apply
    }
    exposed.sort(null);
    return exposed;
  }

  /** Whether the config file sets a secret setting (a file with none may be world-readable). */
  private static boolean holdsSecret(Path file) {
    java.util.Properties properties = new java.util.Properties();
    try (java.io.Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      return true; // unreadable here means the configuration check already failed; assume the worst
    }
    return properties.stringPropertyNames().stream()
        .anyMatch(key -> Settings.find(key).map(io.github.crossarb.cli.config.Setting::isSecret).orElse(false));
  }

  private static String mib(long bytes) {
    return bytes >= (10L << 30) ? (bytes >> 30) + " GiB" : (bytes >> 20) + " MiB";
  }
}
