package io.github.crossarb.polymarket.clob;

import io.github.crossarb.core.venue.WireRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One HTTP request, built (and signed) before it is sent, so that what is sent and what a dry run
 * shows are the same bytes.
 *
 * @param url the absolute URL with its query
 * @param headers in sending order
 * @param body the exact body text, or null
 */
public record HttpCall(String method, String url, List<Map.Entry<String, String>> headers, String body) {
  private static final Set<String> SECRET_HEADERS = Set.of("POLY_API_KEY", "POLY_PASSPHRASE");

  public HttpCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    headers = List.copyOf(headers);
  }

  /**
   * The call with the API key and passphrase replaced by {@link WireRequest#REDACTED}, in the
   * headers and in the body, where an order's {@code "owner"} is the API key. For display only
   * (dry runs, logs): the body is then no longer what is sent.
   */
  public WireRequest redacted() {
    List<Map.Entry<String, String>> shown = new ArrayList<>(headers.size());
    String shownBody = body;
    for (Map.Entry<String, String> h : headers) {
      boolean secret = SECRET_HEADERS.contains(h.getKey());
      shown.add(Map.entry(h.getKey(), secret ? WireRequest.REDACTED : h.getValue()));
      if (secret && shownBody != null && h.getValue() != null && !h.getValue().isEmpty()) {
        shownBody = shownBody.replace(h.getValue(), WireRequest.REDACTED);
      }
    }
    return new WireRequest(method, url, shown, shownBody);
  }

  @Override
  public String toString() {
    return redacted().toString();
  }
}
