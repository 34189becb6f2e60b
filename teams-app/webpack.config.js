// Bundles every page in webpack.entries.js: one bundle per entry (heavy views split into their own chunks), an HTML
// file per page under build/pages/ referencing only external scripts (strict CSP), and build/routes.json for the server.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EsbuildPlugin } from 'esbuild-loader';
import { GriffelCSSExtractionPlugin } from '@griffel/webpack-extraction-plugin';
import MiniCssExtractPlugin from 'mini-css-extract-plugin';
import webpack from 'webpack';
import { pageEntries } from './webpack.entries.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The lazy chunks some page preloads for its first screen (see webpack.entries.js). */
const firstScreenChunks = new Set(pageEntries.flatMap((page) => page.preload ?? []));

/** The chunks V8 is told to compile whole as they load (`compileWhole` in webpack.entries.js). */
const wholeCompiledChunks = new Set(pageEntries.flatMap((page) => page.compileWhole ?? []));

const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Where pages that list `officeJs` in their `scripts` load office.js from, a build-time setting:
 * `--env officeJs=cdn|local|<url>` or TANDEM_OFFICE_JS. Production builds default to Microsoft's CDN (store add-ins
 * must load it from there); development builds, `npm start` and the tests use the npm package's copy, which the app
 * server serves from its own origin at /office-js/ (the package's README calls that copy unsupported in production).
 */
export const officeJsUrls = {
  cdn: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
  local: '/office-js/office.js',
};

function officeJsUrl(env, production) {
  const setting = env?.officeJs ?? process.env.TANDEM_OFFICE_JS ?? (production ? 'cdn' : 'local');
  if (officeJsUrls[setting]) return officeJsUrls[setting];
  if (/^(https:\/\/|\/)/.test(setting)) return setting;
  throw new Error(`officeJs must be cdn, local, an https URL or a path, not ${setting}`);
}

/** Writes the HTML page of each entry and the route table once the bundles are known. */
class PagesPlugin {
  /** @param {{ scripts: Record<string, string> }} options the URL of each named script a page may list */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('PagesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'PagesPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE },
        () => {
          const routes = {};
          const assets = {};
          for (const page of pageEntries) {
            const entrypoint = compilation.entrypoints.get(page.name);
            // Lazy chunks the first screen needs (the UI, imported with webpackChunkName "tandem-ui") are preloaded,
            // so they download beside the entry bundle rather than after it has run; in the order the page lists them,
            // which is the order it runs them in.
            const children = entrypoint.getChildren();
            const preloaded = (page.preload ?? []).flatMap((name) =>
              children.filter((group) => group.name === name).flatMap((group) => group.getFiles()),
            );
            const files = [...new Set([...entrypoint.getFiles(), ...preloaded])];
            const initial = entrypoint.getFiles().filter((f) => f.endsWith('.js'));
            const preload = files.filter((f) => f.endsWith('.js') && !initial.includes(f));
            // The styles Griffel extracted at build time (one stylesheet for every component), linked in <head> so they
            // load with the page rather than when the UI's chunks run.
            const extractedCss = files.filter((f) => f.endsWith('.css'));
            assets[page.route] = { initial, preload };
            // The entry comes first, at high priority: over HTTP/1.1 the browser opens six connections to a host, and
            // fetches preloads (high priority) before deferred scripts (low), so a page with more preloads than
            // connections would otherwise get its entry, the one that starts sign-in and the first requests, last.
            const scripts = [
              ...initial.map((f) => `<script defer fetchpriority="high" src="/app/${f}"></script>`),
              ...preload.map((f) => `<link rel="preload" as="script" href="/app/${f}" />`),
            ];
            // Named scripts (office.js) load first, undeferred, in <head>, as office.js requires.
            const named = (page.scripts ?? []).map((name) => {
              const url = this.options.scripts[name];
              if (!url) throw new Error(`page ${page.name}: no URL for script ${name}`);
              return `<script src="${escapeHtml(url)}"></script>`;
            });
            const allScripts = [...named, ...scripts].join('\n    ');
            // The page's own few rules are written into it (one request fewer before the first screen); the files are
            // emitted too, for the plain pages the server writes (about, privacy…).
            const styles = page.css.map((css) => {
              const cssName = `pages/${css}`;
              const text = readFileSync(join(here, 'src', 'pages', css), 'utf8');
              if (/<\/style/i.test(text)) throw new Error(`${cssName} cannot be written into a <style> element`);
              if (!compilation.getAsset(cssName)) compilation.emitAsset(cssName, new sources.RawSource(text));
              return `<style>\n${text.trim()}\n    </style>`;
            });
            styles.push(...extractedCss.map((f) => `<link rel="stylesheet" href="/app/${f}" />`));
            const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="tandem-config" content="{}" />
    <title>${escapeHtml(page.title)}</title>
    ${styles.join('\n    ')}
    ${allScripts}
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
          // The scripts each page loads for its first screen, for the size benchmark.
          compilation.emitAsset('../assets.json', new sources.RawSource(JSON.stringify(assets, null, 2) + '\n'));
        },
      );
    });
  }
}

export default (env, argv) => {
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
      // Every file is written by every build, changed or not: `tandem start` tells a stale build by routes.json being
      // older than the sources, and a build that left it as it was would be made again at every start.
      compareBeforeEmit: false,
    },
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    resolve: {
      extensions: ['.tsx', '.ts', '.js', '.mjs'],
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
      conditionNames: ['source', 'browser', 'import', 'module', 'default'],
    },
    module: {
      rules: [
        // Styles as a stylesheet: after Griffel's loader (below) has compiled our makeStyles, and for Fluent's own
        // components (published precompiled), the extraction loader moves the CSS out of the JavaScript into one
        // stylesheet the pages link, so the page inserts no style rules one by one as components first render.
        {
          test: /\.[cm]?[jt]sx?$/,
          include: [
            /node_modules[\\/]@fluentui[\\/]/,
            /[\\/]packages[\\/]ui[\\/]src[\\/]/,
            /[\\/]teams-app[\\/]src[\\/]/,
          ],
          use: [{ loader: GriffelCSSExtractionPlugin.loader }],
        },
        { test: /\.css$/, use: [MiniCssExtractPlugin.loader, 'css-loader'] },
        {
          test: /\.[cm]?tsx?$/,
          // Loaders run last to first: esbuild compiles the TypeScript, then Griffel's loader turns each makeStyles()
          // into its CSS classes at build time (as Fluent's own components ship), so no styles are parsed in the page.
          use: [
            { loader: '@griffel/webpack-loader' },
            { loader: 'esbuild-loader', options: { loader: 'tsx', target: 'es2020', jsx: 'automatic' } },
          ],
        },
        { test: /\.m?js$/, resolve: { fullySpecified: false } },
        // Fluent's components take their icons from the icon package's index (each is taken from its own module instead),
        // and read a few design tokens from the object of them all (each is written as its value).
        {
          test: /\.js$/,
          include: /node_modules[\\/]@fluentui[\\/]react-(?!icons[\\/])[^\\/]+[\\/]lib[\\/]/,
          use: [{ loader: join(here, 'webpack.iconImports.cjs') }, { loader: join(here, 'webpack.tokenValues.cjs') }],
        },
        // Fluent's Teams light themes are written as their values (see webpack.themeValues.cjs).
        {
          test: /[\\/]node_modules[\\/]@fluentui[\\/]tokens[\\/]lib[\\/]themes[\\/]teams[\\/]lightTheme\.js$/,
          use: [{ loader: join(here, 'webpack.themeValues.cjs') }],
        },
        // The Graph SDK's index re-exports every class it has (upload tasks, batch content, the chaos handler…), and its
        // package does not say that its modules have no side effects, so all of them would be bundled and run as the
        // store opens. They have none: the modules the store does not import are left out.
        { test: /[\\/]node_modules[\\/]@microsoft[\\/]microsoft-graph-client[\\/]/, sideEffects: false },
      ],
    },
    optimization: {
      minimizer: [new EsbuildPlugin({ target: 'es2020', legalComments: 'none' })],
      splitChunks: {
        // A page's first screen is a few files, not a dozen: the lazy chunks a page preloads (its store, its UI) keep
        // their modules, except what the store shares with a UI (core's keys, errors and words), which is one chunk of
        // its own. Views loaded on first use share theirs as webpack sees fit.
        chunks: (chunk) => !chunk.canBeInitial() && !firstScreenChunks.has(chunk.name),
        cacheGroups: {
          storeShared: {
            name: 'tandem-core',
            chunks: (chunk) => firstScreenChunks.has(chunk.name),
            test: (module, { chunkGraph }) =>
              [...chunkGraph.getModuleChunksIterable(module)].some((chunk) => chunk.name === 'tandem-store'),
            minChunks: 2,
            enforce: true,
          },
          // The generated list item readers, one per kind: a chunk of their own beside the store's (compiled whole),
          // compiled as they are called, since a page reads a few kinds first.
          storeReaders: {
            name: 'tandem-store-readers',
            chunks: (chunk) => chunk.name === 'tandem-store',
            test: /[\\/]itemReaders\.generated\.ts$/,
            enforce: true,
          },
          // Fluent's focus library, of which a page runs a twentieth as it starts: a chunk of its own beside each
          // whole-compiled UI chunk (see wholeCompiledChunks), compiled as it is called, so that the UI's chunk holds
          // mostly code that runs. One per page, so that no page loads another's share of it.
          ...Object.fromEntries(
            [...wholeCompiledChunks].map((name) => [
              `${name}-cold`,
              {
                name: `${name}-cold`,
                chunks: (chunk) => chunk.name === name,
                test: /[\\/]node_modules[\\/](tabster|keyborg)[\\/]/,
                enforce: true,
              },
            ]),
          ),
        },
      },
    },
    performance: { hints: false },
    plugins: [
      // Griffel orders the extracted rules itself, so mini-css-extract's module order does not matter.
      new MiniCssExtractPlugin({
        filename: production ? '[name].[contenthash:8].css' : '[name].css',
        ignoreOrder: true,
      }),
      new GriffelCSSExtractionPlugin(),
      new PagesPlugin({ scripts: { officeJs: officeJsUrl(env, production) } }),
      // After minifying (which drops comments) and before the source maps are written (so they stay in step).
      new webpack.BannerPlugin({
        banner: '//# allFunctionsCalledOnLoad',
        raw: true,
        include: (file) => wholeCompiledChunks.has(file.replace(/(\.[0-9a-f]{8})?\.js$/, '')),
        stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1,
      }),
    ],
    stats: 'errors-warnings',
  };
};
