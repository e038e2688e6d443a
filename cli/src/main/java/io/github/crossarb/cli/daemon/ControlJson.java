package io.github.crossarb.cli.daemon;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.core.model.ClientOrderId;
import io.github.crossarb.core.model.InstrumentId;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Price;
import io.github.crossarb.core.model.Quantity;
import io.github.crossarb.core.model.VenueOrderId;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * The JSON of the control endpoint. Core's value types go as strings: {@link Price},
 * {@link Quantity} and {@link Money} as exact decimal dollars ({@code "0.42"}, {@code "-1.5"}; never
 * a JSON number, which readers turn into a double), ids as their text ({@code "KALSHI:TICKER"}),
 * {@link Instant} and {@link Duration} in ISO-8601. Records (the engine snapshot and everything in
 * it) go field by field through their components, and come back through their canonical
 * constructors, so a snapshot round-trips exactly. Unknown fields are ignored on reading, so a
 * newer daemon's extra fields do not break an older client.
 */
public final class ControlJson {
  /** The mapper with {@link #module()}; thread-safe. */
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(module())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ControlJson() {}

  /** {@code value} as JSON text with {@link #MAPPER}. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("not serialisable: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Ends {@code response} with {@code status} and the JSON text {@code json}, never cached (the
   * control endpoint's and the web server's replies); a response already ended or closed is left.
   */
  public static void reply(HttpServerResponse response, int status, String json) {
    if (response.ended() || response.closed()) {
      return;
    }
    response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(json);
  }

  /** {@link #reply} with {@code {"error": message}}. */
  public static void error(HttpServerResponse response, int status, String message) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("error", message);
    reply(response, status, write(json));
  }

  /** Serializers and deserializers for core's value types, and for {@link Instant} and {@link Duration}. */
  public static SimpleModule module() {
    SimpleModule module = new SimpleModule("crossarb-core");
    text(module, Price.class, Price::toString, Price::parse);
    text(module, Quantity.class, Quantity::toString, Quantity::parse);
    text(module, Money.class, Money::toString, Money::parse);
    text(module, InstrumentId.class, InstrumentId::toString, InstrumentId::parse);
    text(module, ClientOrderId.class, ClientOrderId::value, ClientOrderId::new);
    text(module, VenueOrderId.class, VenueOrderId::value, VenueOrderId::new);
    text(module, Instant.class, Instant::toString, Instant::parse);
    text(module, Duration.class, Duration::toString, Duration::parse);
    return module;
  }

  private static <T> void text(SimpleModule module, Class<T> type, Function<T, String> write,
      Function<String, T> read) {
    module.addSerializer(type, new JsonSerializer<T>() {
      @Override
      public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeString(write.apply(value));
      }
    });
    module.addDeserializer(type, new JsonDeserializer<T>() {
      @Override
      public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
          return type.cast(ctxt.handleUnexpectedToken(type, p));
        }
        String text = p.getText();
        try {
          return read.apply(text);
        } catch (RuntimeException e) {
          return type.cast(ctxt.handleWeirdStringValue(type, text, e.getMessage()));
        }
      }
    });
  }
}
