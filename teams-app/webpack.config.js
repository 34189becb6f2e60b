// Bundles every page in webpack.entries.js: one bundle per entry (heavy views split into their own chunks), an HTML
// file per page under build/pages/ referencing only external scripts (strict CSP), and build/routes.json for the server.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EsbuildPlugin } from 'esbuild-loader';
import { pageEntries } from './webpack.entries.js';

const here = dirname(fileURLToPath(import.meta.url));

const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Writes the HTML page of each entry and the route table once the bundles are known. */
class PagesPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('PagesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'PagesPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE },
        () => {
          const routes = {};
          for (const page of pageEntries) {
            const entrypoint = compilation.entrypoints.get(page.name);
            const scripts = entrypoint
              .getFiles()
              .filter((f) => f.endsWith('.js'))
              .map((f) => `<script defer src="/app/${f}"></script>`)
              .join('\n    ');
            const cssName = `pages/${page.css}`;
            if (!compilation.getAsset(cssName)) {
              compilation.emitAsset(cssName, new sources.RawSource(readFileSync(join(here, 'src', 'pages', page.css))));
            }
            const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="tandem-config" content="{}" />
    <title>${escapeHtml(page.title)}</title>
    <link rel="stylesheet" href="/app/${cssName}" />
    ${scripts}
  </head>
  <body>
    ${page.body ?? '<div id="root"></div>'}
  </body>
</html>
`;
            compilation.emitAsset(`../pages/${page.name}.html`, new sources.RawSource(html));
            routes[page.route] = `${page.name}.html`;
          }
          compilation.emitAsset('../routes.json', new sources.RawSource(JSON.stringify(routes, null, 2) + '\n'));
        },
      );
    });
  }
}

export default (_env, argv) => {
  const production = argv.mode !== 'development';
  return {
    mode: production ? 'production' : 'development',
    context: here,
    entry: Object.fromEntries(pageEntries.map((p) => [p.name, p.import])),
    output: {
      path: join(here, 'build', 'app'),
      publicPath: '/app/',
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    resolve: {
      extensions: ['.tsx', '.ts', '.js', '.mjs'],
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
      conditionNames: ['source', 'browser', 'import', 'module', 'default'],
    },
    module: {
      rules: [
        {
          test: /\.[cm]?tsx?$/,
          loader: 'esbuild-loader',
          options: { loader: 'tsx', target: 'es2020', jsx: 'automatic' },
        },
        { test: /\.m?js$/, resolve: { fullySpecified: false } },
      ],
    },
    optimization: {
      minimizer: [new EsbuildPlugin({ target: 'es2020', legalComments: 'none' })],
      splitChunks: { chunks: 'async' },
    },
    performance: { hints: false },
    plugins: [new PagesPlugin()],
    stats: 'errors-warnings',
  };
};
