package io.collateralkeeper.risk.aave;

import io.collateralkeeper.domain.Address;

/**
 * An efficiency-mode category ({@code Pool.getEModeCategoryData}, aave-v3-core v3.0.2 {@code DataTypes.EModeCategory}).
 *
 * @param id category id (1-255; 0 means no e-mode)
 * @param ltv loan to value for the category's assets, bps
 * @param liquidationThreshold bps
 * @param liquidationBonus bps above 100%
 * @param priceSource an asset whose oracle price replaces each category asset's own, or {@link Address#ZERO}
 * @param label display name
 */
public record EModeCategory(
    int id, int ltv, int liquidationThreshold, int liquidationBonus, Address priceSource, String label) {

  /** True when the category prices all its assets with {@link #priceSource}. */
  public boolean hasPriceSource() {
    return !priceSource.equals(Address.ZERO);
  }
}
