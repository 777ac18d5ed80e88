import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AUTHENTICODE_SCRIPT,
  authenticodeCommand,
  commonName,
  parseAuthenticode,
} from '../../../../main/platform/win32/authenticode';

const fixture = (name: string) => readFileSync(path.resolve(__dirname, '../../../fixtures/win32', name), 'utf8');

describe('Authenticode output parser (fixtures)', () => {
  it('reads a valid vendor signature', () => {
    expect(parseAuthenticode(fixture('authenticode-valid.json'))).toEqual({
      status: 'Valid',
      statusMessage: 'Signature verified.',
      subject: 'CN=Microsoft Corporation, O=Microsoft Corporation, L=Redmond, S=Washington, C=US',
      publisher: 'Microsoft Corporation',
      thumbprint: 'F9A7CF9FBE13BAC767F4781061332DA6E8B4E0EE',
    });
  });

  it('reads NotSigned (no certificate) and HashMismatch (certificate, changed file)', () => {
    expect(parseAuthenticode(fixture('authenticode-not-signed.json'))).toMatchObject({
      status: 'NotSigned',
      subject: null,
      publisher: null,
      thumbprint: null,
    });
    expect(parseAuthenticode(fixture('authenticode-hash-mismatch.json'))).toMatchObject({
      status: 'HashMismatch',
      publisher: 'Microsoft Corporation',
    });
  });

  it('reads another publisher, with a quoted CN holding a comma', () => {
    expect(parseAuthenticode(fixture('authenticode-other-publisher.json'))).toMatchObject({
      status: 'Valid',
      publisher: 'Contoso, Ltd.',
    });
  });

  it('also reads the raw `Get-AuthenticodeSignature | ConvertTo-Json` shape (numeric status, nested certificate)', () => {
    expect(parseAuthenticode(fixture('authenticode-raw-valid.json'))).toMatchObject({
      status: 'Valid',
      publisher: 'Microsoft Corporation',
      thumbprint: 'F9A7CF9FBE13BAC767F4781061332DA6E8B4E0EE',
    });
    expect(parseAuthenticode('{"Status":3}')).toMatchObject({ status: 'HashMismatch' });
  });

  it('gives null for anything it cannot read', () => {
    for (const bad of [
      '',
      'not json',
      '[]',
      '[1,2]',
      'null',
      '{"Status":null}',
      '{}',
      'Get-AuthenticodeSignature : Cannot find path',
    ])
      expect(parseAuthenticode(bad)).toBeNull();
  });

  it('takes the CN, not a CN-looking part of another attribute', () => {
    expect(commonName('O=Evil CN=Microsoft Corporation, CN=Contoso')).toBe('Contoso');
    expect(commonName('CN=Microsoft Corporation')).toBe('Microsoft Corporation');
    expect(commonName('CN="Microsoft Corporation"" fake", O=x')).toBe('Microsoft Corporation" fake');
    expect(commonName(null)).toBeNull();
  });
});

describe('authenticodeCommand', () => {
  it('runs Windows PowerShell by full path with a fixed script; the path travels only in MS_INSTALLER', () => {
    const hostile = 'C:\\in\\x\'; Remove-Item C:\\ -Recurse; $(calc) `"$env:x".exe';
    const command = authenticodeCommand(hostile, 'C:\\Windows');
    expect(command.file).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(command.args).toEqual(['-NoProfile', '-NonInteractive', '-Command', AUTHENTICODE_SCRIPT]);
    expect(command.args.join(' ')).not.toContain('Remove-Item');
    expect(command.env).toEqual({ MS_INSTALLER: hostile });
    expect(AUTHENTICODE_SCRIPT).toContain('-LiteralPath $env:MS_INSTALLER');
    // A relative or missing SystemRoot never makes it look for powershell.exe elsewhere.
    expect(authenticodeCommand('x', 'relative').file).toBe(
      'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    );
  });
});
