package io.collateralkeeper.devnet;

/** The two assets whose USD price the demo crash path drives. */
public enum Asset {
  /** Ether, from the Binance spot {@code ETHUSDT} bars. */
  ETH,
  /** Bitcoin, from the Binance spot {@code BTCUSDT} bars. */
  BTC
}
