package io.collateralkeeper.simulate;

import io.collateralkeeper.devnet.AnvilRuntime;
import io.collateralkeeper.devnet.TestAnvil;

/** The Anvil runtime the simulation tests fork with. */
final class SimulationRuntime {
  private SimulationRuntime() {}

  static AnvilRuntime anvil() {
    return TestAnvil.runtime();
  }
}
