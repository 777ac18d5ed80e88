import { describe, expect, it } from 'vitest';
import { linuxAgentFacts, parseDrscoutServer, parseKeyValueLines } from '../../../../main/platform/linux/vx-version';

describe('.vx_version and drscout.conf parsers', () => {
  it('reads version, folder and a Succeeded status as registered (CRLF, comments, quotes tolerated)', () => {
    const text =
      '# written by the installer\r\nVersion=9.65.0.0\r\nINSTALLATION_DIR="/usr/local/ASR"\r\nAGENT_CONFIGURATION_STATUS=Succeeded\r\n';
    expect(linuxAgentFacts(text, '[vxagent.transport]\nHostname=cs.contoso.local\n')).toEqual({
      installed: true,
      version: '9.65.0.0',
      installDir: '/usr/local/ASR',
      registered: true,
      configurationStatus: 'Succeeded',
      csAddress: 'cs.contoso.local',
      source: '/usr/local/.vx_version',
    });
  });

  it('treats any other status as not registered and a missing status as unknown', () => {
    expect(linuxAgentFacts('Version=9.64.0.0\nAGENT_CONFIGURATION_STATUS=Failed\n', null)).toMatchObject({
      installed: true,
      registered: false,
      configurationStatus: 'Failed',
    });
    expect(linuxAgentFacts('Version=9.64.0.0\n', null)).toMatchObject({
      installed: true,
      registered: null,
      configurationStatus: null,
      csAddress: null,
    });
  });

  it('says not installed when the file is absent', () => {
    expect(linuxAgentFacts(null, '[vxagent.transport]\nHostname=1.2.3.4\n')).toMatchObject({
      installed: false,
      csAddress: null,
      source: null,
    });
  });

  it('takes Hostname only from [vxagent.transport], and 0.0.0.0 means no server', () => {
    expect(parseDrscoutServer('[vxagent]\nHostname=wrong\n[vxagent.transport]\nPort=80\nHostname=10.0.0.5\n')).toBe(
      '10.0.0.5',
    );
    expect(parseDrscoutServer('[vxagent.transport]\nHostname=0.0.0.0\n')).toBeNull();
    expect(parseDrscoutServer('[vxagent]\nHostname=10.0.0.5\n')).toBeNull();
  });

  it('keeps the port the agent talks to (SslPort while Https=1, Port when Https=0), omitting the default 443', () => {
    expect(parseDrscoutServer('[vxagent.transport]\nPort=80\nSslPort=443\nHttps=1\nHostname=10.150.24.8\n')).toBe(
      '10.150.24.8',
    );
    expect(parseDrscoutServer('[vxagent.transport]\nPort=80\nSslPort=39525\nHttps=1\nHostname=127.0.0.1\n')).toBe(
      '127.0.0.1:39525',
    );
    expect(parseDrscoutServer('[vxagent.transport]\nPort=8080\nSslPort=443\nHttps=0\nHostname=cs.local\n')).toBe(
      'cs.local:8080',
    );
    expect(parseDrscoutServer('[vxagent.transport]\nSslPort=4443\nHostname=fd00::5\n')).toBe('[fd00::5]:4443');
  });

  it('lets a later line win, as sourcing the file in a shell would', () => {
    expect(parseKeyValueLines('A=1\nA=2\nnot a pair\n=x\n').get('A')).toBe('2');
  });
});
