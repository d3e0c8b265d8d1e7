package io.collateralkeeper.simulate;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.Wrappers;
import io.collateralkeeper.contracts.aave.IERC20Detailed;
import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.utils.Numeric;

/**
 * The keeper's ether and token balances at one block.
 *
 * @param nativeWei ether balance, wei
 * @param tokens the tokens read, in order
 * @param balances their balances, raw units, in the same order
 */
record KeeperHoldings(BigInteger nativeWei, List<PricedToken> tokens, List<BigInteger> balances) {
  /** Reads the balances with {@code eth_getBalance} and one batch of {@code balanceOf} calls at {@code block}. */
  static KeeperHoldings read(ChainClient chain, Address keeper, List<PricedToken> tokens, long block) {
    BigInteger wei = Numeric.decodeQuantity((String) chain.rpc("eth_getBalance", keeper.hex(), Numeric.toHexStringWithPrefix(BigInteger.valueOf(block))));
    String data = Wrappers.at(Address.ZERO, IERC20Detailed::load).balanceOf(keeper.hex()).encodeFunctionCall();
    List<CallRequest> calls = new ArrayList<>();
    for (PricedToken t : tokens) calls.add(new CallRequest(t.token(), data));
    List<BigInteger> balances = new ArrayList<>();
    for (String hex : chain.callBatch(calls, block)) balances.add(Numeric.toBigInt(hex));
    return new KeeperHoldings(wei, tokens, balances);
  }

  /** The tokens whose balance differs in {@code after} (same token list), as changes. */
  List<TokenChange> changesTo(KeeperHoldings after) {
    List<TokenChange> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (!balances.get(i).equals(after.balances().get(i))) {
        out.add(new TokenChange(after.tokens().get(i), balances.get(i), after.balances().get(i)));
      }
    }
    return out;
  }
}
