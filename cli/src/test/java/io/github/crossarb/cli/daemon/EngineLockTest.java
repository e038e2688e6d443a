package io.github.crossarb.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.cli.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine lock and the control files, in this process (DaemonProcessIT covers two processes). */
class EngineLockTest {
  @TempDir Path dir;

  @Test
  void aSecondEngineOnTheDataDirIsRefusedNamingThePid() {
    try (EngineLock first = EngineLock.acquire(dir)) {
      assertThat(EngineLock.isHeld(dir)).isTrue();
      assertThatThrownBy(() -> EngineLock.acquire(dir)).isInstanceOf(ConfigException.class)
          .hasMessage("another engine is running on " + dir.toAbsolutePath().normalize() + " (pid "
              + ProcessHandle.current().pid() + "); 'controller status' shows it, 'controller stop' stops a daemon");
      assertThat(EngineLock.isHeld(dir)).as("refusing the second did not release the first").isTrue();
    }
    assertThat(EngineLock.isHeld(dir)).isFalse();
    try (EngineLock again = EngineLock.acquire(dir)) {
      assertThat(EngineLock.holderPid(dir)).hasValue(ProcessHandle.current().pid());
    }
  }

  @Test
  void noLockFileIsNotHeldAndReleasedAtOnce() throws Exception {
    assertThat(EngineLock.isHeld(dir)).isFalse();
    assertThat(EngineLock.awaitRelease(dir, Duration.ofSeconds(5))).isTrue();
  }

  @Test
  void staleControlFilesAreReplacedWhenAnEngineTakesTheLock() throws Exception {
    ControlFiles.write(dir, new ControlInfo(999_999, 4321, Instant.parse("2026-11-27T09:00:00Z"), 1),
        ControlFiles.newToken());
    assertThat(ControlFiles.readInfo(dir)).isPresent();
    assertThat(Daemons.find(dir)).as("files without the lock held are ignored").isEmpty();
    try (EngineLock lock = EngineLock.acquire(dir)) {
      assertThat(dir.resolve(ControlFiles.INFO_FILE)).doesNotExist();
      assertThat(dir.resolve(ControlFiles.TOKEN_FILE)).doesNotExist();
    }
  }

  @Test
  void controlFilesAreOwnerOnlyAndRoundTrip() throws Exception {
    String token = ControlFiles.newToken();
    assertThat(token).matches("[0-9a-f]{64}");
    assertThat(ControlFiles.newToken()).isNotEqualTo(token);
    ControlInfo info = new ControlInfo(1234, 40123, Instant.parse("2026-11-27T09:30:00.123Z"), ControlInfo.VERSION);
    ControlFiles.write(dir, info, token);
    assertThat(ControlFiles.readInfo(dir)).contains(info);
    assertThat(ControlFiles.readToken(dir)).contains(token);
    assertThat(Files.readString(dir.resolve(ControlFiles.TOKEN_FILE), StandardCharsets.US_ASCII)).isEqualTo(token);
    assertThat(Files.readString(dir.resolve(ControlFiles.INFO_FILE)))
        .isEqualTo("{\"pid\":1234,\"port\":40123,\"startedAt\":\"2026-11-27T09:30:00.123Z\",\"version\":1}\n");
    for (String name : new String[] {ControlFiles.INFO_FILE, ControlFiles.TOKEN_FILE}) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name)))).as(name)
          .isEqualTo("rw-------");
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(ControlFiles.INFO_FILE, ControlFiles.TOKEN_FILE);
    }
    ControlFiles.delete(dir);
    assertThat(ControlFiles.readInfo(dir)).isEmpty();
    assertThat(ControlFiles.readToken(dir)).isEmpty();
  }

  @Test
  void aControlFileOfAnotherVersionOrMalformedIsIgnored() throws Exception {
    Files.writeString(dir.resolve(ControlFiles.INFO_FILE), "{\"pid\":1,\"port\":2,\"startedAt\":\"2026-11-27T09:30:00Z\",\"version\":2}");
    assertThat(ControlFiles.readInfo(dir)).isEmpty();
    Files.writeString(dir.resolve(ControlFiles.INFO_FILE), "{\"pid\":");
    assertThat(ControlFiles.readInfo(dir)).isEmpty();
  }
}
