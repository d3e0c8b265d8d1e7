package io.collateralkeeper.devnet.relay;

import static org.awaitility.Awaitility.await;

import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.devnet.AnvilOptions;
import io.collateralkeeper.devnet.AnvilNode;
import io.collateralkeeper.devnet.TestAnvil;
import io.collateralkeeper.devnet.DevnetControl;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.execution.bundle.BundleClient;
import io.collateralkeeper.execution.bundle.BundleIdentity;
import io.collateralkeeper.execution.bundle.RelayEndpoint;
import io.collateralkeeper.wallet.WalletLoader;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * A fresh Anvil chain with a devnet bundle relay in front of it and a relay client signing as dev account 9 (the
 * identity; funds are dev accounts 1 to 8). Close it after the test.
 */
public final class RelayFixture implements AutoCloseable {
  public static final BigInteger GWEI = BigInteger.TEN.pow(9);
  public static final BigInteger ETH = BigInteger.TEN.pow(18);
  /** Runtime code that reverts every call: PUSH1 0 PUSH1 0 REVERT. */
  public static final String REVERTER_CODE = "0x60006000fd";
  /**
   * Runtime code that succeeds once: reverts when storage slot 0 is set, else sets it to 1.
   * SLOAD(0); JUMPI to REVERT if non-zero; SSTORE(0, 1); STOP.
   */
  public static final String ONCE_CODE = "0x600054600c576001600055005b60006000fd";

  /** The chain: a child process or a container ({@link TestAnvil}). */
  public final AnvilNode anvil;
  public final ChainClient chain;
  public final DevnetControl devnet;
  public final DevnetBundleRelay relay;
  public final BundleClient client;
  private final long chainId = 31337;

  private RelayFixture(DevnetBundleRelay.Mode mode) {
    anvil = TestAnvil.runtime().start(AnvilOptions.devnet());
    chain = ChainClient.http(anvil.rpcUrl(), Duration.ofSeconds(30));
    devnet = new DevnetControl(chain);
    relay = DevnetBundleRelay.start(chain, mode);
    client = BundleClient.connect(endpoint(true), identity(), Duration.ofSeconds(30));
  }

  /** Starts Anvil (automine) and the relay in {@code mode}. */
  public static RelayFixture start(DevnetBundleRelay.Mode mode) {
    return new RelayFixture(mode);
  }

  /** The relay as an endpoint named "devnet". */
  public RelayEndpoint endpoint(boolean offersCallBundle) {
    return new RelayEndpoint("devnet", relay.url(), offersCallBundle);
  }

  /** Dev account 9, separate from the funds accounts. */
  public static BundleIdentity identity() {
    return BundleIdentity.separateFrom(
        WalletLoader.devAccount(9, 31337), Address.of(WalletLoader.devAccount(1, 31337).address()));
  }

  /** Dev account {@code i}'s key. */
  public static Credentials dev(int i) {
    return WalletLoader.devAccount(i, 31337).credentials();
  }

  public static Address address(Credentials c) {
    return Address.of(c.getAddress());
  }

  /** Signs an EIP-1559 transaction: maxFee 100 gwei, the given tip. */
  public String sign(Credentials from, long nonce, Address to, BigInteger value, String data, long gas, BigInteger tip) {
    return sign(from, nonce, to, value, data, gas, tip, GWEI.multiply(BigInteger.valueOf(100)));
  }

  /** Signs an EIP-1559 transaction with explicit fees. */
  public String sign(
      Credentials from, long nonce, Address to, BigInteger value, String data, long gas, BigInteger tip, BigInteger maxFee) {
    RawTransaction tx =
        RawTransaction.createTransaction(
            chainId, BigInteger.valueOf(nonce), BigInteger.valueOf(gas), to.hex(), value, data, tip, maxFee);
    return Numeric.toHexString(TransactionEncoder.signMessage(tx, chainId, from));
  }

  /** A plain transfer, 21,000 gas, 1 gwei tip. */
  public String transfer(Credentials from, long nonce, Address to, BigInteger wei) {
    return sign(from, nonce, to, wei, "0x", 21_000, GWEI);
  }

  /** A call with empty calldata, 100,000 gas, the given tip. */
  public String call(Credentials from, long nonce, Address to, BigInteger tip) {
    return sign(from, nonce, to, BigInteger.ZERO, "0x", 100_000, tip);
  }

  /**
   * Sends a signed transaction to the automining chain and waits for its receipt (Anvil answers when the
   * transaction is in the pool and mines it a moment later).
   *
   * @return the block it was mined in
   */
  public long sendAndMine(String raw) {
    String hash = chain.sendRaw(raw);
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> chain.receipt(hash), Optional::isPresent)
        .orElseThrow()
        .getBlockNumber()
        .longValueExact();
  }

  /** The next nonce of {@code c} in the latest block. */
  public long nonce(Credentials c) {
    return chain.latestNonce(address(c)).longValueExact();
  }

  /** {@code anvil_setCode}. */
  public void setCode(Address at, String code) {
    chain.rpc("anvil_setCode", at.hex(), code);
  }

  /** Storage slot 0 of {@code at}. */
  public BigInteger slot0(Address at) {
    return Numeric.decodeQuantity((String) chain.rpc("eth_getStorageAt", at.hex(), "0x0", "latest"));
  }

  /** Transactions waiting in Anvil's mempool. */
  public long mempoolSize() {
    java.util.Map<?, ?> status = (java.util.Map<?, ?>) chain.rpc("txpool_status");
    return Numeric.decodeQuantity((String) status.get("pending")).longValueExact()
        + Numeric.decodeQuantity((String) status.get("queued")).longValueExact();
  }

  @Override
  public void close() {
    client.close();
    relay.close();
    chain.close();
    anvil.close();
  }
}
