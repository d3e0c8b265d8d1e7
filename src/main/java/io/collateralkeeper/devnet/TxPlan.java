package io.collateralkeeper.devnet;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.crypto.ContractUtils;

/**
 * An ordered list of development transactions from one sender whose nonces are known in advance, so the address of
 * every contract it creates (CREATE: keccak256(rlp(sender, nonce))) is known before anything is sent. This lets a
 * whole deployment go out as one batch ({@link DevnetControl#sendAll}). The plan is valid only while no other
 * transaction of the sender is sent in between.
 */
public final class TxPlan {
  private final Address sender;
  private BigInteger nonce;
  private final List<DevnetControl.DevTx> txs = new ArrayList<>();

  /**
   * @param sender the sending account (unlocked or impersonated)
   * @param firstNonce the sender's next nonce (its pending transaction count)
   */
  public TxPlan(Address sender, BigInteger firstNonce) {
    this.sender = sender;
    this.nonce = firstNonce;
  }

  /** The sending account. */
  public Address sender() {
    return sender;
  }

  /**
   * Adds a contract creation.
   *
   * @param initCode creation bytecode plus encoded constructor arguments, 0x-hex
   * @param gas gas limit
   * @return the address the contract will have
   */
  public Address create(String initCode, long gas) {
    Address at = Address.of(ContractUtils.generateContractAddress(sender.hex(), nonce));
    add(DevnetControl.DevTx.create(sender, initCode, gas));
    return at;
  }

  /**
   * Adds a contract creation with a gas limit that covers any init code of that size: 250 gas per byte (200 per byte
   * of stored code plus calldata) plus 1M for the constructor.
   *
   * @return the address the contract will have
   */
  public Address create(String initCode) {
    return create(initCode, 1_000_000L + 250L * (initCode.length() - 2) / 2);
  }

  /** Adds a call of {@code to} with calldata {@code data} (0x-hex). */
  public void call(Address to, String data, long gas) {
    add(new DevnetControl.DevTx(sender, to, data, gas));
  }

  /** The planned transactions, in nonce order. */
  public List<DevnetControl.DevTx> txs() {
    return List.copyOf(txs);
  }

  private void add(DevnetControl.DevTx tx) {
    txs.add(tx);
    nonce = nonce.add(BigInteger.ONE);
  }
}
