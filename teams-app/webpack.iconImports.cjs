// A webpack loader for Fluent's own packages: each icon they import from the `@fluentui/react-icons` index is imported
// from the icon's own module instead (`@fluentui/react-icons/svg/<name>`), as the app's code does (see
// packages/ui/src/app/views.ts). From the index, every module an icon lives in comes along with its hundreds of
// neighbours, each left as a placeholder in a bundle of several entries: about 25 KB of `x=null` in the tab's UI chunk,
// all of it compiled as the page starts. What is not an icon (`bundleIcon`, class names…) is still taken from the
// index, which brings no icon module with it. An icon without a module of its own is left as it was.
const { existsSync } = require('node:fs');
const { dirname, join } = require('node:path');

// The package's ES modules, beside the CommonJS build its main entry names (lib-cjs/index.cjs).
const atoms = join(dirname(dirname(require.resolve('@fluentui/react-icons'))), 'lib', 'atoms', 'svg');
const importFromIndex = /import\s*\{([^}]*)\}\s*from\s*["']@fluentui\/react-icons["'];?/g;
const iconName = /^([A-Z][A-Za-z]*?)\d*(Regular|Filled|Color|Light)$/;

/** Whether each icon module looked for exists: a few dozen names, asked by hundreds of Fluent's modules. */
const atomExists = new Map();

/** `ChevronDown12Filled` → `chevron-down`, when that module exists. */
function atomOf(name) {
  const match = iconName.exec(name);
  if (!match) return undefined;
  const atom = match[1].replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  if (!atomExists.has(atom)) atomExists.set(atom, existsSync(join(atoms, `${atom}.js`)));
  return atomExists.get(atom) ? atom : undefined;
}

module.exports = function iconImports(source) {
  return source.replace(importFromIndex, (statement, list) => {
    const others = [];
    const icons = [];
    for (const specifier of list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const atom = atomOf(specifier.split(/\s+as\s+/)[0]);
      if (atom) icons.push(`import { ${specifier} } from "@fluentui/react-icons/svg/${atom}";`);
      else others.push(specifier);
    }
    if (icons.length === 0) return statement;
    return [...(others.length ? [`import { ${others.join(', ')} } from "@fluentui/react-icons";`] : []), ...icons].join(
      '\n',
    );
  });
};
