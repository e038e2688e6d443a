package io.github.crossarb.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.crossarb.cli.doctor.CheckResult.Status;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirCheckTest {
  private static final long PLENTY = 50L << 30;

  @TempDir Path dir;

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  private CheckResult run(Path path, long free) throws Exception {
    return new DataDirCheck(path, p -> free).run();
  }

  @Test
  void aWritableDirectoryWithRoomIsOkAndTheProbeIsGone() throws Exception {
    CheckResult result = run(dir, PLENTY);
    assertThat(result.status()).isEqualTo(Status.OK);
    assertThat(result.found()).contains(dir.toString(), "writable", "50 GiB free");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aMissingDirectoryThatCanBeCreatedIsOkAndNotCreated() throws Exception {
    Path missing = dir.resolve("a/b");
    CheckResult result = run(missing, PLENTY);
    assertThat(result.status()).isEqualTo(Status.OK);
    assertThat(result.found()).contains("does not exist yet");
    assertThat(missing).doesNotExist();
  }

  @Test
  void freeSpaceWarnsBelowOneGibAndFailsBelowOneHundredMib() throws Exception {
    assertThat(run(dir, (1L << 30) - 1).status()).isEqualTo(Status.WARN);
    assertThat(run(dir, 1L << 30).status()).isEqualTo(Status.OK);
    CheckResult low = run(dir, (100L << 20) - 1);
    assertThat(low.status()).isEqualTo(Status.FAIL);
    assertThat(low.found()).contains("99 MiB free");
    assertThat(run(dir, 100L << 20).status()).isEqualTo(Status.WARN);
  }

  @Test
  void aFileInsteadOfADirectoryFails() throws Exception {
    Path file = Files.writeString(dir.resolve("f"), "x");
    CheckResult result = run(file, PLENTY);
    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.hint()).contains("ARB_DATA_DIR");
  }

  @Test
  void aReadOnlyDirectoryFails() throws Exception {
    assumeTrue(posix());
    Path readOnly = Files.createDirectory(dir.resolve("ro"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeTrue(!Files.isWritable(readOnly), "running as root: every directory is writable");
      CheckResult result = run(readOnly, PLENTY);
      assertThat(result.status()).isEqualTo(Status.FAIL);
      assertThat(result.found()).contains("not writable");
    } finally {
      Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void secretFilesReadableByOthersWarnWithTheChmod() throws Exception {
    assumeTrue(posix());
    Path token = Files.writeString(dir.resolve("control.token"), "t");
    Path apiKeys = Files.writeString(dir.resolve("polymarket-api-0xabc.json"), "{}");
    Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));
    Files.setPosixFilePermissions(apiKeys, PosixFilePermissions.fromString("rw-------"));
    Path config = Files.writeString(dir.resolve("config.properties"), "ARB_MODE=paper\n");
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));

    CheckResult result = run(dir, PLENTY);

    assertThat(result.status()).isEqualTo(Status.WARN);
    assertThat(result.found()).contains("readable by others: control.token").doesNotContain("polymarket-api")
        .doesNotContain("config.properties");
    assertThat(result.hint()).isEqualTo("chmod 600 " + token);

    Files.writeString(config, "ARB_MODE=paper\nPOLY_API_SECRET=abc\n");
    Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
    CheckResult configExposed = run(dir, PLENTY);
    assertThat(configExposed.status()).isEqualTo(Status.WARN);
    assertThat(configExposed.found()).contains("readable by others: config.properties").doesNotContain("abc");

    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
    CheckResult fixed = run(dir, PLENTY);
    assertThat(fixed.status()).isEqualTo(Status.OK);
    assertThat(fixed.found()).contains("secret files owner-only");
  }
}
