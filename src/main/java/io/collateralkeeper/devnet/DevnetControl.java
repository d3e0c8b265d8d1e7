package io.collateralkeeper.devnet;

import io.collateralkeeper.KeeperException;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web3j.utils.Numeric;

/**
 * Anvil's development methods ({@code anvil_*}, {@code evm_*}) and fast bulk transactions from impersonated accounts,
 * sent as JSON-RPC batches and mined in as few blocks as fit. Development chains only.
 */
public final class DevnetControl {
  private final ChainClient chain;

  public DevnetControl(ChainClient chain) {
    this.chain = chain;
  }

  /**
   * An unsigned transaction sent with {@code eth_sendTransaction} from an impersonated account.
   *
   * @param to the called contract, or null for a contract creation ({@code data} is then the init code)
   */
  public record DevTx(Address from, Address to, String data, long gas) {
    /** A contract creation: {@code initCode} is the creation bytecode followed by the ABI-encoded constructor args. */
    public static DevTx create(Address from, String initCode, long gas) {
      return new DevTx(from, null, initCode, gas);
    }
  }

  /** {@code evm_setAutomine}. */
  public void setAutomine(boolean on) {
    chain.rpc("evm_setAutomine", on);
  }

  /** {@code anvil_autoImpersonateAccount}: every address may send unsigned transactions. */
  public void autoImpersonate(boolean on) {
    chain.rpc("anvil_autoImpersonateAccount", on);
  }

  /** {@code anvil_impersonateAccount}: {@code account} may send unsigned transactions. */
  public void impersonate(Address account) {
    chain.rpc("anvil_impersonateAccount", account.hex());
  }

  /**
   * The runtime code a contract's creation code returns, from an {@code eth_call} without a recipient (no transaction,
   * no nonce used): what {@link #setCode} installs at a chosen address.
   *
   * @param creationCode 0x-hex creation code (constructor without arguments)
   * @throws io.collateralkeeper.chain.RpcException when the node returns no code
   */
  public String runtimeCode(String creationCode) {
    String hex = creationCode.startsWith("0x") ? creationCode : "0x" + creationCode;
    Object code = chain.rpc("eth_call", java.util.Map.of("data", hex), "latest");
    if (!(code instanceof String s) || s.length() < 4) {
      throw new io.collateralkeeper.chain.RpcException("the creation code returned no runtime code");
    }
    return s;
  }

  /**
   * {@link #runtimeCode(String)} with the constructor run as {@code from} (for a constructor that reads
   * {@code msg.sender}, e.g. an Ownable one, which refuses the zero address).
   *
   * @throws io.collateralkeeper.chain.RpcException when the node returns no code
   */
  public String runtimeCode(String creationCode, Address from) {
    String hex = creationCode.startsWith("0x") ? creationCode : "0x" + creationCode;
    Object code = chain.rpc("eth_call", java.util.Map.of("from", from.hex(), "data", hex), "latest");
    if (!(code instanceof String s) || s.length() < 4) {
      throw new io.collateralkeeper.chain.RpcException("the creation code returned no runtime code");
    }
    return s;
  }

  /** {@code eth_getCode} at the latest block, 0x-hex ({@code 0x} for an account without code). */
  public String code(Address address) {
    return String.valueOf(chain.rpc("eth_getCode", address.hex(), "latest"));
  }

  /** {@code evm_snapshot}: the id that {@link #revert} returns the chain to (once). */
  public String snapshot() {
    return String.valueOf(chain.rpc("evm_snapshot"));
  }

  /**
   * {@code evm_revert}: the chain (blocks and state) back to the snapshot, which is used up.
   *
   * @throws KeeperException when the node does not know the snapshot
   */
  public void revert(String snapshotId) {
    if (!Boolean.TRUE.equals(chain.rpc("evm_revert", snapshotId))) {
      throw new KeeperException("devnet snapshot " + snapshotId + " could not be restored");
    }
  }

  /** {@code anvil_dropAllTransactions}: empties the mempool. */
  public void dropAllTransactions() {
    chain.rpc("anvil_dropAllTransactions");
  }

  /** {@code anvil_setCode}: puts {@code runtimeCode} (0x-hex) at {@code address}. */
  public void setCode(Address address, String runtimeCode) {
    chain.rpc("anvil_setCode", address.hex(), runtimeCode);
  }

  /** {@code evm_mine}: mines one block with what the mempool holds. */
  public void mine() {
    chain.rpc("evm_mine");
  }

  /**
   * {@code anvil_reorg}: replaces the last {@code depth} blocks with as many new blocks (same heights, new hashes);
   * the transactions of the replaced blocks are gone (not back in the pool), and {@code txs} (raw signed 0x-hex, each
   * with the offset of the new block it goes into, 0 = the first replaced height) are mined into the new ones.
   */
  public void reorg(int depth, List<Map.Entry<String, Integer>> txs) {
    List<List<Object>> pairs = new ArrayList<>();
    for (var t : txs) pairs.add(List.of(t.getKey(), t.getValue()));
    chain.rpc("anvil_reorg", depth, pairs);
  }

  /** {@code anvil_rollback}: removes the last {@code depth} blocks (the head goes down; their transactions are gone). */
  public void rollback(int depth) {
    chain.rpc("anvil_rollback", depth);
  }

  /** {@code anvil_setBalance} for many accounts in one batch, wei. */
  public void setBalances(List<Address> accounts, BigInteger wei) {
    List<List<?>> params = new ArrayList<>();
    for (Address a : accounts) params.add(List.of(a.hex(), Numeric.toHexStringWithPrefix(wei)));
    for (int i = 0; i < params.size(); i += 500) {
      chain.rpcBatch("anvil_setBalance", params.subList(i, Math.min(params.size(), i + 500)));
    }
  }

  /** {@code anvil_setNextBlockBaseFeePerGas}, wei. */
  public void setNextBaseFee(BigInteger wei) {
    chain.rpc("anvil_setNextBlockBaseFeePerGas", Numeric.toHexStringWithPrefix(wei));
  }

  /**
   * Sends the transactions in order, {@code perBlock} to a mined block, with automine off meanwhile, and checks that
   * every one succeeded. Transactions from the same sender keep their order.
   *
   * @throws KeeperException naming the first reverted transaction
   */
  public void sendAll(List<DevTx> txs, int perBlock) {
    boolean restore = automine();
    setAutomine(false);
    Map<Address, BigInteger> nonces = nonces(txs);
    try {
      for (int i = 0; i < txs.size(); i += perBlock) {
        List<DevTx> chunk = txs.subList(i, Math.min(txs.size(), i + perBlock));
        List<List<?>> params = new ArrayList<>();
        for (DevTx tx : chunk) params.add(List.of(txJson(tx, nonces)));
        List<Object> hashes = chain.rpcBatch("eth_sendTransaction", params);
        mine();
        checkReceipts(chunk, hashes);
      }
    } finally {
      setAutomine(restore);
    }
  }

  /** The eth_sendTransaction object of {@code tx}, taking (and advancing) its sender's next nonce. */
  private static Map<String, String> txJson(DevTx tx, Map<Address, BigInteger> nonces) {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("from", tx.from().hex());
    if (tx.to() != null) t.put("to", tx.to().hex());
    t.put("data", tx.data());
    t.put("gas", Numeric.toHexStringWithPrefix(BigInteger.valueOf(tx.gas())));
    BigInteger nonce = nonces.get(tx.from());
    t.put("nonce", Numeric.toHexStringWithPrefix(nonce));
    nonces.put(tx.from(), nonce.add(BigInteger.ONE));
    return t;
  }

  /** Next nonce of every distinct sender, read in batches. */
  private Map<Address, BigInteger> nonces(List<DevTx> txs) {
    List<Address> senders = txs.stream().map(DevTx::from).distinct().toList();
    Map<Address, BigInteger> out = new java.util.HashMap<>();
    for (int i = 0; i < senders.size(); i += 500) {
      List<Address> chunk = senders.subList(i, Math.min(senders.size(), i + 500));
      List<List<?>> params = new ArrayList<>();
      for (Address a : chunk) params.add(List.of(a.hex(), "pending"));
      List<Object> counts = chain.rpcBatch("eth_getTransactionCount", params);
      for (int j = 0; j < chunk.size(); j++) out.put(chunk.get(j), Numeric.decodeQuantity((String) counts.get(j)));
    }
    return out;
  }

  /**
   * Queues transactions in the mempool without mining (automine must be off) at the lowest fee that is still valid
   * for the next block: zero tip, maxFeePerGas at the highest base fee the next block can have (+12.5%). Anvil orders
   * its blocks by fee, so a keeper transaction offering more is ordered before them.
   */
  public void sendUnmined(List<DevTx> txs) {
    Map<Address, BigInteger> nonces = nonces(txs);
    BigInteger base = chain.latestBlock().getBaseFeePerGas();
    BigInteger maxFee = base.multiply(BigInteger.valueOf(9)).divide(BigInteger.valueOf(8)).add(BigInteger.ONE);
    List<List<?>> params = new ArrayList<>();
    for (DevTx tx : txs) {
      Map<String, String> t = txJson(tx, nonces);
      t.put("maxPriorityFeePerGas", "0x0");
      t.put("maxFeePerGas", Numeric.toHexStringWithPrefix(maxFee));
      params.add(List.of(t));
    }
    chain.rpcBatch("eth_sendTransaction", params);
  }

  private boolean automine() {
    Object v = chain.rpc("anvil_getAutomine");
    return Boolean.TRUE.equals(v);
  }

  @SuppressWarnings("unchecked")
  private void checkReceipts(List<DevTx> chunk, List<Object> hashes) {
    List<List<?>> params = new ArrayList<>();
    for (Object h : hashes) params.add(List.of(h));
    List<Object> receipts = chain.rpcBatch("eth_getTransactionReceipt", params);
    for (int round = 0; receipts.contains(null) && round < 50; round++) {
      mine(); // the block was full: keep mining until the chunk is in
      receipts = chain.rpcBatch("eth_getTransactionReceipt", params);
    }
    for (int i = 0; i < receipts.size(); i++) {
      Map<String, Object> r = (Map<String, Object>) receipts.get(i);
      if (r == null) {
        throw new KeeperException("devnet transaction " + hashes.get(i) + " was not mined");
      }
      if (!"0x1".equals(r.get("status"))) {
        DevTx tx = chunk.get(i);
        String target = tx.to() == null ? "a contract creation" : tx.to().hex();
        throw new KeeperException(
            "devnet transaction from " + tx.from() + " to " + target + " reverted (" + hashes.get(i) + ")");
      }
    }
  }
}
