package io.collateralkeeper.simulate;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.CallResult;
import io.collateralkeeper.chain.Multicall;
import io.collateralkeeper.chain.Wrappers;
import io.collateralkeeper.contracts.MockAggregator;
import io.collateralkeeper.contracts.aave.IERC20Detailed;
import io.collateralkeeper.domain.Address;
import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;

/**
 * Reads display names in one Multicall each: ERC-20 {@code symbol()} and Chainlink {@code description()}. A call that
 * reverts or returns no string (e.g. a bytes32 symbol) gives null.
 */
final class DisplayNames {
  private static final IERC20Detailed ERC20 = Wrappers.at(Address.ZERO, IERC20Detailed::load);
  private static final MockAggregator FEED = Wrappers.at(Address.ZERO, MockAggregator::load);

  private DisplayNames() {}

  /** {@code symbol()} of each token, or null. */
  static List<String> symbols(Multicall multicall, List<Address> tokens, long block) {
    return strings(multicall, tokens, ERC20.symbol().encodeFunctionCall(), block);
  }

  /** {@code description()} of each feed, or null. */
  static List<String> descriptions(Multicall multicall, List<Address> feeds, long block) {
    return strings(multicall, feeds, FEED.description().encodeFunctionCall(), block);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static List<String> strings(Multicall multicall, List<Address> targets, String data, long block) {
    List<CallRequest> calls = new ArrayList<>();
    for (Address t : targets) calls.add(new CallRequest(t, data));
    List<CallResult> results = multicall.aggregate(calls, block);
    List<String> out = new ArrayList<>();
    List<TypeReference<Type>> string = List.of((TypeReference) new TypeReference<Utf8String>() {});
    for (CallResult r : results) {
      String value = null;
      if (r.success()) {
        try {
          List<Type> decoded = FunctionReturnDecoder.decode(r.returnData(), string);
          if (!decoded.isEmpty()) value = (String) decoded.get(0).getValue();
        } catch (RuntimeException notAString) {
          // bytes32 symbols (MKR-style) and odd contracts: no name
        }
      }
      out.add(value);
    }
    return out;
  }
}
