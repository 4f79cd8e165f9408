// electron-builder: packages out/ with production dependencies. npmRebuild is off: the
// Electron build of better-sqlite3 comes from scripts/lib/electron-native.js as a
// resource (see ADR 0001), so packaging never rebuilds node_modules in place.
module.exports = {
  appId: 'org.sheaf.app',
  productName: 'Sheaf',
  directories: { output: 'dist', buildResources: 'resources' },
  files: ['out/**', 'package.json'],
  npmRebuild: false,
  asarUnpack: ['**/*.node'],
  linux: { target: ['AppImage', 'deb'], category: 'Office' },
  mac: { target: ['dmg'], category: 'public.app-category.productivity' },
  win: { target: ['nsis'] },
};
