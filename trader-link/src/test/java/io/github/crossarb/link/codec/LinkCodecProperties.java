package io.github.crossarb.link.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.link.protocol.LinkMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class LinkCodecProperties {
  private final LinkCodec codec = new LinkCodec();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Provide
  Arbitrary<LinkMessage> messages() {
    return Arbitraries.of(LinkCodec.typeNames())
        .flatMap(type -> Arbitraries.randomValue(r -> new LinkMessageGen(r).of(type)));
  }

  @Property(tries = 3000)
  void everyMessageSurvivesTheRoundTrip(@ForAll("messages") LinkMessage message) throws Exception {
    String text = codec.encode(message);
    assertThat(codec.decode(text)).isEqualTo(message);
    // deterministic: the handshake proofs re-encode a decoded Welcome
    assertThat(codec.encode(codec.decode(text))).isEqualTo(text);
  }

  @Property(tries = 1000)
  void framesAndEnvelopesSurviveTheRoundTrip(@ForAll("messages") LinkMessage message, @ForAll long seq,
      @ForAll long ack) throws Exception {
    Frame frame = new Frame(seq, ack, Instant.ofEpochSecond(1_800_000_000L, 5), message);
    String body = codec.encodeFrame(frame);
    assertThat(codec.decodeFrame(body)).isEqualTo(frame);
    Envelope sealed = new Envelope.Sealed(body, "bWFj");
    assertThat(codec.decodeEnvelope(codec.encodeEnvelope(sealed))).isEqualTo(sealed);
    Envelope plain = new Envelope.Plain(message);
    assertThat(codec.decodeEnvelope(codec.encodeEnvelope(plain))).isEqualTo(plain);
  }

  @Property(tries = 2000)
  void randomTextIsRefusedWithATypedError(@ForAll String text) {
    decodeAllWays(text);
  }

  @Provide
  Arbitrary<String> mutatedFrames() {
    return Arbitraries.randomValue(r -> mutate(r, codec.encode(new LinkMessageGen(r).any())));
  }

  @Property(tries = 5000)
  void mutatedFramesAreDecodedOrRefusedWithATypedError(@ForAll("mutatedFrames") String text) {
    decodeAllWays(text);
  }

  @Provide
  Arbitrary<String> structurallyMutated() {
    return Arbitraries.randomValue(r -> {
      try {
        JsonNode tree = JSON.readTree(codec.encode(new LinkMessageGen(r).any()));
        int edits = 1 + r.nextInt(3);
        for (int i = 0; i < edits; i++) {
          mutateTree(r, tree);
        }
        return JSON.writeValueAsString(tree);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Property(tries = 5000)
  void structurallyMutatedMessagesAreDecodedOrRefusedWithATypedError(@ForAll("structurallyMutated") String text) {
    decodeAllWays(text);
  }

  @Provide
  Arbitrary<String> mutatedSealedFrames() {
    return Arbitraries.randomValue(r -> {
      LinkMessage m = new LinkMessageGen(r).any();
      String body = codec.encodeFrame(new Frame(r.nextInt(100), r.nextInt(100), Instant.EPOCH, m));
      String envelope = codec.encodeEnvelope(new Envelope.Sealed(r.nextBoolean() ? mutate(r, body) : body, "AA"));
      return r.nextBoolean() ? mutate(r, envelope) : envelope;
    });
  }

  @Property(tries = 3000)
  void mutatedSealedFramesAreRefusedWithATypedError(@ForAll("mutatedSealedFrames") String text) throws Exception {
    decodeAllWays(text);
    Envelope envelope;
    try {
      envelope = codec.decodeEnvelope(text);
    } catch (LinkCodecException e) {
      return;
    }
    if (envelope instanceof Envelope.Sealed sealed) {
      decodeAllWays(sealed.frame());
    }
  }

  /** Each decoder either answers or throws a one-line {@link LinkCodecException} quoting little of the input. */
  private void decodeAllWays(String text) {
    for (Decoder d : List.<Decoder>of(codec::decode, codec::decodeEnvelope, codec::decodeFrame)) {
      try {
        d.decode(text);
      } catch (LinkCodecException e) {
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r");
        assertThat(e.getMessage().length()).isLessThanOrEqualTo(310);
      } catch (Throwable t) {
        throw new AssertionError("untyped " + t + " for input " + text, t);
      }
    }
  }

  interface Decoder {
    Object decode(String text) throws LinkCodecException;
  }

  private static final String JUNK = "{}[],:\"\\0123456789-.eEtrufalsn \u0000\uD800";

  static String mutate(Random r, String text) {
    StringBuilder s = new StringBuilder(text);
    int edits = 1 + r.nextInt(4);
    for (int i = 0; i < edits && s.length() > 0; i++) {
      int at = r.nextInt(s.length());
      switch (r.nextInt(6)) {
        case 0:
          return s.substring(0, at); // truncated
        case 1:
          s.deleteCharAt(at);
          break;
        case 2:
          s.insert(at, JUNK.charAt(r.nextInt(JUNK.length())));
          break;
        case 3:
          s.setCharAt(at, (char) r.nextInt(0x3000));
          break;
        case 4:
          s.insert(at, "9".repeat(1 + r.nextInt(40)));
          break;
        default:
          s.insert(at, "[".repeat(1 + r.nextInt(2000)));
      }
    }
    return s.toString();
  }

  private static void mutateTree(Random r, JsonNode root) {
    List<ObjectNode> objects = new ArrayList<>();
    collect(root, objects);
    ObjectNode target = objects.get(r.nextInt(objects.size()));
    List<String> names = new ArrayList<>();
    target.fieldNames().forEachRemaining(names::add);
    JsonNodeFactory f = JsonNodeFactory.instance;
    JsonNode[] replacements = {
      f.nullNode(), f.numberNode(1), f.numberNode(-1L), f.textNode(""), f.textNode("x"), f.textNode("1.5"),
      f.textNode("-0.000001"), f.textNode("KALSHI"), f.booleanNode(true), f.arrayNode(), f.objectNode(),
      f.numberNode(new java.math.BigInteger("123456789012345678901234567890")), f.numberNode(new java.math.BigDecimal("1.5")),
      f.textNode("2026-13-45T99:00:00Z"), f.textNode("accepted")
    };
    switch (r.nextInt(3)) {
      case 0:
        if (!names.isEmpty()) {
          target.remove(names.get(r.nextInt(names.size())));
        }
        break;
      case 1:
        target.set("extra" + r.nextInt(3), replacements[r.nextInt(replacements.length)]);
        break;
      default:
        if (!names.isEmpty()) {
          target.set(names.get(r.nextInt(names.size())), replacements[r.nextInt(replacements.length)]);
        }
    }
  }

  private static void collect(JsonNode node, List<ObjectNode> out) {
    if (node instanceof ObjectNode o) {
      out.add(o);
      for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) {
        collect(it.next(), out);
      }
    } else if (node instanceof ArrayNode a) {
      a.forEach(n -> collect(n, out));
    }
  }
}
