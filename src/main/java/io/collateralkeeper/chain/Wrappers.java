package io.collateralkeeper.chain;

import io.collateralkeeper.domain.Address;
import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * Generated web3j wrappers used only to encode calldata ({@code fn(args).encodeFunctionCall()}) and decode results
 * ({@code decodeFunctionResponse}): bound to an address with no connection and no signer, so nothing is ever sent
 * through them; calls go through {@link ChainClient}.
 */
public final class Wrappers {
  private Wrappers() {}

  /** A generated wrapper's {@code load(address, web3j, transactionManager, gasProvider)} method. */
  @FunctionalInterface
  public interface Loader<T> {
    T load(String address, Web3j web3j, TransactionManager transactionManager, ContractGasProvider gasProvider);
  }

  /**
   * The wrapper of the contract at {@code at}, for encoding only.
   *
   * @param loader the wrapper's load method, e.g. {@code Pool::load}
   */
  public static <T> T at(Address at, Loader<T> loader) {
    return loader.load(at.hex(), null, new ReadonlyTransactionManager(null, at.hex()), new DefaultGasProvider());
  }

  /**
   * Calls {@code fn} on {@code to} with {@code eth_call} at block {@code block} and decodes the result.
   *
   * @throws CallRevertedException when the call reverts
   */
  public static List<Type> read(ChainClient chain, Address to, RemoteFunctionCall<?> fn, long block) {
    return fn.decodeFunctionResponse(chain.call(new CallRequest(to, fn.encodeFunctionCall()), block));
  }

  /** Many {@link #read} calls as one JSON-RPC batch at one block; results in order. */
  public static List<List<Type>> readAll(
      ChainClient chain, List<Address> to, List<? extends RemoteFunctionCall<?>> fns, long block) {
    List<CallRequest> calls = new ArrayList<>();
    for (int i = 0; i < fns.size(); i++) calls.add(new CallRequest(to.get(i), fns.get(i).encodeFunctionCall()));
    List<String> raw = chain.callBatch(calls, block);
    List<List<Type>> out = new ArrayList<>();
    for (int i = 0; i < fns.size(); i++) out.add(fns.get(i).decodeFunctionResponse(raw.get(i)));
    return out;
  }
}
