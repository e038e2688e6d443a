package io.github.crossarb.simulator.polymarket;

import io.github.crossarb.core.model.Fixed;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.simulator.SimulationContext;
import io.github.crossarb.simulator.VenueSimulator;
import io.github.crossarb.simulator.VenueSimulatorProvider;
import io.github.crossarb.simulator.WireProbe;
import io.github.crossarb.simulator.exchange.Accounts;
import io.github.crossarb.simulator.fault.PolymarketFaultKinds;
import io.github.crossarb.simulator.polymarket.internal.PolySignatures;
import io.github.crossarb.simulator.scenario.PairSpec;
import io.github.crossarb.simulator.scenario.PolymarketMarketSpec;
import io.vertx.core.Future;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.web3j.crypto.Credentials;

/**
 * Starts the Polymarket simulator inside a {@code Simulation} (found through
 * {@link java.util.ServiceLoader}). The client's wallet key is generated once under the data
 * directory (owner-only) and reused; its API credentials derive from it, so a restart prints the
 * same environment. The wallet trades as the scenario's {@link Accounts#USER} account.
 */
public final class PolymarketSimulatorProvider implements VenueSimulatorProvider {
  /** The wallet key file under the simulation's data directory. */
  public static final String KEY_FILE = "polymarket-sim-key";
  /** How often trades advance MATCHED → MINED → CONFIRMED in a running simulation. */
  public static final Duration TRADE_STEP = Duration.ofSeconds(1);

  @Override
  public VenueId venue() {
    return VenueId.POLYMARKET;
  }

  @Override
  public Future<VenueSimulator> start(SimulationContext context, int port) {
    String privateKey;
    PolymarketSimAccount account;
    try {
      privateKey = readOrCreateKey(context.dataDir().resolve(KEY_FILE));
      account = accountFor(privateKey);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      return Future.failedFuture(e);
    }
    List<PolymarketSimMarket> markets = new ArrayList<>();
    for (PairSpec pair : context.scenario().pairs()) {
      markets.add(market(pair.polymarket()));
    }
    PolymarketSimConfig config = PolymarketSimConfig.defaults(markets, List.of(account))
        .withPort(port).withTradeStepPeriod(TRADE_STEP);
    config = new PolymarketSimConfig(config.host(), config.port(), config.orderVersion(), config.geoblocked(),
        config.markets(), config.accounts(), config.newAccountBalanceMicros(), config.tradeStepPeriod(),
        config.heartbeatTimeout(), config.pageSize(), context.scenario().seed() + 3);
    return PolymarketSimServer.start(context.vertx(), context.exchange(VenueId.POLYMARKET), config,
            context.faults(VenueId.POLYMARKET))
        .map(server -> {
          context.onScheduledFault(VenueId.POLYMARKET, rule -> {
            if (rule.kind().equals(PolymarketFaultKinds.ORDER_VERSION_CHANGE)) {
              String version = rule.params().getOrDefault("version", "3");
              // The loader does not know this kind: a bad value is ignored rather than breaking the step.
              if (version.equals("2") || version.equals("3")) {
                server.setOrderVersion(Integer.parseInt(version));
              }
            }
          });
          return new Running(server, privateKey, account);
        });
  }

  static PolymarketSimMarket market(PolymarketMarketSpec m) {
    long exponent = Fixed.parse(m.feeExponent() == null ? "0" : m.feeExponent());
    return new PolymarketSimMarket(m.conditionId(), m.question(), m.slug(), m.yesTokenId(), m.noTokenId(),
        m.tickSize(), m.minOrderSize(), m.negRisk(), m.feeRate(), (int) (exponent / Fixed.SCALE), m.endDate(),
        m.description());
  }

  /** Credentials derived from the key: the same key always gets the same API key, secret and passphrase. */
  static PolymarketSimAccount accountFor(String privateKey) throws GeneralSecurityException {
    String address = Credentials.create(privateKey).getAddress();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(PolySignatures.hex(privateKey), "HmacSHA256"));
    byte[] key = mac.doFinal("crossarb-sim api key".getBytes(StandardCharsets.UTF_8));
    byte[] secret = mac.doFinal("crossarb-sim secret".getBytes(StandardCharsets.UTF_8));
    byte[] pass = mac.doFinal("crossarb-sim passphrase".getBytes(StandardCharsets.UTF_8));
    key[6] = (byte) ((key[6] & 0x0f) | 0x40);
    key[8] = (byte) ((key[8] & 0x3f) | 0x80);
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 8; i++) {
      hi = (hi << 8) | (key[i] & 0xff);
      lo = (lo << 8) | (key[8 + i] & 0xff);
    }
    return new PolymarketSimAccount(address, null, new UUID(hi, lo).toString(),
        Base64.getUrlEncoder().encodeToString(secret), HexFormat.of().formatHex(pass), 0, Map.of(), Accounts.USER);
  }

  private static String readOrCreateKey(Path file) throws IOException {
    if (Files.exists(file)) {
      String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
      if (!text.matches("0x[0-9a-fA-F]{64}")) {
        throw new IOException("not a 32-byte hex private key: " + file);
      }
      return text;
    }
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    raw[0] = (byte) ((raw[0] & 0x7f) | 0x01); // below the curve order, never zero
    String key = PolySignatures.toHex(raw);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, key + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    } else {
      Files.writeString(file, key + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
    }
    return key;
  }

  /** A running server and the environment that points a controller at it. */
  private static final class Running implements VenueSimulator {
    private final PolymarketSimServer server;
    private final String privateKey;
    private final PolymarketSimAccount account;

    Running(PolymarketSimServer server, String privateKey, PolymarketSimAccount account) {
      this.server = server;
      this.privateKey = privateKey;
      this.account = account;
    }

    @Override
    public VenueId venue() {
      return VenueId.POLYMARKET;
    }

    @Override
    public Map<String, String> environment() {
      Map<String, String> env = new LinkedHashMap<>(server.urlSettings());
      env.put("POLY_PRIVATE_KEY", privateKey);
      env.put("POLY_SIGNATURE_TYPE", "0");
      env.put("POLY_API_KEY", account.apiKey());
      env.put("POLY_API_SECRET", account.secret());
      env.put("POLY_API_PASSPHRASE", account.passphrase());
      return env;
    }

    @Override
    public Future<Void> close() {
      return server.close();
    }

    @Override
    public void wireProbe(WireProbe probe) {
      server.wireProbe(probe);
    }

    /** The key and the credentials never print. */
    @Override
    public String toString() {
      return "PolymarketSimulator[" + server.clobUrl() + "]";
    }
  }

  /** The server behind a started simulator, for tests that step trades or arm faults by hand. */
  public static PolymarketSimServer server(VenueSimulator simulator) {
    if (simulator instanceof Running r) {
      return r.server;
    }
    throw new IllegalArgumentException("not a Polymarket simulator: " + simulator.venue());
  }
}
