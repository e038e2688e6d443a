package io.github.crossarb.cli.daemon;

import io.github.crossarb.cli.config.ConfigException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code $ARB_DATA_DIR/engine.lock}: one engine ({@code daemon}, {@code run}, {@code demo}) per
 * data directory. An OS file lock, released when the process dies however it dies; the holder
 * writes its pid into the file so a second engine can name it. The file itself stays.
 *
 * <p>POSIX drops every lock a process holds on a file when any descriptor of that file is closed,
 * so this JVM never opens the file again while it holds the lock: the paths it holds are
 * remembered and answered from memory.
 */
public final class EngineLock implements AutoCloseable {
  public static final String FILE_NAME = "engine.lock";

  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private EngineLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  public static Path path(Path dataDir) {
    return dataDir.resolve(FILE_NAME).toAbsolutePath().normalize();
  }

  /**
   * Takes the data directory's engine lock and writes this process's pid into it.
   *
   * @throws ConfigException (exit code 3) naming the holder's pid when another engine holds it,
   *     or when the file cannot be created
   */
  public static EngineLock acquire(Path dataDir) {
    Path file = path(dataDir);
    if (HELD.contains(file)) {
      throw held(dataDir, OptionalLong.of(ProcessHandle.current().pid()));
    }
    FileChannel channel = null;
    try {
      Files.createDirectories(file.getParent());
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw held(dataDir, holderPid(dataDir));
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
      channel.force(false);
      HELD.add(file);
      // Whatever control files are here belong to an engine that no longer holds the lock: stale.
      ControlFiles.delete(dataDir);
      return new EngineLock(file, channel, lock);
    } catch (IOException e) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw new ConfigException("cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  private static ConfigException held(Path dataDir, OptionalLong pid) {
    return new ConfigException("another engine is running on " + dataDir.toAbsolutePath().normalize()
        + (pid.isPresent() ? " (pid " + pid.getAsLong() + ")" : "") + "; 'controller status' shows it, 'controller stop'"
        + " stops a daemon");
  }

  /**
   * Whether some engine holds the lock of {@code dataDir} now (this process or another). A file
   * that does not exist is not held.
   */
  public static boolean isHeld(Path dataDir) {
    Path file = path(dataDir);
    if (HELD.contains(file)) {
      return true;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true;
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw new ConfigException("cannot check " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Waits until no engine holds the lock of {@code dataDir}, at most {@code timeout}: the OS wakes
   * the wait when the holder releases it (or dies).
   *
   * @return whether it was released in time
   */
  public static boolean awaitRelease(Path dataDir, Duration timeout) throws InterruptedException {
    Path file = path(dataDir);
    if (HELD.contains(file)) {
      return false;
    }
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (NoSuchFileException e) {
      return true;
    } catch (IOException e) {
      throw new ConfigException("cannot check " + file + ": " + e.getMessage(), e);
    }
    CompletableFuture<Boolean> released = CompletableFuture.supplyAsync(() -> {
      try {
        channel.lock().release();
        return true;
      } catch (IOException e) {
        return false; // the channel was closed on timeout
      }
    });
    try {
      return released.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } finally {
      try {
        channel.close();
      } catch (IOException e) {
        // Nothing held through it.
      }
    }
  }

  /**
   * The pid of the engine holding the lock: the one it wrote into the lock file, else control.json's
   * (a daemon writes both), if any.
   */
  public static OptionalLong holderPid(Path dataDir) {
    try {
      String text = Files.readString(path(dataDir), StandardCharsets.US_ASCII).strip();
      if (!text.isEmpty()) {
        return OptionalLong.of(Long.parseLong(text));
      }
    } catch (IOException | NumberFormatException e) {
      // Fall back to control.json.
    }
    Optional<ControlInfo> control = ControlFiles.readInfo(dataDir);
    return control.isPresent() ? OptionalLong.of(control.get().pid()) : OptionalLong.empty();
  }

  @Override
  public void close() {
    HELD.remove(file);
    try {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    } catch (IOException e) {
      // The process is ending; the OS drops the lock with it.
    }
  }
}
