#!/usr/bin/env node
// Copies the ABIs of the pinned npm Aave V3 (@aave/core-v3) and Uniswap V2 (@uniswap/v2-core, v2-periphery) build
// artifacts into contracts-abi/aave/<Name>.abi and contracts-abi/uniswap/<Name>.abi, from which the build generates
// web3j wrappers (packages io.collateralkeeper.contracts.aave and .uniswap). Bytecode is not copied: the devnet
// deployers read it (and link its libraries) from node_modules at run time.
// `--check` fails if any committed file differs from what the installed packages hold (reproducibility check for CI).
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const nm = path.join(root, 'node_modules');
const aave = '@aave/core-v3/artifacts/contracts';
const v2core = '@uniswap/v2-core/build';
const v2periphery = '@uniswap/v2-periphery/build';

const ARTIFACTS = {
  aave: {
    Pool: `${aave}/protocol/pool/Pool.sol/Pool.json`,
    PoolConfigurator: `${aave}/protocol/pool/PoolConfigurator.sol/PoolConfigurator.json`,
    PoolAddressesProvider: `${aave}/protocol/configuration/PoolAddressesProvider.sol/PoolAddressesProvider.json`,
    ACLManager: `${aave}/protocol/configuration/ACLManager.sol/ACLManager.json`,
    AaveOracle: `${aave}/misc/AaveOracle.sol/AaveOracle.json`,
    AaveProtocolDataProvider: `${aave}/misc/AaveProtocolDataProvider.sol/AaveProtocolDataProvider.json`,
    AToken: `${aave}/protocol/tokenization/AToken.sol/AToken.json`,
    VariableDebtToken: `${aave}/protocol/tokenization/VariableDebtToken.sol/VariableDebtToken.json`,
    StableDebtToken: `${aave}/protocol/tokenization/StableDebtToken.sol/StableDebtToken.json`,
    IERC20Detailed: `${aave}/dependencies/openzeppelin/contracts/IERC20Detailed.sol/IERC20Detailed.json`,
    IScaledBalanceToken: `${aave}/interfaces/IScaledBalanceToken.sol/IScaledBalanceToken.json`,
    DefaultReserveInterestRateStrategy:
      `${aave}/protocol/pool/DefaultReserveInterestRateStrategy.sol/DefaultReserveInterestRateStrategy.json`,
  },
  uniswap: {
    UniswapV2Factory: `${v2core}/UniswapV2Factory.json`,
    UniswapV2Pair: `${v2core}/UniswapV2Pair.json`,
    UniswapV2Router02: `${v2periphery}/UniswapV2Router02.json`,
  },
};

const check = process.argv.includes('--check');
const files = {};
for (const [dir, contracts] of Object.entries(ARTIFACTS)) {
  for (const [name, rel] of Object.entries(contracts)) {
    const p = path.join(nm, rel);
    if (!fs.existsSync(p)) {
      console.error(`missing npm artifact ${rel}: run npm ci`);
      process.exit(1);
    }
    files[path.join(dir, `${name}.abi`)] = JSON.stringify(JSON.parse(fs.readFileSync(p, 'utf8')).abi) + '\n';
  }
}

const outDir = path.join(root, 'contracts-abi');
if (check) {
  const diffs = [];
  for (const [f, text] of Object.entries(files)) {
    const p = path.join(outDir, f);
    if (!fs.existsSync(p) || fs.readFileSync(p, 'utf8') !== text) diffs.push(f);
  }
  for (const dir of Object.keys(ARTIFACTS)) {
    const d = path.join(outDir, dir);
    if (!fs.existsSync(d)) continue;
    for (const f of fs.readdirSync(d)) if (!(path.join(dir, f) in files)) diffs.push(`${path.join(dir, f)} (stale)`);
  }
  if (diffs.length) {
    console.error(`contracts-abi differs from the npm artifacts: ${diffs.join(', ')}`);
    console.error('run: node scripts/extract-npm-abi.js');
    process.exit(1);
  }
  console.log(`contracts-abi matches the npm artifacts (${Object.keys(files).length} ABIs)`);
} else {
  for (const dir of Object.keys(ARTIFACTS)) {
    const d = path.join(outDir, dir);
    fs.rmSync(d, { recursive: true, force: true });
    fs.mkdirSync(d, { recursive: true });
  }
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(outDir, f), text);
  console.log(`wrote ${Object.keys(files).length} ABIs to contracts-abi/{aave,uniswap}`);
}
