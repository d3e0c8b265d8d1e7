// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IPool} from "@aave/core-v3/contracts/interfaces/IPool.sol";
import {IFlashLoanSimpleReceiver} from "@aave/core-v3/contracts/flashloan/interfaces/IFlashLoanSimpleReceiver.sol";
import {IPoolAddressesProvider} from "@aave/core-v3/contracts/interfaces/IPoolAddressesProvider.sol";
import {IUniswapV2Router02} from "@uniswap/v2-periphery/contracts/interfaces/IUniswapV2Router02.sol";

/// @title FlashLiquidator
/// @notice Collateral Keeper's flash-loan executor for Aave V3: borrows the debt asset with `flashLoanSimple`,
/// calls `liquidationCall`, sells the seized collateral on a Uniswap V2 router, repays the loan plus premium, and
/// reverts unless the profit left in the debt asset reaches the minimum given per call. Only the owner can use it.
/// Profit is sent to the owner; an optional payment to `block.coinbase` (a bundle bid) is made from the contract's
/// own ether only after the profit check, so nothing is paid when the liquidation does not pay.
contract FlashLiquidator is IFlashLoanSimpleReceiver {
    using SafeERC20 for IERC20;

    error NotOwner();
    error NotPool();
    error BadInitiator();
    error InsufficientProfit(uint256 profit, uint256 minProfit);
    error CoinbasePaymentFailed();

    /// @notice One liquidation: the Aave `liquidationCall` arguments plus how to sell and what to earn.
    /// @param collateralAsset reserve whose collateral is seized
    /// @param debtAsset reserve whose debt is repaid (and flash-borrowed)
    /// @param user the borrower
    /// @param debtToCover debt repaid, debt asset units (the flash loan amount)
    /// @param swapPath Uniswap V2 path from the collateral asset to the debt asset (empty when they are equal)
    /// @param minProfit smallest profit in debt asset units after the loan premium; otherwise the call reverts
    /// @param coinbaseWei ether paid to block.coinbase after the profit check (0 for the public mempool)
    struct Liquidation {
        address collateralAsset;
        address debtAsset;
        address user;
        uint256 debtToCover;
        address[] swapPath;
        uint256 minProfit;
        uint256 coinbaseWei;
    }

    /// @notice Emitted once per successful liquidation (the Pool's own LiquidationCall event gives the amounts).
    /// @param profit debt asset units sent to the owner
    /// @param coinbaseWei ether paid to the block's coinbase
    event Liquidated(
        address indexed user, address indexed collateralAsset, address indexed debtAsset, uint256 profit, uint256 coinbaseWei
    );

    address public immutable owner;
    IPoolAddressesProvider public immutable override ADDRESSES_PROVIDER;
    IPool public immutable override POOL;
    IUniswapV2Router02 public immutable router;

    constructor(IPoolAddressesProvider provider, IUniswapV2Router02 router_) {
        owner = msg.sender;
        ADDRESSES_PROVIDER = provider;
        POOL = IPool(provider.getPool());
        router = router_;
    }

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner();
        _;
    }

    receive() external payable {}

    /// @notice Runs one flash-loan liquidation; reverts unless it earns at least `l.minProfit`.
    function liquidate(Liquidation calldata l) external onlyOwner {
        POOL.flashLoanSimple(address(this), l.debtAsset, l.debtToCover, abi.encode(l), 0);
    }

    /// @inheritdoc IFlashLoanSimpleReceiver
    function executeOperation(address asset, uint256 amount, uint256 premium, address initiator, bytes calldata params)
        external
        override
        returns (bool)
    {
        if (msg.sender != address(POOL)) revert NotPool();
        if (initiator != address(this)) revert BadInitiator();
        Liquidation memory l = abi.decode(params, (Liquidation));
        IERC20 debt = IERC20(asset);
        IERC20 collateral = IERC20(l.collateralAsset);

        debt.forceApprove(address(POOL), amount);
        if (l.collateralAsset == asset) {
            POOL.liquidationCall(asset, asset, l.user, amount, false);
        } else {
            uint256 collateralBefore = collateral.balanceOf(address(this));
            POOL.liquidationCall(l.collateralAsset, asset, l.user, amount, false);
            uint256 seized = collateral.balanceOf(address(this)) - collateralBefore;
            collateral.forceApprove(address(router), seized);
            router.swapExactTokensForTokens(seized, 0, l.swapPath, address(this), block.timestamp);
        }

        uint256 owed = amount + premium;
        uint256 balance = debt.balanceOf(address(this));
        uint256 profit = balance > owed ? balance - owed : 0;
        if (profit < l.minProfit) revert InsufficientProfit(profit, l.minProfit);
        debt.forceApprove(address(POOL), owed);
        if (profit > 0) debt.safeTransfer(owner, profit);
        if (l.coinbaseWei > 0) {
            (bool ok,) = block.coinbase.call{value: l.coinbaseWei}("");
            if (!ok) revert CoinbasePaymentFailed();
        }
        emit Liquidated(l.user, l.collateralAsset, asset, profit, l.coinbaseWei);
        return true;
    }

    /// @notice Sends `amount` of `token` (or ether when token is zero) held by this contract to the owner.
    function withdraw(address token, uint256 amount) external onlyOwner {
        if (token == address(0)) {
            (bool ok,) = payable(owner).call{value: amount}("");
            require(ok, "ether transfer failed");
        } else {
            IERC20(token).safeTransfer(owner, amount);
        }
    }
}
