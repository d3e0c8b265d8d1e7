package io.collateralkeeper.protocol.aave;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.CallResult;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.chain.Wrappers;
import io.collateralkeeper.contracts.TestToken;
import io.collateralkeeper.contracts.aave.AToken;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.aave.AaveAccountData;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** What the parity test reads from the chain to compare with: the Pool's answers, balances, receipts and events. */
final class AaveChainProbe {
  private final ChainClient chain;
  private final Multicall multicall;
  private final Address pool;

  AaveChainProbe(ChainClient chain, Multicall multicall, Address pool) {
    this.chain = chain;
    this.multicall = multicall;
    this.pool = pool;
  }

  /** {@code Pool.getUserAccountData} of each user at {@code block}, through Multicall3. */
  Map<Address, AaveAccountData> accountData(List<Address> users, long block) {
    List<CallRequest> calls = new ArrayList<>();
    for (Address u : users) calls.add(new CallRequest(pool, AaveAbi.getUserAccountData(u)));
    List<CallResult> res = multicall.aggregate(calls, block);
    Map<Address, AaveAccountData> out = new LinkedHashMap<>();
    for (int i = 0; i < users.size(); i++) {
      assertThat(res.get(i).success()).isTrue();
      out.put(users.get(i), AaveAbi.decodeUserAccountData(res.get(i).returnData()));
    }
    return out;
  }

  /** An ERC-20 balance at a block, token units. */
  BigInteger balance(Address token, Address holder, long block) {
    var fn = Wrappers.at(token, TestToken::load).balanceOf(holder.hex());
    return (BigInteger) Wrappers.read(chain, token, fn, block).get(0).getValue();
  }

  /** {@code AToken.RESERVE_TREASURY_ADDRESS()}. */
  Address treasury(Address aToken, long block) {
    var fn = Wrappers.at(aToken, AToken::load).RESERVE_TREASURY_ADDRESS();
    return Address.of((String) Wrappers.read(chain, aToken, fn, block).get(0).getValue());
  }

  /** The sum of an aToken's {@code Transfer(from, to, value)} events in a receipt (unscaled amounts); 0 if none. */
  static BigInteger aTokenTransfer(TransactionReceipt receipt, Address aToken, Address from, Address to) {
    BigInteger total = BigInteger.ZERO;
    for (AToken.TransferEventResponse t : AToken.getTransferEvents(receipt)) {
      boolean match = Address.of(t.log.getAddress()).equals(aToken) && Address.of(t.from).equals(from);
      if (match && Address.of(t.to).equals(to)) total = total.add(t.value);
    }
    return total;
  }

  /** The receipt of the only transaction of a block, which must have succeeded. */
  TransactionReceipt onlyReceipt(long block) {
    List<EthBlock.TransactionResult> txs = chain.block(block).getTransactions();
    assertThat(txs).hasSize(1);
    TransactionReceipt r = chain.receipt((String) txs.get(0).get()).orElseThrow();
    assertThat(r.isStatusOK()).isTrue();
    return r;
  }

  /** {@code evm_increaseTime} and a block, so the next reads see the time passed. */
  void passTime(long seconds, Runnable mine) {
    chain.rpc("evm_increaseTime", seconds);
    mine.run();
  }

  /** {@code evm_setNextBlockTimestamp}. */
  void setNextBlockTimestamp(long timestamp) {
    chain.rpc("evm_setNextBlockTimestamp", timestamp);
  }
}
