#!/usr/bin/env node
// Compiles contracts/**/*.sol with the pinned solc-js into contracts-abi/<Name>.abi and <Name>.bin.
// `--check` recompiles into memory and fails if any committed file differs (reproducibility check for CI).
'use strict';
const fs = require('fs');
const path = require('path');
const solc = require('solc');

const root = path.resolve(__dirname, '..');
const srcDir = path.join(root, 'contracts');
const outDir = path.join(root, 'contracts-abi');
const check = process.argv.includes('--check');

function listSol(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return listSol(p);
    return e.name.endsWith('.sol') ? [p] : [];
  });
}

const sources = {};
for (const file of listSol(srcDir).sort()) {
  const key = path.relative(root, file).split(path.sep).join('/');
  sources[key] = { content: fs.readFileSync(file, 'utf8') };
}

function findImports(importPath) {
  const candidates = [path.join(root, 'node_modules', importPath), path.join(root, importPath)];
  for (const c of candidates) {
    if (fs.existsSync(c)) return { contents: fs.readFileSync(c, 'utf8') };
  }
  return { error: `not found: ${importPath}` };
}

const input = {
  language: 'Solidity',
  sources,
  settings: {
    optimizer: { enabled: true, runs: 200 },
    viaIR: true,
    evmVersion: 'cancun',
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
for (const e of output.errors || []) {
  if (e.severity !== 'error') console.error(e.formattedMessage);
}
if (errors.length) {
  for (const e of errors) console.error(e.formattedMessage);
  process.exit(1);
}

const files = {};
for (const [source, contracts] of Object.entries(output.contracts)) {
  if (!source.startsWith('contracts/')) continue; // OpenZeppelin and other dependencies are not emitted
  for (const [name, c] of Object.entries(contracts)) {
    if (!c.evm.bytecode.object) continue; // interfaces and abstract contracts
    files[`${name}.abi`] = JSON.stringify(c.abi) + '\n';
    files[`${name}.bin`] = c.evm.bytecode.object;
  }
}

if (check) {
  const committed = fs.existsSync(outDir) ? fs.readdirSync(outDir).filter((f) => /\.(abi|bin)$/.test(f)) : [];
  const diffs = [];
  for (const [f, text] of Object.entries(files)) {
    const p = path.join(outDir, f);
    if (!fs.existsSync(p) || fs.readFileSync(p, 'utf8') !== text) diffs.push(f);
  }
  for (const f of committed) if (!(f in files)) diffs.push(`${f} (stale)`);
  if (diffs.length) {
    console.error(`contracts-abi is not what solc ${solc.version()} compiles: ${diffs.join(', ')}`);
    console.error('run: npm run compile');
    process.exit(1);
  }
  console.log(`contracts-abi matches a fresh compile (${Object.keys(files).length} files, solc ${solc.version()})`);
} else {
  fs.mkdirSync(outDir, { recursive: true });
  for (const f of fs.readdirSync(outDir)) if (/\.(abi|bin)$/.test(f)) fs.unlinkSync(path.join(outDir, f));
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(outDir, f), text);
  fs.writeFileSync(path.join(outDir, 'SOLC_VERSION'), solc.version() + '\n');
  console.log(`wrote ${Object.keys(files).length} files to contracts-abi (solc ${solc.version()})`);
}
