package io.github.crossarb.cli.trader;

import io.github.crossarb.cli.config.ConfigException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code $ARB_DATA_DIR/trader/lock}: one trader per data directory. An OS file lock, so it is
 * released when the process dies however it dies; the file itself stays.
 */
public final class TraderLock implements AutoCloseable {
  public static final String FILE_NAME = "lock";

  private final FileChannel channel;
  private final FileLock lock;

  private TraderLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** @throws ConfigException (exit code 3) when another trader holds it, or it cannot be created */
  public static TraderLock acquire(Path traderDir) {
    Path file = traderDir.resolve(FILE_NAME);
    FileChannel channel = null;
    try {
      Files.createDirectories(traderDir);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new ConfigException("another trader is running on this data directory (" + file + " is locked)");
      }
      return new TraderLock(channel, lock);
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

  @Override
  public void close() {
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
