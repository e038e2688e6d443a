package io.github.crossarb.core.venue;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request exactly as a venue client would send it, for {@code --dry-run} and logs. Secret
 * header values (API keys, passphrases) are already replaced by {@code ***}; signatures stay, as
 * they reveal nothing reusable beyond this one request.
 *
 * @param headers in sending order
 * @param body the exact body bytes as text, or null for none
 */
public record WireRequest(String method, String url, List<Map.Entry<String, String>> headers, String body) {
  public static final String REDACTED = "***";

  public WireRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    headers = List.copyOf(headers);
  }
}
