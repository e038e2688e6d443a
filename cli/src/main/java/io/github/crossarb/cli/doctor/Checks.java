package io.github.crossarb.cli.doctor;

import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.core.model.VenueId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What several checks share. */
final class Checks {
  /** Timeout of one plain HTTP request (clock, daemon health); well inside the check's deadline. */
  static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);

  private Checks() {}

  /** One line about a failure: its message, or its type when it has none. */
  static String describe(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof java.util.concurrent.CompletionException
        || current instanceof java.util.concurrent.ExecutionException) && current.getCause() != null) {
      current = current.getCause();
    }
    String message = current.getMessage();
    if (message == null || message.isBlank()) {
      // java.net.http leaves a refused connection without a message.
      return current instanceof java.net.ConnectException ? "cannot connect (connection refused or unreachable)"
          : current instanceof java.net.http.HttpTimeoutException ? "no answer in time"
          : current.getClass().getSimpleName();
    }
    return message;
  }

  /** The venues {@code ARB_EXECUTE_REMOTE} sends to a trader: this host never places their orders. */
  static Set<VenueId> remoteVenues(Configuration config) {
    Set<VenueId> venues = EnumSet.noneOf(VenueId.class);
    config.get(Settings.ARB_EXECUTE_REMOTE).ifPresent(list -> {
      for (String name : list.split(",")) {
        venues.add(VenueId.valueOf(name.strip().toUpperCase(Locale.ROOT)));
      }
    });
    return venues;
  }

  /** Whether group or others may read or write {@code file} (false where POSIX permissions do not exist). */
  static boolean exposed(Path file) throws IOException {
    try {
      Set<PosixFilePermission> permissions =
          Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
      return permissions.contains(PosixFilePermission.GROUP_READ)
          || permissions.contains(PosixFilePermission.OTHERS_READ)
          || permissions.contains(PosixFilePermission.GROUP_WRITE)
          || permissions.contains(PosixFilePermission.OTHERS_WRITE);
    } catch (UnsupportedOperationException e) {
      return false; // not POSIX (Windows): the directory's ACLs apply
    }
  }

  static HttpClient httpClient() {
    return HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** {@code base} with {@code path} appended (one slash between). */
  static URI join(String base, String path) {
    return URI.create(base.replaceAll("/+$", "") + path);
  }
}
