package io.github.crossarb.polymarket.clob;

import java.util.List;

/** One page of a cursor-paginated endpoint ({@code {limit, count, next_cursor, data}}). */
public record Page<T>(List<T> data, String nextCursor) {
  public static final String FIRST = "MA==";
  public static final String END = "LTE=";

  public Page {
    data = List.copyOf(data);
  }

  public boolean isLast() {
    return nextCursor == null || nextCursor.isEmpty() || END.equals(nextCursor);
  }
}
