// The server as deployed: tsc's output (dist/, decorators and their metadata already compiled) bundled into
// dist/bundle/main.js, which `npm start` runs. Node loads one file instead of some 2,000 ES modules, so the service
// starts about half a second sooner and holds about 20 MB less (npm run bench, startup).
//
// Left out of the bundle and loaded from node_modules as usual:
// - native addons, and pg (loaded only for a PostgreSQL database);
// - what @nestjs/swagger loads through createRequire (class-validator, class-transformer), which a bundler cannot
//   see: bundled as well, they would be two copies, each with its own metadata;
// - Nest's optional packages that Qingdan does not install.
// typeorm is bundled: @nestjs/typeorm's one createRequire('typeorm') (typeorm-compat.js, for names TypeORM 1 no
// longer has) is pointed at the bundled copy, so it does not load a second one (about 160 ms) from node_modules.
// The exceljs import stays lazy: it goes into a chunk of its own, loaded on the first spreadsheet.
// dist/bundle/ is as deep as dist/<folder>/, so paths resolved from import.meta.url (seeds/, dist-web/) still hold.
import { defineConfig } from 'rolldown';

const NATIVE = ['better-sqlite3', 'bcrypt', 'pg'];
const LOADED_BY_NEST = ['class-validator', /^class-transformer(\/|$)/];
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

export default defineConfig({
  input: 'dist/main.js',
  platform: 'node',
  plugins: [typeormCompat],
  external: [/^node:/, ...NATIVE, ...LOADED_BY_NEST, ...NOT_INSTALLED],
  output: {
    dir: 'dist/bundle',
    entryFileNames: 'main.js',
    chunkFileNames: '[name]-[hash].js',
    format: 'esm',
    // Class names stay: Nest names providers and TypeORM entities by them. ASCII only: a file with one Chinese
    // character is held by V8 at two bytes per character.
    minify: true,
    keepNames: true,
    charset: 'ascii',
    comments: false,
    cleanDir: true,
    sourcemap: true,
  },
});
