package io.collateralkeeper.execution;

import io.collateralkeeper.contracts.TestToken;
import io.collateralkeeper.devnet.DevnetFixture;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.journal.IntentSpec;
import io.collateralkeeper.journal.Journal;
import io.collateralkeeper.protocol.TxCall;
import io.collateralkeeper.wallet.Signer;
import io.collateralkeeper.wallet.WalletLoader;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Optional;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;
import org.web3j.utils.Numeric;

/**
 * A devnet with the reference deployment, the keeper's dev account 1, and intents that are real contract calls:
 * minting devnet USDC (6 decimals) to a recipient, valued from the receipt's Transfer event at $1 per USDC and gas
 * at $3,000 per ETH.
 */
final class PipelineFixture implements AutoCloseable {
  static final BigInteger GWEI = BigInteger.TEN.pow(9);
  static final BigInteger MINT_GAS = BigInteger.valueOf(120_000);
  static final String TRANSFER_TOPIC = EventEncoder.encode(TestToken.TRANSFER_EVENT);

  final DevnetFixture devnet = DevnetFixture.start();
  final Signer keeper;
  final Address keeperAddress;
  final Path journalFile;

  PipelineFixture(Path dir) {
    this(dir, WalletLoader.devAccount(1, 31337));
  }

  /** With another keeper (e.g. an impersonated one, which the caller funds and impersonates). */
  PipelineFixture(Path dir, Signer keeper) {
    this.keeper = keeper;
    this.keeperAddress = Address.of(keeper.address());
    journalFile = dir.resolve("keeper-journal.db");
    devnet.devnet.setAutomine(false);
  }

  static BigInteger gwei(long g) {
    return BigInteger.valueOf(g).multiply(GWEI);
  }

  /** Tenths of a gwei: {@code deciGwei(105)} = 10.5 gwei. */
  static BigInteger deciGwei(long d) {
    return BigInteger.valueOf(d).multiply(BigInteger.valueOf(100_000_000));
  }

  Journal openJournal() {
    return Journal.open(journalFile);
  }

  /** Starts a pipeline over the journal at the current head. */
  TxPipeline startPipeline(Journal journal, long stuckBlocks, FeePolicy fees) {
    long head = devnet.chain.blockNumber();
    return TxPipeline.start(
        devnet.chain, journal, keeper, 31337, new PipelineSettings(stuckBlocks, fees), PipelineFixture::value, head,
        baseFee(head));
  }

  BigInteger baseFee(long block) {
    return devnet.chain.block(block).getBaseFeePerGas();
  }

  /** An intent to mint {@code usdcUnits} (6 decimals) to {@code recipient}. */
  static IntentSpec mintIntent(Address recipient, long usdcUnits) {
    return new IntentSpec("test-faucet", recipient, "mint", BigInteger.valueOf(usdcUnits).multiply(BigInteger.TEN.pow(12)));
  }

  TxCall mintCall(Address recipient, long usdcUnits) {
    Address usdc = devnet.deployment.usdc();
    String data =
        TestToken.load(usdc.hex(), null, new ReadonlyTransactionManager(null, usdc.hex()), new DefaultGasProvider())
            .mint(recipient.hex(), BigInteger.valueOf(usdcUnits))
            .encodeFunctionCall();
    return TxCall.of(usdc, data);
  }

  BigInteger usdcBalance(Address who) throws Exception {
    Address usdc = devnet.deployment.usdc();
    return TestToken.load(usdc.hex(), devnet.chain.web3j(), new ReadonlyTransactionManager(devnet.chain.web3j(), usdc.hex()),
            new DefaultGasProvider())
        .balanceOf(who.hex())
        .send();
  }

  /** Mines one block whose base fee is {@code baseFee}. */
  void mineAt(BigInteger baseFee) {
    devnet.devnet.setNextBaseFee(baseFee);
    devnet.devnet.mine();
  }

  long head() {
    return devnet.chain.blockNumber();
  }

  /** Revenue = USDC minted (Transfer events from the zero address), at $1; gas at $3,000 per ETH. */
  static ReceiptValuer.Valuation value(
      org.web3j.protocol.core.methods.response.TransactionReceipt r, BigInteger gasWei,
      io.collateralkeeper.journal.TxRecord tx, Optional<io.collateralkeeper.journal.IntentRecord> intent) {
    BigInteger minted = BigInteger.ZERO;
    for (Log log : r.getLogs()) {
      if (log.getTopics().size() == 3 && log.getTopics().get(0).equals(TRANSFER_TOPIC)
          && Address.fromWord(log.getTopics().get(1)).equals(Address.ZERO)) {
        minted = minted.add(Numeric.toBigInt(log.getData()));
      }
    }
    return new ReceiptValuer.Valuation(minted.multiply(BigInteger.TEN.pow(12)), gasWei.multiply(BigInteger.valueOf(3000)));
  }

  @Override
  public void close() {
    devnet.close();
  }
}
