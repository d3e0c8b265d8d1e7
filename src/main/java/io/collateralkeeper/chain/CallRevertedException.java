package io.collateralkeeper.chain;

/**
 * An {@code eth_call} or {@code eth_estimateGas} reverted.
 *
 * <p>{@link #revertData()} is the raw revert payload (0x-hex, may be empty), e.g. a custom error's selector and
 * arguments.
 */
public class CallRevertedException extends RpcException {
  private static final long serialVersionUID = 1L;
  private final String revertData;

  public CallRevertedException(String message, String revertData) {
    super(message);
    this.revertData = revertData == null ? "0x" : revertData;
  }

  /** Raw revert data, 0x-prefixed hex. */
  public String revertData() {
    return revertData;
  }
}
