package io.github.crossarb.cli.venue;

import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Price;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table with left-aligned columns separated by two spaces; the last column is not padded. */
public final class Table {
  private final String[] headers;
  private final List<String[]> rows = new ArrayList<>();

  public Table(String... headers) {
    this.headers = headers.clone();
  }

  public Table row(Object... cells) {
    if (cells.length != headers.length) {
      throw new IllegalArgumentException("expected " + headers.length + " cells, got " + cells.length);
    }
    rows.add(Arrays.stream(cells).map(cell -> cell == null ? "-" : cell.toString()).toArray(String[]::new));
    return this;
  }

  /** A price for people: dollars with at least two decimals ({@code 0.50}, {@code 0.425}). */
  public static String price(Price price) {
    return atLeastTwoDecimals(price.micros());
  }

  /** Money for people: {@code $12.50}, {@code -$0.0125}; null stays null (shown as {@code -}). */
  public static String dollars(Money money) {
    if (money == null) {
      return null;
    }
    return (money.isNegative() ? "-$" : "$") + atLeastTwoDecimals(Math.abs(money.micros()));
  }

  private static String atLeastTwoDecimals(long micros) {
    BigDecimal exact = Fixed.toBigDecimal(micros).stripTrailingZeros();
    return exact.setScale(Math.max(2, exact.scale())).toPlainString();
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  @Override
  public String toString() {
    int[] widths = new int[headers.length];
    for (int i = 0; i < headers.length; i++) {
      widths[i] = headers[i].length();
      for (String[] row : rows) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder text = new StringBuilder();
    append(text, headers, widths);
    for (String[] row : rows) {
      text.append(System.lineSeparator());
      append(text, row, widths);
    }
    return text.toString();
  }

  private static void append(StringBuilder text, String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      line.append(cells[i]);
      if (i < cells.length - 1) {
        line.append(" ".repeat(widths[i] - cells[i].length() + 2));
      }
    }
    text.append(line.toString().stripTrailing());
  }
}
