package io.github.crossarb.benchmarks.e2e;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Counts the engine's finished executions by reading the new lines of its {@code events.jsonl}
 * (the engine writes each event line as it happens). Unlike polling the control endpoint's
 * snapshot, this costs the engine nothing, however many pairs it has.
 */
final class EventTail implements AutoCloseable {
  static final String FINISHED = "\"type\":\"execution_finished\"";

  private final Path file;
  private FileChannel channel;
  private long position;
  private final StringBuilder partial = new StringBuilder();
  private long finished;

  EventTail(Path file) {
    this.file = file;
  }

  /** Executions finished so far (reads what was appended since the last call). */
  long finished() throws IOException {
    if (channel == null) {
      if (!Files.exists(file)) {
        return 0;
      }
      channel = FileChannel.open(file, StandardOpenOption.READ);
    }
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    while (true) {
      buffer.clear();
      int n = channel.read(buffer, position);
      if (n <= 0) {
        break;
      }
      position += n;
      partial.append(new String(buffer.array(), 0, n, StandardCharsets.UTF_8));
      int end;
      while ((end = partial.indexOf("\n")) >= 0) {
        finished += count(partial.substring(0, end));
        partial.delete(0, end + 1);
      }
    }
    return finished;
  }

  /** 1 if {@code line} is an execution_finished event. */
  static int count(String line) {
    return line.contains(FINISHED) ? 1 : 0;
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
    }
  }
}
