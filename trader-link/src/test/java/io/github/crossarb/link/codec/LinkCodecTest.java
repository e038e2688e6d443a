package io.github.crossarb.link.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crossarb.link.protocol.Heartbeat;
import io.github.crossarb.link.protocol.LegAck;
import org.junit.jupiter.api.Test;

class LinkCodecTest {
  private final LinkCodec codec = new LinkCodec();

  @Test
  void pricesAndMoneyTravelAsDecimalStrings() {
    String text = codec.encode(SampleMessages.all().get("place_leg"));
    assertThat(text).contains("\"price\":\"0.42\"").contains("\"size\":\"10\"").contains("\"type\":\"place_leg\"")
        .contains("\"deadline\":\"2026-11-27T09:30:05.123Z\"").contains("\"expiration\":null");
  }

  @Test
  void refusesAnUnknownType() {
    assertThatThrownBy(() -> codec.decode("{\"type\":\"launch_missiles\"}"))
        .isInstanceOf(LinkCodecException.class).hasMessageContaining("unknown type \"launch_missiles\"");
  }

  @Test
  void refusesAMissingField() {
    assertThatThrownBy(() -> codec.decode("{\"type\":\"leg_ack\"}"))
        .isInstanceOf(LinkCodecException.class).hasMessageContaining("missing field commandId");
    assertThatThrownBy(() -> codec.decode("{\"type\":\"leg_ack\",\"commandId\":null}"))
        .isInstanceOf(LinkCodecException.class).hasMessageContaining("missing field commandId");
  }

  @Test
  void refusesAWrongType() {
    assertThatThrownBy(() -> codec.decode("{\"type\":\"leg_ack\",\"commandId\":7}"))
        .isInstanceOf(LinkCodecException.class).hasMessageContaining("commandId must be a string");
    String place = codec.encode(SampleMessages.all().get("place_leg")).replace("\"0.42\"", "0.42");
    assertThatThrownBy(() -> codec.decode(place)).isInstanceOf(LinkCodecException.class)
        .hasMessageContaining("price must be a string");
  }

  @Test
  void refusesAnUnknownFieldADuplicateFieldAndTrailingText() {
    assertThatThrownBy(() -> codec.decode("{\"type\":\"leg_ack\",\"commandId\":\"a\",\"extra\":1}"))
        .isInstanceOf(LinkCodecException.class).hasMessageContaining("unknown field \"extra\"");
    assertThatThrownBy(() -> codec.decode("{\"type\":\"leg_ack\",\"commandId\":\"a\",\"commandId\":\"b\"}"))
        .isInstanceOf(LinkCodecException.class);
    assertThatThrownBy(() -> codec.decode("{\"type\":\"heartbeat\"} {}")).isInstanceOf(LinkCodecException.class);
  }

  @Test
  void refusesBadValuesWithAShortQuote() {
    String bad = codec.encode(SampleMessages.all().get("place_leg")).replace("\"0.42\"", "\"1.5\"");
    assertThatThrownBy(() -> codec.decode(bad)).isInstanceOf(LinkCodecException.class)
        .hasMessageContaining("price must be a price in [0, 1]");
    String longJunk = "x".repeat(10_000);
    assertThatThrownBy(() -> codec.decode(longJunk)).isInstanceOf(LinkCodecException.class)
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(200));
    assertThatThrownBy(() -> codec.decode("{\"type\":\"leg_ack\",\"commandId\":\"a\",\"" + longJunk + "\":1}"))
        .isInstanceOf(LinkCodecException.class).satisfies(e -> assertThat(e.getMessage().length()).isLessThan(200));
  }

  @Test
  void refusesOversizedText() {
    String huge = "{\"type\":\"leg_ack\",\"commandId\":\"" + "a".repeat(LinkCodec.MAX_TEXT_CHARS) + "\"}";
    assertThatThrownBy(() -> codec.decode(huge)).isInstanceOf(LinkCodecException.class).hasMessageContaining("exceeds");
  }

  @Test
  void refusesNonObjects() {
    for (String text : new String[] {"", "null", "[]", "1", "\"x\"", "{", "{\"type\":1}"}) {
      assertThatThrownBy(() -> codec.decode(text)).as(text).isInstanceOf(LinkCodecException.class);
    }
  }

  @Test
  void envelopeTellsClearMessagesFromSealedFrames() throws Exception {
    assertThat(codec.decodeEnvelope("{\"type\":\"heartbeat\"}")).isEqualTo(new Envelope.Plain(new Heartbeat()));
    assertThat(codec.decodeEnvelope("{\"type\":\"sealed\",\"frame\":\"{}\",\"mac\":\"m\"}"))
        .isEqualTo(new Envelope.Sealed("{}", "m"));
    assertThatThrownBy(() -> codec.decodeEnvelope("{\"type\":\"sealed\",\"frame\":{},\"mac\":\"m\"}"))
        .isInstanceOf(LinkCodecException.class);
    assertThat(codec.decode(codec.encode(new LegAck("a")))).isEqualTo(new LegAck("a"));
  }
}
