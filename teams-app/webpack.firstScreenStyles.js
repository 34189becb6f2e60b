// The first screen's stylesheet. Griffel's extraction plugin writes every component's rules into one sorted stylesheet,
// griffel.css (110 KB); a page that linked it in <head> parsed it and matched its 1,500 rules before its first frame,
// though its first screen uses a fraction of them. A page that preloads its first screen's chunks (the tab, the meeting
// panel) links instead the rules of the modules in those chunks (40 KB for the tab), in griffel.css's order, and names
// griffel.css in a prefetch link; the page links it once its first screen is drawn, and the parts it loads later wait
// for it (src/host/wholeStylesheet.ts). griffel.css holds every rule of the first screen's sheet and comes after it, so
// once it applies the page is styled exactly as by griffel.css alone.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pageEntries } from './webpack.entries.js';

const require = createRequire(import.meta.url);
// Griffel's extraction plugin's own parser, and the stylis it parses with.
const griffelExtraction = dirname(require.resolve('@griffel/webpack-extraction-plugin'));
const { parseCSSRules } = require(join(griffelExtraction, 'parseCSSRules.js'));
const stylis = require(require.resolve('stylis', { paths: [griffelExtraction] }));

const pluginName = 'FirstScreenStylesPlugin';

/** Whether a module is CSS that Griffel's loader extracted (as Griffel's plugin tells it). */
const isGriffelCss = (module) =>
  module.type === 'css/mini-extract' && module.content.toString('utf8').includes('/** @griffel:css-start');

/** The CSS rules of a text, each as Griffel's extraction writes it. */
const rulesOf = (css) => stylis.compile(css).map((element) => stylis.serialize([element], stylis.stringify));

export class FirstScreenStylesPlugin {
  /** The first screen's stylesheet and griffel.css of each page that has one, by page name, once assets are made. */
  sheets = new Map();

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(pluginName, (compilation) => {
      /** The extracted CSS modules of each page's first screen, by page name. */
      const firstScreens = new Map();

      // Before chunks are split (Griffel's extraction moves every CSS module into its own chunk then), each CSS module
      // is in the chunks of the modules that use it: those of the page's entry and of the groups it preloads.
      compilation.hooks.optimizeChunks.tap({ name: pluginName, stage: -100 }, () => {
        const { chunkGraph } = compilation;
        for (const page of pageEntries) {
          const entrypoint = compilation.entrypoints.get(page.name);
          if (!entrypoint) continue;
          const groups = entrypoint.getChildren().filter((group) => (page.preload ?? []).includes(group.name));
          const styles = (chunks) =>
            chunks.flatMap((chunk) => [...chunkGraph.getChunkModulesIterable(chunk)].filter(isGriffelCss));
          // A page whose entry bundle holds styles, or that preloads nothing, links griffel.css.
          if (groups.length === 0 || styles(entrypoint.chunks).length > 0) continue;
          firstScreens.set(page.name, new Set(styles(groups.flatMap((group) => group.chunks))));
        }
      });

      compilation.hooks.processAssets.tap({ name: pluginName, stage: Compilation.PROCESS_ASSETS_STAGE_DERIVED }, () => {
        const griffel = compilation.namedChunks.get('griffel');
        if (!griffel) return;
        const griffelFile = [...griffel.files].find((file) => file.endsWith('.css'));
        if (!griffelFile) return;
        // The pages load no stylesheet of a chunk but griffel.css (the CSS extraction has no runtime; see
        // webpack.config.js): a chunk with styles of its own would be drawn without them.
        for (const chunk of compilation.chunks) {
          const css = [...chunk.files].filter((file) => file.endsWith('.css') && file !== griffelFile);
          if (css.length > 0) throw new Error(`${pluginName}: ${css.join(', ')} would never be loaded by a page`);
        }
        const sorted = rulesOf(compilation.getAsset(griffelFile).source.source().toString());
        for (const [pageName, modules] of firstScreens) {
          const wanted = new Set();
          for (const module of modules) {
            const { cssRulesByBucket } = parseCSSRules(module.content.toString('utf8'));
            for (const entries of Object.values(cssRulesByBucket)) {
              for (const entry of entries) wanted.add(Array.isArray(entry) ? entry[0] : entry);
            }
          }
          const rules = sorted.filter((rule) => wanted.delete(rule));
          if (wanted.size > 0) {
            throw new Error(`${pluginName}: ${wanted.size} of ${pageName}'s rules are not in ${griffelFile}`);
          }
          const css = rules.join('');
          const hash = compiler.webpack.util.createHash('xxhash64').update(css).digest('hex').slice(0, 8);
          const file = `${pageName}.first-screen.${hash}.css`;
          compilation.emitAsset(file, new sources.RawSource(css));
          this.sheets.set(pageName, { firstScreen: file, whole: griffelFile });
        }
      });
    });
  }
}
