package io.github.crossarb.cli.venue;

import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.VenueId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** The {@code --venue} and {@code --json} options every venue command takes. */
public final class VenueOptions {
  @Option(names = "--venue", required = true, paramLabel = "VENUE", converter = VenueConverter.class,
      description = "kalshi or polymarket.")
  private VenueId venue;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  private boolean json;

  public VenueId venue() {
    return venue;
  }

  public boolean json() {
    return json;
  }

  /** The instrument {@code symbol} names at this venue: a Kalshi ticker or a Polymarket token id. */
  public InstrumentId instrument(String symbol) {
    return new InstrumentId(venue, symbol.trim());
  }

  static final class VenueConverter implements ITypeConverter<VenueId> {
    @Override
    public VenueId convert(String value) {
      return VenueId.parse(value);
    }
  }
}
