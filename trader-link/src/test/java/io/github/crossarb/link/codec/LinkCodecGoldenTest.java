package io.github.crossarb.link.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crossarb.link.protocol.LinkMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The wire form of each message type is pinned by a golden file, so any change to it shows up in
 * review (and needs a new protocol version). Regenerate deliberately with
 * {@code -Dlink.golden.update=true}.
 */
class LinkCodecGoldenTest {
  private static final Path DIR = Path.of(System.getProperty("basedir", "."), "src/test/resources/link");
  private final LinkCodec codec = new LinkCodec();

  @Test
  void everyWireTypeHasASample() {
    assertThat(SampleMessages.all().keySet()).containsExactlyElementsOf(LinkCodec.typeNames());
    SampleMessages.all().forEach((type, message) -> assertThat(LinkCodec.typeName(message)).isEqualTo(type));
  }

  @Test
  void encodingMatchesTheGoldenFileAndDecodesBack() throws Exception {
    boolean update = Boolean.getBoolean("link.golden.update");
    for (Map.Entry<String, LinkMessage> e : SampleMessages.all().entrySet()) {
      Path file = DIR.resolve(e.getKey() + ".v1.json");
      String encoded = codec.encode(e.getValue());
      if (update) {
        Files.createDirectories(DIR);
        Files.writeString(file, encoded + "\n", StandardCharsets.UTF_8);
      }
      String golden = read(file);
      assertThat(encoded).as(file.toString()).isEqualTo(golden);
      assertThat(codec.decode(golden)).as(file.toString()).isEqualTo(e.getValue());
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8).strip();
  }
}
