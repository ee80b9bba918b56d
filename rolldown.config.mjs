// The server as deployed: tsc's output (dist/, decorators and their metadata already compiled) bundled into one
// CommonJS file, dist/bundle/server.cjs, and the small loader `npm start` runs, dist/bundle/main.js
// (src/bundle-loader.ts), which compiles it through V8's code cache. Node loads one file instead of some 2,000 ES
// modules, so the service starts about half a second sooner and holds about 20 MB less (npm run bench, startup).
// CommonJS, because node 20 takes a code cache only for scripts (vm.Script), not for ES modules; import.meta.url in
// the sources becomes the file's own URL.
//
// Left out of the bundle and loaded from node_modules as usual:
// - native addons, and pg (loaded only for a PostgreSQL database);
// - Nest's optional packages that Qingdan does not install.
// typeorm is bundled: @nestjs/typeorm's one createRequire('typeorm') (typeorm-compat.js, for names TypeORM 1 no
// longer has) is pointed at the bundled copy, so it does not load a second one (about 160 ms) from node_modules.
// class-validator and class-transformer are bundled too (loading them from node_modules took about 0.15 s of each
// start): @nestjs/mapped-types' createRequire of them (type-helpers.utils.js, for PartialType and the like) is pointed
// at the bundled copies, so their metadata (the DTOs' rules and @Type) is one store, not two.
// The exceljs import stays lazy: it goes into a chunk of its own, loaded on the first spreadsheet.
// dist/bundle/ is as deep as dist/<folder>/, so paths resolved from import.meta.url (seeds/, dist-web/) still hold.
import { defineConfig } from 'rolldown';

const NATIVE = ['better-sqlite3', 'bcrypt', 'pg'];
const NOT_INSTALLED = [/^@nestjs\/(microservices|websockets|platform-express)(\/|$)/, /^@fastify\/view$/];

/** @nestjs/typeorm's typeorm-compat.js asks the bundled typeorm, not createRequire. */
const typeormCompat = {
  name: 'typeorm-compat',
  transform(code, id) {
    if (!id.endsWith('@nestjs/typeorm/dist/common/typeorm-compat.js')) return null;
    const load = 'const require = createRequire(import.meta.url);';
    if (!code.includes(load)) throw new Error(`${id} no longer loads typeorm as this bundle expects: check it`);
    // Same line count; `mappings: ''` says this file's source map is not kept (it is one line of a small file).
    return { code: code.replace(load, "import * as bundledTypeorm from 'typeorm'; const require = () => bundledTypeorm;"), map: { mappings: '' } };
  },
};

/** The modules @nestjs/mapped-types requires by name, as the bundle has them (class-transformer's CommonJS build, as `main` says). */
const MAPPED_TYPES_REQUIRES = {
  'class-validator': 'class-validator',
  'class-transformer': 'class-transformer',
  'class-transformer/cjs/storage': 'class-transformer/cjs/storage',
  'class-transformer/storage': 'class-transformer/cjs/storage',
};

/** @nestjs/mapped-types' type-helpers.utils.js asks the bundled class-validator and class-transformer, not createRequire. */
const mappedTypesRequire = {
  name: 'mapped-types-require',
  transform(code, id) {
    if (!id.endsWith('@nestjs/mapped-types/dist/type-helpers.utils.js')) return null;
    const load = 'const require = createRequire(import.meta.url);';
    if (!code.includes(load)) throw new Error(`${id} no longer loads class-validator as this bundle expects: check it`);
    const paths = [...new Set(Object.values(MAPPED_TYPES_REQUIRES))];
    const imports = paths.map((path, i) => `import * as bundled${i} from '${path}';`);
    const table = Object.entries(MAPPED_TYPES_REQUIRES)
      .map(([name, path]) => `'${name}': bundled${paths.indexOf(path)}`)
      .join(', ');
    // One line in place of one line; `mappings: ''` as for typeorm-compat.
    return { code: code.replace(load, `${imports.join(' ')} const require = (id) => ({ ${table} })[id];`), map: { mappings: '' } };
  },
};

const server = {
  input: 'dist/main.js',
  platform: 'node',
  plugins: [typeormCompat, mappedTypesRequire],
  external: [/^node:/, ...NATIVE, ...NOT_INSTALLED],
  output: {
    dir: 'dist/bundle',
    entryFileNames: 'server.cjs',
    chunkFileNames: '[name]-[hash].cjs',
    format: 'cjs',
    // import() of packages left outside (Nest's optional ones, not installed) becomes require(): a script compiled by
    // vm.Script has no loader for import(), and either way a missing package is a rejected promise.
    dynamicImportInCjs: false,
    // Class names stay: Nest names providers and TypeORM entities by them. ASCII only: a file with one Chinese
    // character is held by V8 at two bytes per character.
    minify: true,
    keepNames: true,
    charset: 'ascii',
    comments: false,
    cleanDir: true,
    sourcemap: true,
  },
};

/** The loader, after the server's build (which empties dist/bundle/ first). */
const loader = {
  input: 'dist/bundle-loader.js',
  platform: 'node',
  external: [/^node:/],
  output: { file: 'dist/bundle/main.js', format: 'esm', minify: true, sourcemap: true },
};

export default defineConfig([server, loader]);
