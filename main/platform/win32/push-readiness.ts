import type { PushReadinessItem } from '../../../common/troubleshoot';

/**
 * Windows push-install prerequisites. Not probed yet in this version (the firewall rule and registry readers
 * need captured `netsh`/`reg query` output to be tested against): each item says what to check and run, so
 * the person is not left without the steps. Error IDs from the vendor's push-install troubleshooting article.
 */
export function win32PushReadiness(): PushReadinessItem[] {
  return [
    {
      id: 'fileAndPrinterSharing',
      label: 'File and Printer Sharing allowed through the firewall',
      state: 'unknown',
      finding: 'Not checked by this version.',
      preventsErrors: ['95105', '95106'],
      remedy: 'netsh advfirewall firewall set rule group="File and Printer Sharing" new enable=Yes',
    },
    {
      id: 'wmi',
      label: 'Windows Management Instrumentation (WMI) allowed through the firewall',
      state: 'unknown',
      finding: 'Not checked by this version.',
      preventsErrors: ['95103'],
      remedy: 'netsh advfirewall firewall set rule group="Windows Management Instrumentation (WMI)" new enable=Yes',
    },
    {
      id: 'localAccountTokenFilterPolicy',
      label: 'LocalAccountTokenFilterPolicy for a local account',
      state: 'unknown',
      finding: 'Not checked by this version.',
      preventsErrors: ['95107', '95108'],
      remedy:
        'reg add HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System /v LocalAccountTokenFilterPolicy /t REG_DWORD /d 1',
    },
  ];
}
