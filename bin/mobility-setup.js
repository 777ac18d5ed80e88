#!/usr/bin/env node
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const cli = path.join(__dirname, '..', 'dist', 'main', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('mobility-setup is not built yet: run "npm run build" in ' + path.dirname(__dirname) + '\n');
  process.exit(70);
}
require(cli);
