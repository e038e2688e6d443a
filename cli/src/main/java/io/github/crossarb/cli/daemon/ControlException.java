package io.github.crossarb.cli.daemon;

/** The control endpoint could not be reached, refused a request, or answered something unreadable; one line. */
public final class ControlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public ControlException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status the endpoint answered, or 0 when it was not reached. */
  public int status() {
    return status;
  }
}
