package io.github.crossarb.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.RootCommand;
import io.github.crossarb.cli.config.ConfigException;
import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.cli.venue.PolymarketVenues;
import io.github.crossarb.polymarket.PolymarketConfig;
import io.github.crossarb.polymarket.PolymarketVenue;
import io.github.crossarb.polymarket.auth.ApiCredentials;
import io.github.crossarb.polymarket.auth.CredentialCache;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code polymarket}: Polymarket account tools. */
@Command(
    name = "polymarket",
    description = "Polymarket account tools.",
    subcommands = {PolymarketCommand.DeriveKeys.class})
public final class PolymarketCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /** {@code polymarket derive-keys}: the CLOB API credentials of the configured wallet. */
  @Command(
      name = "derive-keys",
      description = {
          "Create (or, if it exists, derive) the Polymarket CLOB API key of POLY_PRIVATE_KEY with an L1"
              + " (EIP-712) signature, cache it in ARB_DATA_DIR (owner-only file) and print the key id.",
          "The secret and passphrase print only with --show-secret."})
  public static final class DeriveKeys implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec private CommandSpec spec;

    @Option(names = "--nonce", paramLabel = "N", defaultValue = "0",
        description = "Key nonce (default 0, the key the client uses); other nonces are not cached.")
    private long nonce;

    @Option(names = "--show-secret", description = "Also print the secret and the passphrase.")
    private boolean showSecret;

    @Option(names = "--json", description = "Print a JSON object {\"apiKey\", \"secret\"?, \"passphrase\"?}.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
      if (nonce < 0) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--nonce must not be negative");
      }
      Configuration configuration = RootCommand.of(spec).configuration();
      if (configuration.get(Settings.POLY_PRIVATE_KEY).isEmpty()) {
        throw new ConfigException(Settings.POLY_PRIVATE_KEY + " is required to derive Polymarket API keys");
      }
      PolymarketConfig config = PolymarketVenues.polymarketConfig(configuration);
      Vertx vertx = Vertx.vertx();
      ApiCredentials credentials;
      try {
        PolymarketVenue venue = PolymarketVenue.create(vertx, config);
        long timeout = config.requestTimeout().toMillis() * 3 + 5_000;
        credentials = venue.deriveApiKey(nonce).toCompletionStage().toCompletableFuture()
            .get(timeout, TimeUnit.MILLISECONDS);
        venue.close();
      } finally {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
      if (nonce == 0) {
        new CredentialCache(config.credentialCacheDir(), config.wallet().address()).save(credentials);
      }
      print(credentials, config.wallet().address());
      return ExitCodes.OK;
    }

    private void print(ApiCredentials credentials, String address) throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectNode node = JSON.createObjectNode().put("address", address).put("apiKey", credentials.apiKey());
        if (showSecret) {
          node.put("secret", credentials.secret()).put("passphrase", credentials.passphrase());
        }
        out.println(JSON.writeValueAsString(node));
      } else {
        out.println("address:    " + address);
        out.println("api key:    " + credentials.apiKey());
        if (showSecret) {
          out.println("secret:     " + credentials.secret());
          out.println("passphrase: " + credentials.passphrase());
        } else {
          out.println("(secret and passphrase hidden; --show-secret prints them)");
        }
      }
      out.flush();
    }
  }
}
