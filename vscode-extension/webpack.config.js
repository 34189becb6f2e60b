// Bundles the extension into one CommonJS file for the extension host, the in-host tests into another,
// and the Roadmap webview into one browser file.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';

const here = dirname(fileURLToPath(import.meta.url));

const resolve = {
  extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
  extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
  conditionNames: ['source', 'import', 'module', 'require', 'node', 'default'],
};

const rules = [
  {
    test: /\.tsx?$/,
    loader: 'esbuild-loader',
    options: { target: 'es2022', jsx: 'automatic', tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } } },
  },
];

/** @param {string} name @param {string} entry @param {string} file */
function nodeBundle(name, entry, file, externals) {
  return {
    name,
    target: 'node20',
    entry: join(here, entry),
    output: { path: join(here, 'dist'), filename: file, library: { type: 'commonjs2' }, clean: false },
    externals,
    externalsPresets: { node: true },
    resolve,
    module: { rules },
    devtool: 'nosources-source-map',
    optimization: { splitChunks: false },
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}

export default (_env, argv) => {
  const mode = argv.mode ?? 'production';
  const configs = [
    nodeBundle('extension', 'src/extension.ts', 'extension.cjs', { vscode: 'commonjs vscode' }),
    nodeBundle('host-tests', 'src/host-tests/index.ts', 'host-tests.cjs', {
      vscode: 'commonjs vscode',
      mocha: 'commonjs mocha',
    }),
    nodeBundle('host-tests-restart', 'src/host-tests/afterRestart.ts', 'host-tests-restart.cjs', {
      vscode: 'commonjs vscode',
      mocha: 'commonjs mocha',
    }),
    nodeBundle('host-bench', 'src/bench/activationProbe.ts', 'host-bench.cjs', { vscode: 'commonjs vscode' }),
  ];
  configs.push({
    name: 'webview',
    target: 'web',
    entry: join(here, 'src/roadmap/webview/main.tsx'),
    output: { path: join(here, 'dist'), filename: 'webview.js', clean: false },
    resolve: { ...resolve, conditionNames: ['source', 'browser', 'import', 'module', 'default'] },
    module: { rules },
    devtool: false,
    optimization: { splitChunks: false },
    // One file: the page loads its script by nonce, so chunks @tandem/ui loads on first use (its views) stay inside.
    plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })],
    performance: { hints: false },
    stats: 'errors-warnings',
  });
  return configs.map((c) => ({ ...c, mode }));
};
