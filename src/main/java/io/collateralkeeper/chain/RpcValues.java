package io.collateralkeeper.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.web3j.protocol.ObjectMapperFactory;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Strict checks of JSON-RPC result values, stricter than web3j's decoders (which accept decimal numbers for
 * quantities and skip what they do not recognise): a quantity is {@code 0x}-hex of at most 256 bits, data is
 * {@code 0x}-hex bytes, a hash is 32 bytes, and a log or receipt carries every field the keeper reads. Each check
 * throws {@link IllegalArgumentException} with a short reason; {@link ChainClient} turns it into an {@link
 * RpcException}.
 */
final class RpcValues {
  private static final Pattern QUANTITY = Pattern.compile("0x(?:0|[1-9a-fA-F][0-9a-fA-F]{0,63})");
  private static final Pattern LENIENT_QUANTITY = Pattern.compile("0x[0-9a-fA-F]{1,64}");
  private static final Pattern BYTES = Pattern.compile("0x(?:[0-9a-fA-F]{2})*");
  private static final Pattern HASH = Pattern.compile("0x[0-9a-fA-F]{64}");
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final ObjectMapper JSON = ObjectMapperFactory.getObjectMapper();

  private RpcValues() {}

  /** A quantity result (leading zeros tolerated, as some nodes send them). */
  static BigInteger quantity(Object raw) {
    if (!(raw instanceof String s) || !LENIENT_QUANTITY.matcher(s).matches()) {
      throw new IllegalArgumentException("not a 0x-hex quantity");
    }
    return Numeric.decodeQuantity(QUANTITY.matcher(s).matches() ? s : "0x" + new BigInteger(s.substring(2), 16).toString(16));
  }

  /** True when {@code s} is 0x-hex bytes. */
  static boolean isBytes(String s) {
    return s != null && BYTES.matcher(s).matches();
  }

  /** True when {@code s} is a 32-byte 0x-hex hash. */
  static boolean isHash(String s) {
    return s != null && HASH.matcher(s).matches();
  }

  /** The logs of an {@code eth_getLogs} result: a list of complete log objects. */
  static List<Log> logs(Object raw) {
    if (!(raw instanceof List<?> list)) throw new IllegalArgumentException("not a list of logs");
    List<Log> out = new ArrayList<>(list.size());
    for (Object item : list) {
      if (!(item instanceof Map<?, ?> m)) throw new IllegalArgumentException("a log is not an object");
      require(m, "address", ADDRESS);
      require(m, "data", BYTES);
      require(m, "blockHash", HASH);
      require(m, "transactionHash", HASH);
      quantity(m.get("blockNumber"));
      quantity(m.get("logIndex"));
      if (!(m.get("topics") instanceof List<?> topics)) throw new IllegalArgumentException("log topics missing");
      for (Object t : topics) {
        if (!(t instanceof String s) || !HASH.matcher(s).matches()) throw new IllegalArgumentException("bad log topic");
      }
      if (Boolean.TRUE.equals(m.get("removed"))) throw new IllegalArgumentException("a removed log");
      out.add(JSON.convertValue(m, Log.class));
    }
    return out;
  }

  /** Checks that a receipt is the one asked for and carries the fields the keeper reads. */
  static TransactionReceipt receipt(TransactionReceipt r, String txHash) {
    if (r.getTransactionHash() == null || !r.getTransactionHash().equalsIgnoreCase(txHash)) {
      throw new IllegalArgumentException("receipt of another transaction");
    }
    if (!isHash(r.getBlockHash())) throw new IllegalArgumentException("receipt without block hash");
    r.getBlockNumber();
    r.getGasUsed();
    if (r.getStatus() == null || !(r.getStatus().equals("0x1") || r.getStatus().equals("0x0"))) {
      throw new IllegalArgumentException("receipt without status");
    }
    if (r.getLogs() == null) throw new IllegalArgumentException("receipt without logs");
    return r;
  }

  private static void require(Map<?, ?> m, String key, Pattern p) {
    if (!(m.get(key) instanceof String s) || !p.matcher(s).matches()) {
      throw new IllegalArgumentException("log field " + key + " missing or malformed");
    }
  }
}
