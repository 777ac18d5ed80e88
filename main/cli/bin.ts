// Placeholder: the command line is built by the CLI work.
process.stdout.write('mobility-setup: not built yet\n');
