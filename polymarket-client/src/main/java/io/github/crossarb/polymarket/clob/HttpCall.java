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

  /** The call with the API key and passphrase replaced by {@link WireRequest#REDACTED}. */
  public WireRequest redacted() {
    List<Map.Entry<String, String>> shown = new ArrayList<>(headers.size());
    for (Map.Entry<String, String> h : headers) {
      shown.add(Map.entry(h.getKey(), SECRET_HEADERS.contains(h.getKey()) ? WireRequest.REDACTED : h.getValue()));
    }
    return new WireRequest(method, url, shown, body);
  }

  @Override
  public String toString() {
    return redacted().toString();
  }
}
