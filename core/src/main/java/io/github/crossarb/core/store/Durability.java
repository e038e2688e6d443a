package io.github.crossarb.core.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** fsync helpers. */
final class Durability {
  private Durability() {}

  /**
   * Makes the directory's entries (a new or renamed file) durable. Some platforms cannot open a
   * directory as a channel (Windows) or refuse to sync one; there the rename is as durable as
   * the platform makes it, and this does nothing.
   */
  static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // tolerated: see above
    }
  }
}
