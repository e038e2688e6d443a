package io.github.crossarb.polymarket.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The JSON bodies of {@code POST /order} and {@code POST /orders}, with the official client's keys
 * in its order: {@code deferExec, postOnly, order{salt(number), maker, signer, tokenId, makerAmount,
 * takerAmount, side, signatureType(number), timestamp, expiration, metadata, builder, signature},
 * owner, orderType}. There is no {@code taker} key (the SDK's undefined field vanishes in
 * {@code JSON.stringify}). Compact, no spaces.
 */
public final class OrderBodies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OrderBodies() {}

  /** One order as POST /order sends it. */
  public record Post(SignedOrder order, String owner, OrderType orderType, boolean postOnly, boolean deferExec) {}

  public static String postOrder(Post post) {
    return write(node(post));
  }

  public static String postOrders(List<Post> posts) {
    ArrayNode array = JSON.createArrayNode();
    posts.forEach(p -> array.add(node(p)));
    return write(array);
  }

  private static ObjectNode node(Post post) {
    UnsignedOrder o = post.order().order();
    ObjectNode root = JSON.createObjectNode();
    root.put("deferExec", post.deferExec());
    root.put("postOnly", post.postOnly());
    ObjectNode order = root.putObject("order");
    order.put("salt", o.salt());
    order.put("maker", o.maker());
    order.put("signer", o.signer());
    order.put("tokenId", o.tokenId());
    order.put("makerAmount", Long.toString(o.makerAmount()));
    order.put("takerAmount", Long.toString(o.takerAmount()));
    order.put("side", o.side().name());
    order.put("signatureType", o.signatureType().code());
    order.put("timestamp", Long.toString(o.timestampMillis()));
    order.put("expiration", Long.toString(o.expirationSeconds()));
    order.put("metadata", o.metadata());
    order.put("builder", o.builder());
    order.put("signature", post.order().signature());
    root.put("owner", post.owner());
    root.put("orderType", post.orderType().name());
    return root;
  }

  private static String write(Object node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an order body", e);
    }
  }
}
