package io.github.crossarb.cli.command;

import io.github.crossarb.cli.Cli;
import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.venue.VenueJson;
import io.github.crossarb.cli.venue.VenueSession;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Outcome;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.venue.OrderRequest;
import io.github.crossarb.core.venue.SubmitResult;
import io.github.crossarb.core.venue.TimeInForce;
import io.github.crossarb.core.venue.VenueCapabilities;
import io.github.crossarb.core.venue.WireRequest;
import io.vertx.core.Future;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code order place}: one limit order, or with {@code --dry-run} the exact request it would send. */
@Command(name = "place", description = {
    "Place one limit order. Prints the venue's answer; exit 5 means the outcome is unknown (the order may be live):"
        + " check 'orders' before placing it again.",
    "Kalshi: --outcome yes|no picks the side of the market; 'buy no at 0.45' is sent as an ask at YES 0.55.",
    "Polymarket: --market is the outcome token id, and the token is what trades; --outcome only labels it."})
public final class PlaceOrderCommand extends VenueCommand {
  enum Tif { gtc, gtd, ioc, fak, fok }

  private static final Pattern RELATIVE = Pattern.compile("(\\d{1,9})([smhd])");

  @Option(names = "--market", required = true, paramLabel = "ID", description = "Kalshi ticker or Polymarket token id.")
  private String market;

  @Option(names = "--outcome", paramLabel = "OUTCOME", converter = OutcomeConverter.class,
      description = "yes or no (required for Kalshi; Polymarket default yes).")
  private Outcome outcome;

  @Option(names = "--side", required = true, paramLabel = "SIDE", converter = SideConverter.class,
      description = "buy or sell.")
  private Side side;

  @Option(names = "--price", required = true, paramLabel = "DOLLARS", converter = PriceConverter.class,
      description = "Limit price of the outcome in dollars, e.g. 0.42.")
  private Price price;

  @Option(names = "--size", required = true, paramLabel = "N", converter = SizeConverter.class,
      description = "Contracts (Kalshi) or shares (Polymarket).")
  private Quantity size;

  @Option(names = "--tif", paramLabel = "TIF", defaultValue = "gtc",
      description = "gtc (default), gtd, ioc, fak (= ioc), fok; each venue accepts its own subset.")
  private Tif tif;

  @Option(names = "--expires", paramLabel = "WHEN",
      description = "For gtd: an instant (2026-12-01T12:00:00Z) or a delay from now (30s, 10m, 2h, 1d).")
  private String expires;

  @Option(names = "--post-only", description = "Refuse to take liquidity.")
  private boolean postOnly;

  @Option(names = "--client-order-id", paramLabel = "ID", description = "Our id for the order (default: a new one).")
  private String clientOrderId;

  @Option(names = "--dry-run", description = "Print the exact request (secrets redacted) and send nothing.")
  private boolean dryRun;

  @Override
  void validate() {
    if (options.venue() == VenueId.KALSHI && outcome == null) {
      throw usage("--outcome yes|no is required for Kalshi");
    }
    if ((tif == Tif.gtd) != (expires != null)) {
      throw usage(tif == Tif.gtd ? "--tif gtd needs --expires" : "--expires applies only to --tif gtd");
    }
    if (postOnly && (tif == Tif.ioc || tif == Tif.fak || tif == Tif.fok)) {
      throw usage("--post-only cannot be combined with --tif " + tif);
    }
    if (size.isZero()) {
      throw usage("--size must be positive");
    }
  }

  @Override
  int run(VenueSession session, PrintWriter out) {
    InstrumentId instrument = instrument(market, "--market");
    OrderRequest request = new OrderRequest(
        clientOrderId == null ? new ClientOrderId("cli-" + UUID.randomUUID()) : clientOrderId(clientOrderId),
        instrument,
        outcome == null ? Outcome.YES : outcome,
        side,
        price,
        size,
        timeInForce(),
        postOnly,
        expiration());
    VenueCapabilities capabilities = session.call(venue -> Future.succeededFuture(venue.capabilities()));
    if (!capabilities.supports(request.timeInForce())) {
      throw usage(options.venue().label() + " does not take --tif " + tif);
    }
    if (postOnly && !capabilities.postOnly()) {
      throw usage(options.venue().label() + " does not take --post-only");
    }
    if (dryRun) {
      WireRequest wire = session.call(venue -> venue.execution().prepare(request));
      printRequest(out, wire);
      return ExitCodes.OK;
    }
    SubmitResult result = session.call(venue -> venue.execution().submit(request));
    return report(out, result);
  }

  private int report(PrintWriter out, SubmitResult result) {
    if (options.json()) {
      printJson(out, VenueJson.submitResult(result), true);
    }
    String venue = options.venue().label();
    String id = " (client order id " + result.clientOrderId() + ")";
    if (result instanceof SubmitResult.Accepted accepted) {
      if (!options.json()) {
        out.println("accepted: order " + accepted.venueOrderId() + id + ", "
            + accepted.status().name().toLowerCase(Locale.ROOT) + ", filled " + accepted.filled());
        out.flush();
      }
      return ExitCodes.OK;
    }
    if (result instanceof SubmitResult.Rejected rejected) {
      return error(venue + ": order rejected (" + rejected.venueCode() + "): " + rejected.message() + id, ExitCodes.VENUE);
    }
    if (result instanceof SubmitResult.Denied denied) {
      return error(venue + ": order not sent: " + denied.reason() + id, ExitCodes.FAILURE);
    }
    SubmitResult.Unknown unknown = (SubmitResult.Unknown) result;
    return error(venue + ": order outcome unknown (" + unknown.reason() + "); it may be live: check 'orders --venue "
        + venue + "' before placing it again" + id, ExitCodes.ORDER_UNKNOWN);
  }

  private int error(String message, int exitCode) {
    Cli.printError(spec.commandLine(), message);
    return exitCode;
  }

  private void printRequest(PrintWriter out, WireRequest wire) {
    if (options.json()) {
      printJson(out, VenueJson.request(wire), true);
      return;
    }
    out.println(wire.method() + " " + wire.url());
    for (Map.Entry<String, String> header : wire.headers()) {
      out.println(header.getKey() + ": " + header.getValue());
    }
    if (wire.body() != null) {
      out.println();
      out.println(wire.body());
    }
    out.println("(dry run: nothing was sent)");
    out.flush();
  }

  private ClientOrderId clientOrderId(String text) {
    try {
      return new ClientOrderId(text);
    } catch (IllegalArgumentException e) {
      throw usage("invalid --client-order-id: " + e.getMessage());
    }
  }

  private TimeInForce timeInForce() {
    return switch (tif) {
      case gtc -> TimeInForce.GTC;
      case gtd -> TimeInForce.GTD;
      case ioc, fak -> TimeInForce.IOC;
      case fok -> TimeInForce.FOK;
    };
  }

  private Instant expiration() {
    if (expires == null) {
      return null;
    }
    Matcher relative = RELATIVE.matcher(expires.trim());
    Instant when;
    if (relative.matches()) {
      long amount = Long.parseLong(relative.group(1));
      Duration unit = switch (relative.group(2)) {
        case "s" -> Duration.ofSeconds(1);
        case "m" -> Duration.ofMinutes(1);
        case "h" -> Duration.ofHours(1);
        default -> Duration.ofDays(1);
      };
      when = Instant.now().plus(unit.multipliedBy(amount));
    } else {
      try {
        when = Instant.parse(expires.trim());
      } catch (DateTimeParseException e) {
        throw usage("--expires must be an instant like 2026-12-01T12:00:00Z or a delay like 10m, got '" + expires + "'");
      }
    }
    if (!when.isAfter(Instant.now())) {
      throw usage("--expires is in the past: " + when);
    }
    return when;
  }

  static final class OutcomeConverter implements ITypeConverter<Outcome> {
    @Override
    public Outcome convert(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "yes" -> Outcome.YES;
        case "no" -> Outcome.NO;
        default -> throw new TypeConversionException("expected yes or no, got '" + value + "'");
      };
    }
  }

  static final class SideConverter implements ITypeConverter<Side> {
    @Override
    public Side convert(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "buy" -> Side.BUY;
        case "sell" -> Side.SELL;
        default -> throw new TypeConversionException("expected buy or sell, got '" + value + "'");
      };
    }
  }

  static final class PriceConverter implements ITypeConverter<Price> {
    @Override
    public Price convert(String value) {
      try {
        Price parsed = Price.parse(value);
        if (parsed.micros() == 0 || parsed.equals(Price.ONE)) {
          throw new TypeConversionException("a price must be strictly between 0 and 1 dollar, got " + value);
        }
        return parsed;
      } catch (IllegalArgumentException | ArithmeticException e) {
        throw new TypeConversionException("expected dollars between 0 and 1 like 0.42, got '" + value + "'");
      }
    }
  }

  static final class SizeConverter implements ITypeConverter<Quantity> {
    @Override
    public Quantity convert(String value) {
      try {
        return Quantity.parse(value);
      } catch (IllegalArgumentException | ArithmeticException e) {
        throw new TypeConversionException("expected a non-negative size like 10 or 2.5, got '" + value + "'");
      }
    }
  }
}
