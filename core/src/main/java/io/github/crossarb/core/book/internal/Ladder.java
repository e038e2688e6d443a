package io.github.crossarb.core.book.internal;

import java.util.Arrays;

/**
 * One side of an L2 book as two parallel sorted arrays (price, size), best level first. Books
 * hold tens of levels, so binary search plus array copy beats any tree and never allocates
 * once the arrays have grown.
 */
public final class Ladder {
  private final boolean descending;
  private long[] prices;
  private long[] sizes;
  private int count;

  public Ladder(boolean descending) {
    this.descending = descending;
    this.prices = new long[16];
    this.sizes = new long[16];
  }

  public int depth() {
    return count;
  }

  public long priceAt(int i) {
    return prices[i];
  }

  public long sizeAt(int i) {
    return sizes[i];
  }

  public void clear() {
    count = 0;
  }

  /** Size at {@code price}, or 0 if there is no level there. */
  public long sizeAtPrice(long price) {
    int i = find(price);
    return i >= 0 ? sizes[i] : 0;
  }

  /** Sets the level at {@code price} to {@code size}; size 0 removes it. */
  public void set(long price, long size) {
    int i = find(price);
    if (i >= 0) {
      if (size == 0) {
        remove(i);
      } else {
        sizes[i] = size;
      }
    } else if (size != 0) {
      insert(-i - 1, price, size);
    }
  }

  /** Binary search: index of {@code price}, or {@code -(insertionPoint) - 1}. */
  private int find(long price) {
    int lo = 0;
    int hi = count - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long p = prices[mid];
      if (p == price) {
        return mid;
      }
      boolean goRight = descending ? p > price : p < price;
      if (goRight) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return -(lo + 1);
  }

  private void insert(int at, long price, long size) {
    if (count == prices.length) {
      prices = Arrays.copyOf(prices, count * 2);
      sizes = Arrays.copyOf(sizes, count * 2);
    }
    System.arraycopy(prices, at, prices, at + 1, count - at);
    System.arraycopy(sizes, at, sizes, at + 1, count - at);
    prices[at] = price;
    sizes[at] = size;
    count++;
  }

  private void remove(int at) {
    System.arraycopy(prices, at + 1, prices, at, count - at - 1);
    System.arraycopy(sizes, at + 1, sizes, at, count - at - 1);
    count--;
  }
}
